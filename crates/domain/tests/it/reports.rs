//! Periodic reports: windows and deadlines (year boundaries, holidays), the
//! workflow and its rights, timeliness, version diffs and consolidation.

mod content;
mod periods;
mod props;
mod workflow;

use chrono::NaiveDate;

/// A date from literals known to be valid.
fn d(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("valid test date")
}
