//! The government's published day-off decisions for public servants (cán bộ,
//! công chức, viên chức), as overrides of the statutory rules. The Prime
//! Minister decides the Tết days and any swap yearly; the ministry in charge of
//! labour (since 2025 the Ministry of Home Affairs) announces them.
//!
//! Only the dates where the decision differs from `rules` are listed. In each
//! year below, the published schedule (weekends included) was:
//!
//! | year | Tết Nguyên đán | Giỗ Tổ, 30/4, 1/5 | Quốc khánh |
//! | --- | --- | --- | --- |
//! | 2020 | 23/1–29/1 | 2/4; 30/4–3/5 | 2/9 |
//! | 2021 | 10/2–16/2 | 21/4; 30/4–3/5 | 2/9–5/9 |
//! | 2022 | 29/1–6/2 | 9/4–11/4; 30/4–3/5 | 1/9–4/9 |
//! | 2023 | 20/1–26/1 | 29/4–3/5 | 1/9–4/9 |
//! | 2024 | 8/2–14/2 | 18/4; 27/4–1/5 (Saturday 4/5 worked) | 31/8–3/9 |
//! | 2025 | 25/1–2/2 | 5/4–7/4; 30/4–4/5 (Saturday 26/4 worked) | 30/8–2/9 |
//! | 2026 | 14/2–22/2 | (rules) | (rules) |
//!
//! When Tết days fall on a weekend, the law gives compensatory days after
//! Tết; the decisions of 2020, 2021, 2023, 2024 and 2025 moved one of them to
//! the day before the eve (the last day of the lunar year), so the break
//! starts a day earlier and ends a day sooner.

use std::ops::RangeInclusive;

use chrono::NaiveDate;

use super::overrides::Override;

/// Years whose published decisions [`official_overrides`] holds.
pub const OFFICIAL_YEARS: RangeInclusive<i32> = 2020..=2026;

const TET_MOVED: &str = "Nghỉ bù Tết Nguyên đán";
const TET_MOVED_BACK: &str = "Ngày làm việc (ngày nghỉ bù Tết đã chuyển lên trước Tết)";

/// (year, month, day, day off?, name)
type Entry = (i32, u32, u32, bool, &'static str);

const DECISIONS: &[Entry] = &[
    // 2020: Tết 23/1 (29 Tết) to 29/1 (mùng 5).
    (2020, 1, 23, true, TET_MOVED),
    (2020, 1, 30, false, TET_MOVED_BACK),
    // 2021: Tết 10/2 (29 Tết) to 16/2 (mùng 5).
    (2021, 2, 10, true, TET_MOVED),
    (2021, 2, 17, false, TET_MOVED_BACK),
    // 2023: Tết 20/1 (29 Tết) to 26/1 (mùng 5).
    (2023, 1, 20, true, TET_MOVED),
    (2023, 1, 27, false, TET_MOVED_BACK),
    // 2024: Tết 8/2 (29 Tết) to 14/2 (mùng 5); Monday 29/4 swapped with Saturday 4/5.
    (2024, 2, 8, true, TET_MOVED),
    (2024, 2, 15, false, TET_MOVED_BACK),
    (
        2024,
        4,
        29,
        true,
        "Nghỉ hoán đổi (làm bù vào thứ Bảy 04/05/2024)",
    ),
    (2024, 5, 4, false, "Làm bù cho ngày nghỉ thứ Hai 29/04/2024"),
    // 2025: Tết 27/1 (28 Tết) to 31/1 (mùng 3) on weekdays, 25/1–2/2 in all;
    // Friday 2/5 swapped with Saturday 26/4.
    (2025, 1, 27, true, TET_MOVED),
    (2025, 2, 3, false, TET_MOVED_BACK),
    (
        2025,
        5,
        2,
        true,
        "Nghỉ hoán đổi (làm bù vào thứ Bảy 26/04/2025)",
    ),
    (
        2025,
        4,
        26,
        false,
        "Làm bù cho ngày nghỉ thứ Sáu 02/05/2025",
    ),
];

/// The published decisions of `year` as overrides (empty outside [`OFFICIAL_YEARS`]
/// and in years where the rules alone give the published schedule).
pub fn official_overrides(year: i32) -> Vec<Override> {
    DECISIONS
        .iter()
        .filter(|entry| entry.0 == year)
        .filter_map(to_override)
        .collect()
}

/// The published decisions of every year in [`OFFICIAL_YEARS`].
pub fn all_official_overrides() -> Vec<Override> {
    DECISIONS.iter().filter_map(to_override).collect()
}

fn to_override(&(year, month, day, off, name): &Entry) -> Option<Override> {
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    Some(if off {
        Override::day_off(date, name)
    } else {
        Override::working_day(date, name)
    })
}
