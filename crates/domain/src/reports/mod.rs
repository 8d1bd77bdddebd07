//! Periodic CCHC reports (báo cáo định kỳ): report types as data, their
//! data cut-off windows and submission deadlines, the outline of sections
//! and fields, rounds (kỳ báo cáo) and each unit's report with its workflow,
//! versions, figures, timeliness and the department's consolidation.
//!
//! - [`ReportType`]: code, kind, label, window rule, deadline rules, outline;
//!   [`default_types`] are the defaults seeded in the database (ND 09/2019).
//! - `rules`: [`WindowRule`] and [`DeadlineRule`]; [`periods`] lists a year's rounds.
//! - `outline`: sections per reform area with narrative and figure fields.
//! - `workflow`: draft → submitted → returned → submitted → accepted (locked),
//!   and who may do what ([`rights`], [`check`]).
//! - `figures`: figures computed from tracking data, corrected by hand.
//! - `versions`: what was submitted, and the field-by-field [`diff`].
//! - `timeliness`: on time, late by N days, missing; the table across rounds.
//! - `consolidate`: the department's report assembled from accepted reports.
//! - `reminders`: the digests of reports due soon and overdue.

mod consolidate;
mod defaults;
mod figures;
mod outline;
mod reminders;
mod round;
mod rules;
mod timeliness;
mod versions;
mod workflow;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::units::UnitId;

pub use consolidate::{
    AcceptedReport, Consolidated, ConsolidatedField, ConsolidatedSection, TextContribution,
    UnitFigure, consolidate,
};
pub use defaults::{default_outline, default_types};
pub use figures::{
    FigureData, FigureOverrideDraft, FigureValue, Figures, ManualFigure, WorkFigures, figures,
};
pub use outline::{Field, FieldKind, Metric, Outline, OutlineSection, TEXT_MAX_CHARS, clean_texts};
pub use reminders::{ReportDigestItem, report_digest};
pub use round::{RoundDraft, ValidRound};
pub use rules::{CUTOFF_DAY, DeadlineRule, Period, Window, WindowRule, periods};
pub use timeliness::{
    Rate, RoundColumn, Submission, Timeliness, TimelinessRow, TimelinessTable, timeliness,
    timeliness_table,
};
pub use versions::{FieldChange, FieldChangeKind, Outcome, ReportContent, ReportVersion, diff};
pub use workflow::{
    Refusal, ReportAction, ReportRights, ReportStatus, RoundStatus, check, clean_comment, rights,
};

pub type RoundId = i64;
pub type UnitReportId = i64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    /// Báo cáo quý I.
    Q1,
    /// Báo cáo 6 tháng.
    H1,
    /// Báo cáo quý III, cumulative over 9 months.
    Q3,
    /// Báo cáo năm.
    Annual,
    /// Báo cáo đột xuất: window and deadlines given when the round is opened.
    Adhoc,
}

impl ReportKind {
    pub const ALL: [ReportKind; 5] = [Self::Q1, Self::H1, Self::Q3, Self::Annual, Self::Adhoc];

    pub fn code(self) -> &'static str {
        match self {
            Self::Q1 => "q1",
            Self::H1 => "h1",
            Self::Q3 => "q3",
            Self::Annual => "annual",
            Self::Adhoc => "adhoc",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Q1 => "Báo cáo quý I",
            Self::H1 => "Báo cáo 6 tháng",
            Self::Q3 => "Báo cáo quý III (9 tháng)",
            Self::Annual => "Báo cáo năm",
            Self::Adhoc => "Báo cáo đột xuất",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code.trim())
    }

    /// Periodic kinds have rounds every year; ad-hoc ones are opened by hand.
    pub fn is_periodic(self) -> bool {
        self != Self::Adhoc
    }
}

/// A report type, kept as data: the superior body sets windows and deadlines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportType {
    /// Stable code, e.g. `q1`.
    pub code: String,
    pub kind: ReportKind,
    /// "Báo cáo quý I".
    pub label: String,
    /// The data cut-off window; `None` for ad-hoc reports.
    pub window: Option<WindowRule>,
    /// When units submit to the department.
    pub unit_deadline: Option<DeadlineRule>,
    /// When the department submits its consolidated report.
    pub department_deadline: Option<DeadlineRule>,
    pub outline: Outline,
    pub active: bool,
}

impl ReportType {
    /// The label of this type's round of `year`: "Báo cáo quý I năm 2026",
    /// "Báo cáo năm 2026".
    pub fn round_label(&self, year: i32) -> String {
        if self.label.ends_with(" năm") {
            format!("{} {year}", self.label)
        } else {
            format!("{} năm {year}", self.label)
        }
    }
}

/// A round (kỳ báo cáo) as opened: its dates and outline are fixed then, so
/// later edits of the type do not change a running round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Round {
    pub id: RoundId,
    pub type_code: String,
    pub kind: ReportKind,
    pub year: i32,
    pub label: String,
    /// The department that collects the reports (its coordinator manages the round).
    pub unit_id: UnitId,
    pub window_start: NaiveDate,
    pub window_end: NaiveDate,
    pub unit_deadline: Option<NaiveDate>,
    pub department_deadline: Option<NaiveDate>,
    pub outline: Outline,
    pub status: RoundStatus,
    pub opened_by_name: String,
    pub opened_at: DateTime<Utc>,
    pub version: i64,
}

impl Round {
    pub fn window(&self) -> Window {
        Window {
            start: self.window_start,
            end: self.window_end,
        }
    }
}

/// One unit's report in a round: the working draft and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnitReport {
    pub id: UnitReportId,
    pub round_id: RoundId,
    pub unit_id: UnitId,
    pub status: ReportStatus,
    /// Narrative fields of the draft by field key ("section.field").
    pub texts: std::collections::BTreeMap<String, String>,
    pub saved_at: Option<DateTime<Utc>>,
    pub saved_by_name: String,
    /// The first submission decides timeliness.
    pub first_submitted_at: Option<DateTime<Utc>>,
    pub submitted_at: Option<DateTime<Utc>>,
    /// How many versions were submitted.
    pub submissions: i64,
    pub review_comment: String,
    pub reviewed_by_name: String,
    pub reviewed_at: Option<DateTime<Utc>>,
    pub version: i64,
}

/// "dd/mm/yyyy", the date format users read.
pub(crate) fn date_vn(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_and_labels_read_well() {
        for k in ReportKind::ALL {
            assert_eq!(ReportKind::parse(k.code()), Some(k));
        }
        let types = default_types();
        let labels: Vec<String> = types.iter().map(|t| t.round_label(2026)).collect();
        assert_eq!(
            labels,
            [
                "Báo cáo quý I năm 2026",
                "Báo cáo 6 tháng năm 2026",
                "Báo cáo quý III (9 tháng) năm 2026",
                "Báo cáo năm 2026",
                "Báo cáo đột xuất năm 2026",
            ]
        );
    }
}
