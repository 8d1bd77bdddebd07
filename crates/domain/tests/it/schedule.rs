//! Schedule expressions: every "Thời gian thực hiện" text of the seed plans,
//! the other kinds plans use, occurrences over a plan period, and property
//! tests that the parser never panics.

mod fixed;
mod kinds;
mod occurrences;
mod props;
mod seeds;

use cchc_domain::schedule::{Occurrence, PlanPeriod, Schedule, ScheduleKind, Span, TimePoint};
use chrono::NaiveDate;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

fn plan(first: i32, last: i32) -> PlanPeriod {
    PlanPeriod::new(first, last).expect("valid test period")
}

/// (label, window start, due, needs decision) of each occurrence.
fn summary(
    occurrences: &[Occurrence],
) -> Vec<(String, Option<NaiveDate>, Option<NaiveDate>, bool)> {
    occurrences
        .iter()
        .map(|o| (o.label.clone(), o.window_start, o.due, o.needs_decision()))
        .collect()
}

fn kind(text: &str) -> ScheduleKind {
    Schedule::parse(text).kind
}

fn fixed(point: TimePoint) -> ScheduleKind {
    ScheduleKind::Fixed {
        span: Span::at(point),
    }
}
