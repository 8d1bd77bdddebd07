//! The shapes of one unit's report over the API: its state, versions and
//! diff, and what callers send to change it.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use cchc_app::reports::UnitReportView;
use cchc_domain::reports::{FieldChange, ReportVersion, UnitReport};

use super::dto::{
    FigureValueDto, RoundDto, SectionDto, TimelinessDto, code_of, figures_dto, outline_dto,
};

/// A report's state after a change.
#[derive(Serialize, ToSchema)]
pub struct ReportStateDto {
    pub id: i64,
    pub round_id: i64,
    pub unit_id: i64,
    pub status: String,
    /// Narratives of the draft by field key.
    pub texts: BTreeMap<String, String>,
    pub saved_at: Option<DateTime<Utc>>,
    pub saved_by_name: String,
    pub first_submitted_at: Option<DateTime<Utc>>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub submissions: i64,
    pub review_comment: String,
    pub reviewed_by_name: String,
    pub reviewed_at: Option<DateTime<Utc>>,
    /// Send it back with the next change.
    pub version: i64,
}

impl From<UnitReport> for ReportStateDto {
    fn from(r: UnitReport) -> Self {
        ReportStateDto {
            id: r.id,
            round_id: r.round_id,
            unit_id: r.unit_id,
            status: r.status.code().into(),
            texts: r.texts,
            saved_at: r.saved_at,
            saved_by_name: r.saved_by_name,
            first_submitted_at: r.first_submitted_at,
            submitted_at: r.submitted_at,
            submissions: r.submissions,
            review_comment: r.review_comment,
            reviewed_by_name: r.reviewed_by_name,
            reviewed_at: r.reviewed_at,
            version: r.version,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct VersionDto {
    /// 1 for the first submission.
    pub number: i64,
    pub submitted_by_name: String,
    pub submitted_at: DateTime<Utc>,
    /// returned or accepted; none while it waits.
    pub outcome: Option<String>,
    pub review_comment: String,
    pub reviewed_by_name: String,
    pub reviewed_at: Option<DateTime<Utc>>,
    pub texts: BTreeMap<String, String>,
    pub figures: BTreeMap<String, FigureValueDto>,
}

impl From<&ReportVersion> for VersionDto {
    fn from(v: &ReportVersion) -> Self {
        VersionDto {
            number: v.number,
            submitted_by_name: v.submitted_by_name.clone(),
            submitted_at: v.submitted_at,
            outcome: v.outcome.map(|o| o.code().into()),
            review_comment: v.review_comment.clone(),
            reviewed_by_name: v.reviewed_by_name.clone(),
            reviewed_at: v.reviewed_at,
            texts: v.content.texts.clone(),
            figures: figures_dto(&v.content.figures),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct VersionSummaryDto {
    pub number: i64,
    pub submitted_by_name: String,
    pub submitted_at: DateTime<Utc>,
    pub outcome: Option<String>,
    pub review_comment: String,
}

#[derive(Serialize, ToSchema)]
pub struct UnitReportDto {
    pub report: ReportStateDto,
    pub round: RoundDto,
    pub department_name: String,
    pub unit_name: String,
    /// The round's outline: sections and their fields.
    pub outline: Vec<SectionDto>,
    /// While the unit writes: computed now, with corrections; once
    /// submitted, as in the last submitted version.
    pub figures: BTreeMap<String, FigureValueDto>,
    pub versions: Vec<VersionSummaryDto>,
    pub timeliness: TimelinessDto,
    /// Save the draft, correct figures and submit now.
    pub can_edit: bool,
    /// Return or accept now.
    pub can_review: bool,
}

impl From<UnitReportView> for UnitReportDto {
    fn from(v: UnitReportView) -> Self {
        UnitReportDto {
            round: (&v.round).into(),
            outline: outline_dto(&v.round.outline),
            figures: figures_dto(&v.figures),
            versions: v
                .versions
                .iter()
                .map(|x| VersionSummaryDto {
                    number: x.number,
                    submitted_by_name: x.submitted_by_name.clone(),
                    submitted_at: x.submitted_at,
                    outcome: x.outcome.map(|o| o.code().into()),
                    review_comment: x.review_comment.clone(),
                })
                .collect(),
            timeliness: v.timeliness.into(),
            can_edit: v.can_edit,
            can_review: v.can_review,
            department_name: v.department_name,
            unit_name: v.unit_name,
            report: v.report.into(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct FieldChangeDto {
    pub key: String,
    pub section: String,
    pub label: String,
    /// added, removed or changed
    pub kind: String,
    /// The field as shown in the older version (figures with their correction).
    pub before: Option<String>,
    pub after: Option<String>,
}

impl From<FieldChange> for FieldChangeDto {
    fn from(c: FieldChange) -> Self {
        FieldChangeDto {
            kind: code_of(&c.kind),
            key: c.key,
            section: c.section,
            label: c.label,
            before: c.before,
            after: c.after,
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct VersionInput {
    /// The report's (or round's) version as last read.
    pub version: i64,
}

#[derive(Deserialize, ToSchema)]
pub struct DraftInput {
    pub version: i64,
    /// Every narrative of the draft by field key; keys left out (or empty) are cleared.
    pub texts: BTreeMap<String, String>,
}

#[derive(Deserialize, ToSchema)]
pub struct FigureInput {
    /// The report's version; not used for the department's figures.
    #[serde(default)]
    pub version: Option<i64>,
    /// A figure field's full key, e.g. "tthc.tasks_done".
    pub field_key: String,
    /// The corrected value; null removes the correction.
    #[serde(default)]
    pub value: Option<i64>,
    /// Why (required with a value).
    #[serde(default)]
    pub note: String,
}

#[derive(Deserialize, ToSchema)]
pub struct ReturnInput {
    pub version: i64,
    /// Why the report goes back (required).
    pub comment: String,
}
