//! The Vietnamese lunar calendar (âm lịch): the Chinese astronomical rules
//! (months start at the new moon, the leap month is the first month without a
//! major solar term) evaluated at Vietnam's meridian, UTC+7.
//!
//! Because days start at midnight UTC+7 rather than UTC+8, a new moon between
//! 16:00 and 17:00 UTC starts the month a day earlier than in China: Tết was
//! 2007-02-17 in Vietnam but 2007-02-18 in China, and will be 2030-02-02 against
//! 2030-02-03. The shifted month boundaries can also move a leap month: Tết
//! 1985 was 1985-01-21 in Vietnam and 1985-02-20 in China.
//!
//! Vietnam switched its lunar calendar from the Chinese meridian (UTC+8) to
//! UTC+7 in 1967 (decision of the Government of the Democratic Republic of
//! Vietnam, applied from the 1968 calendar: Tết Mậu Thân was 1968-01-29 in the
//! North and 1968-01-30 in the South), so dates before 1968 are computed at UTC+8.
//!
//! The astronomy comes from `calendrical_calculations` (Reingold & Dershowitz),
//! whose Chinese-calendar code is generic over the UTC offset. Only dates in
//! [`LUNAR_SUPPORTED_YEARS`] are converted: outside that range the astronomical
//! model degrades and the crate's internal checks may fail.

use std::ops::RangeInclusive;

use calendrical_calculations::chinese_based::{ChineseBased, YearBounds, month_structure_for_year};
use calendrical_calculations::gregorian::fixed_from_gregorian;
use calendrical_calculations::rata_die::RataDie;
use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// Gregorian years whose dates [`to_lunar`] and [`from_lunar`] convert.
pub const LUNAR_SUPPORTED_YEARS: RangeInclusive<i32> = 1800..=2199;

/// A date of the Vietnamese lunar calendar.
///
/// `year` is the Gregorian year in which the lunar year begins (Tết Ất Tỵ fell
/// on 2025-01-29, so lunar 10/3 Ất Tỵ is `year: 2025`). `leap` marks the
/// intercalary month (tháng nhuận), which repeats the number of the month
/// before it: 2023 had months 1, 2, leap 2, 3, ...
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct LunarDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub leap: bool,
}

const STEMS: [&str; 10] = [
    "Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý",
];
const BRANCHES: [&str; 12] = [
    "Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi",
];

impl LunarDate {
    /// A lunar date in an ordinary (non-leap) month.
    pub fn new(year: i32, month: u8, day: u8) -> Self {
        LunarDate {
            year,
            month,
            day,
            leap: false,
        }
    }

    /// The sexagenary name of the lunar year, e.g. "Ất Tỵ" for 2025.
    pub fn year_name(&self) -> String {
        // Year 4 of the Common Era was a Giáp Tý year.
        let stem = usize::try_from((i64::from(self.year) + 6).rem_euclid(10)).unwrap_or(0);
        let branch = usize::try_from((i64::from(self.year) + 8).rem_euclid(12)).unwrap_or(0);
        format!(
            "{} {}",
            STEMS.get(stem).unwrap_or(&""),
            BRANCHES.get(branch).unwrap_or(&"")
        )
    }
}

/// The lunar date of `date`, or `None` outside [`LUNAR_SUPPORTED_YEARS`].
pub fn to_lunar(date: NaiveDate) -> Option<LunarDate> {
    if !LUNAR_SUPPORTED_YEARS.contains(&date.year()) {
        return None;
    }
    let year = LunarYear::containing(date)?;
    let mut offset = date.signed_duration_since(year.new_year).num_days();
    for month in &year.months {
        if offset < i64::from(month.len) {
            return Some(LunarDate {
                year: year.year,
                month: month.number,
                day: u8::try_from(offset + 1).ok()?,
                leap: month.leap,
            });
        }
        offset -= i64::from(month.len);
    }
    None
}

/// The Gregorian date of a lunar date; `None` if that date does not exist
/// (month out of 1–12, a leap month the year does not have, day 30 of a
/// 29-day month) or falls outside [`LUNAR_SUPPORTED_YEARS`].
pub fn from_lunar(date: LunarDate) -> Option<NaiveDate> {
    LunarYear::of(date.year)?.date_of(date.month, date.leap, date.day)
}

