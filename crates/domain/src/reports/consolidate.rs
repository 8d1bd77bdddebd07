//! The department's report assembled from its units' accepted reports and
//! the department-wide figures: the data a document generator (.docx) lays
//! out, section by section in the round's outline.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::figures::{FigureValue, Figures};
use super::outline::FieldKind;
use super::versions::ReportContent;
use super::workflow::ReportStatus;
use super::{ReportKind, Round, RoundId};
use crate::text;
use crate::units::UnitId;

/// A unit's accepted report: the content of its accepted version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AcceptedReport {
    pub unit_id: UnitId,
    pub unit_name: String,
    /// The accepted version's number.
    pub version: i64,
    pub accepted_at: Option<DateTime<Utc>>,
    pub content: ReportContent,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextContribution {
    pub unit_id: UnitId,
    pub unit_name: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnitFigure {
    pub unit_id: UnitId,
    pub unit_name: String,
    pub value: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ConsolidatedField {
    /// What each unit wrote, in unit order; units that wrote nothing are left out.
    Text {
        key: String,
        label: String,
        contributions: Vec<TextContribution>,
    },
    /// The department's figure (its own data and corrections) beside each
    /// unit's accepted figure and their sum.
    Figure {
        key: String,
        label: String,
        unit: String,
        department: FigureValue,
        by_unit: Vec<UnitFigure>,
        units_total: i64,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConsolidatedSection {
    pub key: String,
    pub title: String,
    pub area_code: Option<String>,
    pub fields: Vec<ConsolidatedField>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Consolidated {
    pub round_id: RoundId,
    pub kind: ReportKind,
    pub year: i32,
    pub label: String,
    pub window_start: NaiveDate,
    pub window_end: NaiveDate,
    pub department_deadline: Option<NaiveDate>,
    pub sections: Vec<ConsolidatedSection>,
    /// Units whose accepted report is included, in unit order.
    pub included_units: Vec<String>,
    /// Units without an accepted report yet, with where theirs stands.
    pub pending_units: Vec<(String, ReportStatus)>,
}

/// Assembles the department's report of `round`. `accepted` are the units'
/// accepted reports, `pending` the other participants; both are put in
/// Vietnamese order of unit names.
pub fn consolidate(
    round: &Round,
    department: &Figures,
    accepted: &[AcceptedReport],
    pending: &[(String, ReportStatus)],
) -> Consolidated {
    let mut units: Vec<&AcceptedReport> = accepted.iter().collect();
    units.sort_by_cached_key(|a| (text::sort_key(&a.unit_name), a.unit_id));
    let sections = round
        .outline
        .sections
        .iter()
        .map(|section| ConsolidatedSection {
            key: section.key.clone(),
            title: section.title.clone(),
            area_code: section.area_code.clone(),
            fields: section
                .fields
                .iter()
                .map(|field| {
                    let key = format!("{}.{}", section.key, field.key);
                    match &field.kind {
                        FieldKind::Text => ConsolidatedField::Text {
                            contributions: units
                                .iter()
                                .filter_map(|a| {
                                    a.content.texts.get(&key).map(|t| TextContribution {
                                        unit_id: a.unit_id,
                                        unit_name: a.unit_name.clone(),
                                        text: t.clone(),
                                    })
                                })
                                .collect(),
                            key,
                            label: field.label.clone(),
                        },
                        FieldKind::Figure { unit, .. } => {
                            let by_unit: Vec<UnitFigure> = units
                                .iter()
                                .map(|a| UnitFigure {
                                    unit_id: a.unit_id,
                                    unit_name: a.unit_name.clone(),
                                    value: a.content.figures.get(&key).and_then(FigureValue::value),
                                })
                                .collect();
                            ConsolidatedField::Figure {
                                units_total: by_unit.iter().filter_map(|u| u.value).sum(),
                                department: department.get(&key).cloned().unwrap_or_default(),
                                by_unit,
                                key,
                                label: field.label.clone(),
                                unit: unit.clone(),
                            }
                        }
                    }
                })
                .collect(),
        })
        .collect();
    let mut pending = pending.to_vec();
    pending.sort_by_cached_key(|(name, _)| text::sort_key(name));
    Consolidated {
        round_id: round.id,
        kind: round.kind,
        year: round.year,
        label: round.label.clone(),
        window_start: round.window_start,
        window_end: round.window_end,
        department_deadline: round.department_deadline,
        sections,
        included_units: units.iter().map(|a| a.unit_name.clone()).collect(),
        pending_units: pending,
    }
}
