//! Timeliness (tính kịp thời) of units' reports: on time, late by how many
//! days, or missing, as of a given day; a table across rounds with a rate
//! per unit.
//!
//! The first submission counts: a report sent on time and returned for
//! completion was still on time. Days late are calendar days after the
//! unit deadline (the deadline already being a working day). A report not
//! sent by `as_of` is missing once its deadline has passed, and not yet due
//! before that.

use chrono::NaiveDate;
use serde::Serialize;

use super::RoundId;
use crate::text;
use crate::units::UnitId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Timeliness {
    OnTime,
    Late {
        days: i64,
    },
    Missing,
    /// Not sent, and the deadline has not passed yet.
    NotDue,
}

impl Timeliness {
    pub fn code(self) -> &'static str {
        match self {
            Self::OnTime => "on_time",
            Self::Late { .. } => "late",
            Self::Missing => "missing",
            Self::NotDue => "not_due",
        }
    }

    /// "Đúng hạn", "Chậm 3 ngày", "Không gửi", "Chưa đến hạn".
    pub fn label(self) -> String {
        match self {
            Self::OnTime => "Đúng hạn".into(),
            Self::Late { days } => format!("Chậm {days} ngày"),
            Self::Missing => "Không gửi".into(),
            Self::NotDue => "Chưa đến hạn".into(),
        }
    }
}

/// How a report stands on `as_of`, from its first submission day (Vietnam
/// time) and the unit deadline; without a deadline, sent is on time.
pub fn timeliness(
    deadline: Option<NaiveDate>,
    first_submitted_on: Option<NaiveDate>,
    as_of: NaiveDate,
) -> Timeliness {
    match (first_submitted_on.filter(|d| *d <= as_of), deadline) {
        (Some(sent), Some(due)) if sent > due => Timeliness::Late {
            days: (sent - due).num_days(),
        },
        (Some(_), _) => Timeliness::OnTime,
        (None, Some(due)) if as_of > due => Timeliness::Missing,
        (None, _) => Timeliness::NotDue,
    }
}

/// A round as a column of the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoundColumn {
    pub round_id: RoundId,
    pub label: String,
    pub unit_deadline: Option<NaiveDate>,
}

/// One unit's report in one round, as far as timeliness goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Submission {
    pub round_id: RoundId,
    pub unit_id: UnitId,
    pub unit_name: String,
    pub first_submitted_on: Option<NaiveDate>,
}

/// A unit's counts over the rounds it had to report in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Rate {
    pub on_time: u32,
    pub late: u32,
    pub missing: u32,
    pub not_due: u32,
}

impl Rate {
    fn count(&mut self, t: Timeliness) {
        match t {
            Timeliness::OnTime => self.on_time += 1,
            Timeliness::Late { .. } => self.late += 1,
            Timeliness::Missing => self.missing += 1,
            Timeliness::NotDue => self.not_due += 1,
        }
    }

    /// Reports on time out of those due (on time, late or missing), in whole
    /// percent rounded half up; `None` when none was due yet.
    pub fn percent_on_time(&self) -> Option<u32> {
        let due = self.on_time + self.late + self.missing;
        (due > 0).then(|| (self.on_time * 200 + due) / (due * 2))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelinessRow {
    pub unit_id: UnitId,
    pub unit_name: String,
    /// One cell per round of the table; `None` where the unit had no report.
    pub cells: Vec<Option<Timeliness>>,
    pub rate: Rate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelinessTable {
    pub as_of: NaiveDate,
    pub rounds: Vec<RoundColumn>,
    /// By unit name in Vietnamese order.
    pub rows: Vec<TimelinessRow>,
}

/// The table of `submissions` across `rounds` (columns in the given order),
/// as of `as_of`. Submissions of rounds not listed are ignored.
pub fn timeliness_table(
    rounds: &[RoundColumn],
    submissions: &[Submission],
    as_of: NaiveDate,
) -> TimelinessTable {
    let mut rows: Vec<TimelinessRow> = Vec::new();
    for s in submissions {
        let Some(col) = rounds.iter().position(|r| r.round_id == s.round_id) else {
            continue;
        };
        let idx = match rows.iter().position(|r| r.unit_id == s.unit_id) {
            Some(i) => i,
            None => {
                rows.push(TimelinessRow {
                    unit_id: s.unit_id,
                    unit_name: s.unit_name.clone(),
                    cells: vec![None; rounds.len()],
                    rate: Rate::default(),
                });
                rows.len() - 1
            }
        };
        let t = timeliness(rounds[col].unit_deadline, s.first_submitted_on, as_of);
        let row = &mut rows[idx];
        if row.cells[col].is_none() {
            row.cells[col] = Some(t);
            row.rate.count(t);
        }
    }
    rows.sort_by_cached_key(|r| (text::sort_key(&r.unit_name), r.unit_id));
    TimelinessTable {
        as_of,
        rounds: rounds.to_vec(),
        rows,
    }
}
