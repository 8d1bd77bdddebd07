//! Schedule expressions of plan tasks ("Quý I hàng năm", "Thường xuyên", ...) and their occurrences.
//!
//! A [`Schedule`] is read from the "Thời gian thực hiện" of a task: either a
//! start and an end column ([`Schedule::parse_pair`]) or one cell
//! ([`Schedule::parse`]). The original texts are always kept. Parsing never
//! fails and never panics: what is not understood is [`ScheduleKind::Unrecognized`].
//!
//! [`Schedule::occurrences`] turns the schedule into the times the task falls
//! due over a [`PlanPeriod`]. Due dates are calendar dates; moving them to
//! working days is the calendar's job. Rules:
//! - a month, quarter, half-year or year is due on its last day; a date on
//!   itself ("Trước 31/12/2020" is due 31/12/2020); a span on the last day of
//!   its end, with its start as the window start;
//! - "Thường xuyên" (continuous work) yields one occurrence per year of the
//!   period, "Năm 2021" due 31/12/2021, because yearly reporting is what a
//!   continuous task is tracked by;
//! - recurrences yield one occurrence per month, quarter, half-year or year;
//! - event-relative schedules yield one occurrence with no due date and the
//!   time limit after the event, to be dated when the event is recorded;
//! - a point without a year ("Quý IV") takes the year of a one-year plan;
//! - anything uncertain (by reference, "định kỳ" alone, missing year in a
//!   multi-year plan, unreadable text, disagreeing columns) yields an
//!   occurrence flagged [`DecisionReason`] ("Cần xác định thời hạn") for the
//!   coordinator: never dropped, never guessed.

mod kind;
pub(crate) mod lex;
mod occurrence;
mod parse;
mod point;
mod point_parse;

use serde::{Deserialize, Serialize};

pub use kind::{AfterEvent, Offset, OffsetUnit, Recurrence, ScheduleKind};
pub use occurrence::{DecisionReason, MAX_PLAN_YEARS, Occurrence, PlanPeriod, PlanPeriodError};
pub use point::{Span, TimePoint};

/// The schedule of a task, with the texts it was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    /// The start column, or the single "Thời gian thực hiện" cell, as written.
    pub start_text: String,
    /// The end column as written; `None` when the plan has a single cell.
    pub end_text: Option<String>,
    /// What the texts mean.
    pub kind: ScheduleKind,
}

impl Schedule {
    /// Reads a single "Thời gian thực hiện" cell.
    pub fn parse(text: &str) -> Self {
        Schedule {
            start_text: text.to_owned(),
            end_text: None,
            kind: parse::parse_cell(text),
        }
    }

    /// Reads a "Bắt đầu" / "Kết thúc" pair of cells.
    pub fn parse_pair(start: &str, end: &str) -> Self {
        Schedule {
            start_text: start.to_owned(),
            end_text: Some(end.to_owned()),
            kind: combine(parse::parse_cell(start), parse::parse_cell(end)),
        }
    }

    /// The original text on one line: "Tháng 01/2020 - Tháng 12/2020", or
    /// the one non-empty cell.
    pub fn source_text(&self) -> String {
        let start = self.start_text.trim();
        match self.end_text.as_deref().map(str::trim) {
            Some(end) if !end.is_empty() && !start.is_empty() && end != start => {
                format!("{start} - {end}")
            }
            Some(end) if start.is_empty() => end.to_owned(),
            _ => start.to_owned(),
        }
    }

    /// The times the task falls due over `period` (see the module docs).
    /// Never empty: what cannot be dated is one flagged occurrence.
    pub fn occurrences(&self, period: PlanPeriod) -> Vec<Occurrence> {
        occurrence::occurrences(&self.kind, &self.source_text(), period)
    }
}

/// The kind of a start/end pair. The end cell governs the deadline.
fn combine(start: ScheduleKind, end: ScheduleKind) -> ScheduleKind {
    use ScheduleKind as K;
    match (start, end) {
        (K::Unspecified, k) | (k, K::Unspecified) => k,
        (a, b) if a == b => a,
        (K::Fixed { span: a }, K::Fixed { span: b }) => K::Fixed {
            span: Span::between(a.from.unwrap_or(a.to), b.to),
        },
        (K::AfterEvent { after: a }, K::AfterEvent { after: b }) => K::AfterEvent {
            after: if b.offset.is_some() || a.offset.is_none() {
                b
            } else {
                a
            },
        },
        (K::Unrecognized, _) | (_, K::Unrecognized) => K::Unrecognized,
        (start, end) => K::Conflicting {
            start: Box::new(start),
            end: Box::new(end),
        },
    }
}
