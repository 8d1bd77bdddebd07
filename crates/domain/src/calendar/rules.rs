//! The statutory days off of a year, as the Labour Code lays them down, before
//! any yearly government decision (those are overrides, see `official`).
//!
//! Public holidays (Bộ luật Lao động 2019, Điều 112; earlier codes as noted):
//! - Tết Dương lịch: 1/1.
//! - Tết Nguyên đán: 5 days from 2014 (Labour Code 2012, in force 1/5/2013),
//!   4 days before. The government picks the days yearly; the rule here is the
//!   last day of the old lunar year (29 or 30 Tết) plus mùng 1–4 (mùng 1–3
//!   before 2014), the choice it makes when no weekend is involved.
//! - Giỗ Tổ Hùng Vương: 10/3 lunar, from 2007 (amendment of the 1994 code).
//! - Ngày Chiến thắng 30/4 and Quốc tế Lao động 1/5.
//! - Quốc khánh: 2/9, plus from 2021 "1/9 or 3/9" as decided yearly. The
//!   government has chosen the neighbour that joins the break to a weekend
//!   (2021: 2/9 Thursday + 3/9; 2022: 1/9 Thursday + 2/9 Friday; 2023: 1/9
//!   Friday; 2024: 2/9 Monday + 3/9; 2025: 1/9 Monday + 2/9 Tuesday), so
//!   the rule is 3/9 when 2/9 is a Monday or a Thursday and 1/9 otherwise.
//!
//! Compensatory days (nghỉ bù, Điều 111 khoản 3): a holiday falling on a
//! Saturday or Sunday gives one day off on the next day that is neither a
//! weekend day, a holiday nor an earlier compensatory day. Holidays are taken
//! in date order, so two weekend Tết days give the two working days after Tết.

use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::lunar::LunarYear;

/// Name of 1 January.
pub const NEW_YEAR: &str = "Tết Dương lịch";
/// Name of every Tết day.
pub const LUNAR_NEW_YEAR: &str = "Tết Nguyên đán";
/// Name of 10/3 lunar.
pub const HUNG_KINGS: &str = "Giỗ Tổ Hùng Vương";
/// Name of 30 April.
pub const VICTORY_DAY: &str = "Ngày Chiến thắng";
/// Name of 1 May.
pub const LABOUR_DAY: &str = "Quốc tế Lao động";
/// Name of 2 September and its adjacent day.
pub const NATIONAL_DAY: &str = "Quốc khánh";
/// Prefix of a compensatory day's name: "Nghỉ bù Quốc khánh".
pub const COMPENSATORY_PREFIX: &str = "Nghỉ bù";

const GIO_TO_FROM: i32 = 2007;
const FIVE_DAY_TET_FROM: i32 = 2014;
const TWO_DAY_NATIONAL_DAY_FROM: i32 = 2021;

/// Whether `date` is a Saturday or a Sunday.
pub fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The days off the statutory rules give in `year`: public holidays (also
/// those on a weekend) and compensatory days, sorted by date, with their
/// Vietnamese names. Tết and Giỗ Tổ are only known for years where the lunar
/// calendar is computed (see `LUNAR_SUPPORTED_YEARS`).
pub fn rule_days_off(year: i32) -> Vec<(NaiveDate, String)> {
    let holidays = public_holidays(year);
    let mut days: Vec<(NaiveDate, String)> = compensatory_days(&holidays);
    days.extend(holidays.into_iter().map(|(d, n)| (d, n.to_owned())));
    days.sort();
    days
}

/// The public holidays of `year` with their names, sorted by date.
pub fn public_holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let mut days = Vec::new();
    let mut fixed = |month: u32, day: u32, name: &'static str| {
        if let Some(date) = NaiveDate::from_ymd_opt(year, month, day) {
            days.push((date, name));
        }
    };
    fixed(1, 1, NEW_YEAR);
    fixed(4, 30, VICTORY_DAY);
    fixed(5, 1, LABOUR_DAY);
    fixed(9, 2, NATIONAL_DAY);
    if year >= TWO_DAY_NATIONAL_DAY_FROM {
        let second = match NaiveDate::from_ymd_opt(year, 9, 2).map(|d| d.weekday()) {
            Some(Weekday::Mon | Weekday::Thu) => 3,
            _ => 1,
        };
        fixed(9, second, NATIONAL_DAY);
    }
    if let Some(lunar) = LunarYear::of(year) {
        days.extend(tet_days(year, lunar.new_year).map(|d| (d, LUNAR_NEW_YEAR)));
        if year >= GIO_TO_FROM
            && let Some(date) = lunar.date_of(3, false, 10)
        {
            days.push((date, HUNG_KINGS));
        }
    }
    days.sort();
    days
}

/// The last day of the old lunar year, then mùng 1, 2, ...
fn tet_days(year: i32, new_year: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    let days_after_eve: u64 = if year >= FIVE_DAY_TET_FROM { 5 } else { 4 };
    let eve = new_year.pred_opt();
    (0..days_after_eve).filter_map(move |k| eve?.checked_add_days(Days::new(k)))
}

fn compensatory_days(holidays: &[(NaiveDate, &'static str)]) -> Vec<(NaiveDate, String)> {
    let mut taken: BTreeSet<NaiveDate> = holidays.iter().map(|(d, _)| *d).collect();
    let mut days = Vec::new();
    for (date, name) in holidays.iter().filter(|(d, _)| is_weekend(*d)) {
        let mut candidate = date.succ_opt();
        while let Some(day) = candidate {
            if !is_weekend(day) && !taken.contains(&day) {
                break;
            }
            candidate = day.succ_opt();
        }
        if let Some(day) = candidate {
            taken.insert(day);
            days.push((day, format!("{COMPENSATORY_PREFIX} {name}")));
        }
    }
    days
}
