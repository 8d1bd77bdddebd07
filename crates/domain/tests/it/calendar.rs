//! The working-day calendar: lunar dates, statutory rules, the government's
//! published schedules 2020–2026 and the properties of the day arithmetic.

mod lunar;
mod official;
mod props;
mod rules;

use chrono::NaiveDate;

/// A date from literals known to be valid.
fn d(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("valid test date")
}
