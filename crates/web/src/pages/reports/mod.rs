//! Periodic report pages (báo cáo định kỳ): the rounds of a year and opening
//! one, a round's units, a unit's report with autosaved drafts and figure
//! corrections, submission and review, versions and their diff, timeliness
//! across rounds and the department's consolidated report.

pub mod consolidated;
pub mod history;
pub mod open;
pub mod report;
pub mod review;
pub mod rounds;
mod sections;
pub mod timeliness;
mod word_diff;

use cchc_domain::reports::{Outcome, ReportStatus, RoundStatus, Timeliness};

/// A status shown as a coloured badge.
pub struct Badge {
    pub class: &'static str,
    pub label: String,
}

impl Badge {
    pub fn timeliness(t: Timeliness) -> Badge {
        let class = match t {
            Timeliness::OnTime => "ok",
            Timeliness::Late { .. } => "warn",
            Timeliness::Missing => "overdue",
            Timeliness::NotDue => "",
        };
        Badge {
            class,
            label: t.label(),
        }
    }

    pub fn status(s: ReportStatus) -> Badge {
        let class = match s {
            ReportStatus::Draft => "",
            ReportStatus::Submitted => "st-in_progress",
            ReportStatus::Returned => "overdue",
            ReportStatus::Accepted => "ok",
        };
        Badge {
            class,
            label: s.label().into(),
        }
    }

    pub fn round(s: RoundStatus) -> Badge {
        Badge {
            class: if s == RoundStatus::Open { "ok" } else { "" },
            label: s.label().into(),
        }
    }

    pub fn outcome(o: Outcome) -> Badge {
        Badge {
            class: if o == Outcome::Accepted {
                "ok"
            } else {
                "overdue"
            },
            label: o.label().into(),
        }
    }
}

/// The version number a form sent; a missing one never matches (conflict).
pub(crate) fn version_of(value: &str) -> i64 {
    value.trim().parse().unwrap_or(0)
}

/// The first value of `key` in a form sent as pairs.
pub(crate) fn field<'a>(pairs: &'a [(String, String)], key: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map_or("", |(_, v)| v.as_str())
}
