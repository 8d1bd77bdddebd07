//! Periodic reports: opening rounds, the workflow and its rights, figures
//! and corrections, timeliness, consolidation, the generated documents and
//! reminders.

mod demo;
mod documents;
mod figures;
mod reminders;
mod rounds;
mod workflow;

use std::collections::BTreeMap;

use chrono::{NaiveDate, TimeZone, Utc};

use cchc_testkit::TestApp;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Sets the test clock to 09:00 Vietnam time on `day`.
fn at_nine(t: &TestApp, day: NaiveDate) {
    let utc = day.and_hms_opt(2, 0, 0).unwrap();
    t.clock.set(Utc.from_utc_datetime(&utc));
}

fn texts(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}
