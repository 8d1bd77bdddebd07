//! The shapes of periodic reports over the API: types, periods, rounds,
//! timeliness and figures.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use cchc_app::reports::{ReportSummary, RoundView};
use cchc_domain::reports::{
    FieldKind, FigureValue, Figures, Outline, Period, ReportType, Round, Timeliness,
};

/// A code as its serde name (`tasks_due`, `q1`).
pub(super) fn code_of<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

#[derive(Serialize, ToSchema)]
pub struct FieldDto {
    /// Full key, "section.field": the key of `texts` and `figures`.
    pub key: String,
    pub label: String,
    /// text or figure
    #[serde(rename = "type")]
    pub kind: String,
    /// A narrative that must be written before submitting.
    pub required: bool,
    /// What a computed figure counts (tasks_due, tasks_done, tasks_on_time,
    /// tasks_overdue, tasks_not_done, budget_vnd, evidence_files); none for
    /// narratives and figures typed by hand.
    pub metric: Option<String>,
    /// What a figure counts in, e.g. "nhiệm vụ", "đồng".
    pub unit: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct SectionDto {
    pub key: String,
    pub title: String,
    /// The reform area whose work the section's figures count; none: all work.
    pub area_code: Option<String>,
    pub fields: Vec<FieldDto>,
}

pub(super) fn outline_dto(o: &Outline) -> Vec<SectionDto> {
    o.sections
        .iter()
        .map(|s| SectionDto {
            key: s.key.clone(),
            title: s.title.clone(),
            area_code: s.area_code.clone(),
            fields: s
                .fields
                .iter()
                .map(|f| {
                    let (kind, metric, unit) = match &f.kind {
                        FieldKind::Text => ("text", None, None),
                        FieldKind::Figure { metric, unit } => {
                            ("figure", metric.map(|m| code_of(&m)), Some(unit.clone()))
                        }
                    };
                    FieldDto {
                        key: format!("{}.{}", s.key, f.key),
                        label: f.label.clone(),
                        kind: kind.into(),
                        required: f.required,
                        metric,
                        unit,
                    }
                })
                .collect(),
        })
        .collect()
}

#[derive(Serialize, ToSchema)]
pub struct ReportTypeDto {
    pub code: String,
    /// q1, h1, q3, annual or adhoc
    pub kind: String,
    pub label: String,
    /// The data cut-off window in words; none for ad-hoc reports.
    pub window_rule: Option<String>,
    pub unit_deadline_rule: Option<String>,
    pub department_deadline_rule: Option<String>,
    pub active: bool,
    pub outline: Vec<SectionDto>,
}

impl From<ReportType> for ReportTypeDto {
    fn from(t: ReportType) -> Self {
        ReportTypeDto {
            kind: t.kind.code().into(),
            window_rule: t.window.map(|w| w.describe()),
            unit_deadline_rule: t.unit_deadline.map(|d| d.describe()),
            department_deadline_rule: t.department_deadline.map(|d| d.describe()),
            outline: outline_dto(&t.outline),
            code: t.code,
            label: t.label,
            active: t.active,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct PeriodDto {
    pub type_code: String,
    pub kind: String,
    pub year: i32,
    pub label: String,
    pub window_start: NaiveDate,
    pub window_end: NaiveDate,
    pub unit_deadline: Option<NaiveDate>,
    pub department_deadline: Option<NaiveDate>,
}

impl From<Period> for PeriodDto {
    fn from(p: Period) -> Self {
        PeriodDto {
            kind: p.kind.code().into(),
            type_code: p.type_code,
            year: p.year,
            label: p.label,
            window_start: p.window_start,
            window_end: p.window_end,
            unit_deadline: p.unit_deadline,
            department_deadline: p.department_deadline,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct TimelinessDto {
    /// on_time, late, missing or not_due (not sent, deadline not passed)
    pub status: String,
    /// Calendar days after the unit deadline, when late.
    pub days_late: Option<i64>,
    pub label: String,
}

impl From<Timeliness> for TimelinessDto {
    fn from(t: Timeliness) -> Self {
        TimelinessDto {
            status: t.code().into(),
            days_late: match t {
                Timeliness::Late { days } => Some(days),
                _ => None,
            },
            label: t.label(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct RoundDto {
    pub id: i64,
    pub type_code: String,
    pub kind: String,
    pub year: i32,
    pub label: String,
    /// The department collecting the reports.
    pub unit_id: i64,
    pub window_start: NaiveDate,
    pub window_end: NaiveDate,
    pub unit_deadline: Option<NaiveDate>,
    pub department_deadline: Option<NaiveDate>,
    /// open or closed
    pub status: String,
    pub opened_by_name: String,
    pub opened_at: DateTime<Utc>,
    pub version: i64,
}

impl From<&Round> for RoundDto {
    fn from(r: &Round) -> Self {
        RoundDto {
            id: r.id,
            type_code: r.type_code.clone(),
            kind: r.kind.code().into(),
            year: r.year,
            label: r.label.clone(),
            unit_id: r.unit_id,
            window_start: r.window_start,
            window_end: r.window_end,
            unit_deadline: r.unit_deadline,
            department_deadline: r.department_deadline,
            status: r.status.code().into(),
            opened_by_name: r.opened_by_name.clone(),
            opened_at: r.opened_at,
            version: r.version,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ReportSummaryDto {
    pub report_id: i64,
    pub unit_id: i64,
    pub unit_name: String,
    /// draft, submitted, returned or accepted
    pub status: String,
    pub submissions: i64,
    pub first_submitted_at: Option<DateTime<Utc>>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub timeliness: TimelinessDto,
    pub version: i64,
}

impl From<ReportSummary> for ReportSummaryDto {
    fn from(r: ReportSummary) -> Self {
        ReportSummaryDto {
            report_id: r.report_id,
            unit_id: r.unit_id,
            unit_name: r.unit_name,
            status: r.status.code().into(),
            submissions: r.submissions,
            first_submitted_at: r.first_submitted_at,
            submitted_at: r.submitted_at,
            timeliness: r.timeliness.into(),
            version: r.version,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct RoundDetailDto {
    pub round: RoundDto,
    pub department_name: String,
    /// The reports the caller sees, by unit name.
    pub reports: Vec<ReportSummaryDto>,
    /// Review reports, correct the department's figures, close the round.
    pub can_manage: bool,
}

impl From<RoundView> for RoundDetailDto {
    fn from(v: RoundView) -> Self {
        RoundDetailDto {
            round: (&v.round).into(),
            department_name: v.department_name,
            reports: v.reports.into_iter().map(Into::into).collect(),
            can_manage: v.can_manage,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ManualFigureDto {
    pub value: i64,
    /// Why the figure was corrected.
    pub note: String,
    pub by_name: String,
    pub at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct FigureValueDto {
    /// The value in force: the correction when there is one.
    pub value: Option<i64>,
    /// Computed from cchc's data; none for figures typed by hand.
    pub computed: Option<i64>,
    pub manual: Option<ManualFigureDto>,
}

impl From<&FigureValue> for FigureValueDto {
    fn from(f: &FigureValue) -> Self {
        FigureValueDto {
            value: f.value(),
            computed: f.computed,
            manual: f.manual.as_ref().map(|m| ManualFigureDto {
                value: m.value,
                note: m.note.clone(),
                by_name: m.by_name.clone(),
                at: m.at,
            }),
        }
    }
}

pub(super) fn figures_dto(f: &Figures) -> BTreeMap<String, FigureValueDto> {
    f.iter().map(|(k, v)| (k.clone(), v.into())).collect()
}