/// The first day of the lunar year (mùng 1 Tết) beginning in Gregorian `year`.
pub fn lunar_new_year(year: i32) -> Option<NaiveDate> {
    let year = LunarYear::of(year)?;
    LUNAR_SUPPORTED_YEARS
        .contains(&year.new_year.year())
        .then_some(year.new_year)
}

/// The number of the month that is repeated as a leap month in lunar `year`, if any.
pub fn leap_month(year: i32) -> Option<u8> {
    LunarYear::of(year)?
        .months
        .iter()
        .find(|month| month.leap)
        .map(|month| month.number)
}

/// The Chinese rules at Vietnam's meridian; the epoch only feeds the crate's
/// own year numbering, which we do not use (our year is that of the new year date).
struct Vietnamese;

const UTC7_FROM: RataDie = fixed_from_gregorian(1968, 1, 1);

impl ChineseBased for Vietnamese {
    fn utc_offset(fixed: RataDie) -> f64 {
        if fixed < UTC7_FROM {
            8.0 / 24.0
        } else {
            7.0 / 24.0
        }
    }

    const EPOCH: RataDie = fixed_from_gregorian(-2636, 2, 15);
    const DEBUG_NAME: &'static str = "vietnamese";
}

#[derive(Debug, Clone, Copy)]
struct LunarMonth {
    number: u8,
    leap: bool,
    len: u8,
}

/// One lunar year: its first day and its 12 or 13 months in order.
#[derive(Debug, Clone)]
pub(crate) struct LunarYear {
    year: i32,
    pub(crate) new_year: NaiveDate,
    months: Vec<LunarMonth>,
}

impl LunarYear {
    /// The lunar year beginning in Gregorian `year`.
    pub(crate) fn of(year: i32) -> Option<Self> {
        // Tết falls between 21 January and 20 February, so 1 July is always
        // in the lunar year that began in the same Gregorian year.
        let mid_year = NaiveDate::from_ymd_opt(year, 7, 1)?;
        // The year before the range is allowed so January dates of its first
        // year convert both ways.
        let first = LUNAR_SUPPORTED_YEARS.start().checked_sub(1)?;
        if !(first..=*LUNAR_SUPPORTED_YEARS.end()).contains(&year) {
            return None;
        }
        Self::containing(mid_year)
    }

    fn containing(date: NaiveDate) -> Option<Self> {
        let bounds = YearBounds::compute::<Vietnamese>(rata_die(date));
        let (long_months, leap_ordinal) =
            month_structure_for_year::<Vietnamese>(bounds.new_year, bounds.next_new_year);
        let new_year = naive_date(bounds.new_year)?;
        let count = if leap_ordinal.is_some() { 13 } else { 12 };
        let mut months = Vec::with_capacity(count);
        for (index, long) in long_months.iter().take(count).enumerate() {
            let ordinal = u8::try_from(index + 1).ok()?;
            let (number, leap) = match leap_ordinal {
                Some(leap) if ordinal == leap => (leap.checked_sub(1)?, true),
                Some(leap) if ordinal > leap => (ordinal - 1, false),
                _ => (ordinal, false),
            };
            let len = if *long { 30 } else { 29 };
            months.push(LunarMonth { number, leap, len });
        }
        // Defensive: never hand out dates from an inconsistent year structure.
        let total: i64 = months.iter().map(|m| i64::from(m.len)).sum();
        let consistent = total == bounds.next_new_year.since(bounds.new_year)
            && months.iter().all(|m| (1..=12).contains(&m.number));
        consistent.then_some(LunarYear {
            year: new_year.year(),
            new_year,
            months,
        })
    }

    /// The Gregorian date of day `day` of month `number` (`leap` for the leap month).
    pub(crate) fn date_of(&self, number: u8, leap: bool, day: u8) -> Option<NaiveDate> {
        let mut offset = 0u64;
        for month in &self.months {
            if month.number == number && month.leap == leap {
                if day == 0 || day > month.len {
                    return None;
                }
                let date = self
                    .new_year
                    .checked_add_days(Days::new(offset + u64::from(day) - 1))?;
                return LUNAR_SUPPORTED_YEARS.contains(&date.year()).then_some(date);
            }
            offset += u64::from(month.len);
        }
        None
    }
}

fn rata_die(date: NaiveDate) -> RataDie {
    // Both count 0001-01-01 (proleptic Gregorian) as day 1.
    RataDie::new(i64::from(date.num_days_from_ce()))
}

fn naive_date(fixed: RataDie) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(fixed.to_i64_date()).ok()?)
}
