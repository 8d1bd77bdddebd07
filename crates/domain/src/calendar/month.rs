//! A month laid out as a wall calendar: whole weeks, Monday first.

use chrono::{Datelike, Days, NaiveDate};

/// The weeks (Monday to Sunday) that contain a day of `month` of `year`,
/// so the first and last rows may start or end in the neighbouring months.
/// `None` for a month that does not exist or is out of `NaiveDate`'s range.
pub fn month_weeks(year: i32, month: u32) -> Option<Vec<[NaiveDate; 7]>> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let (next_year, next_month) = next_month(year, month);
    let last = NaiveDate::from_ymd_opt(next_year, next_month, 1)?.pred_opt()?;
    let mut monday =
        first.checked_sub_days(Days::new(u64::from(first.weekday().num_days_from_monday())))?;
    let mut weeks = Vec::with_capacity(6);
    while monday <= last {
        let mut week = [monday; 7];
        for (offset, day) in (0u64..).zip(week.iter_mut()) {
            *day = monday.checked_add_days(Days::new(offset))?;
        }
        weeks.push(week);
        monday = monday.checked_add_days(Days::new(7))?;
    }
    Some(weeks)
}

/// The month before `month` of `year`, as (year, month).
pub fn previous_month(year: i32, month: u32) -> (i32, u32) {
    if month <= 1 {
        (year - 1, 12)
    } else {
        (year, month - 1)
    }
}

/// The month after `month` of `year`, as (year, month).
pub fn next_month(year: i32, month: u32) -> (i32, u32) {
    if month >= 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    }
}

#[cfg(test)]
mod tests {
    use chrono::Weekday;

    use super::*;

    #[test]
    fn weeks_start_on_monday_and_cover_the_month() {
        // February 2026 starts on a Sunday and ends on a Saturday.
        let weeks = month_weeks(2026, 2).unwrap();
        assert_eq!(weeks.len(), 5);
        assert_eq!(weeks[0][0], NaiveDate::from_ymd_opt(2026, 1, 26).unwrap());
        assert_eq!(weeks[0][6], NaiveDate::from_ymd_opt(2026, 2, 1).unwrap());
        assert_eq!(weeks[4][6], NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
        assert!(weeks.iter().all(|w| w[0].weekday() == Weekday::Mon));
        // June 2026 starts on a Monday: no days of May.
        assert_eq!(
            month_weeks(2026, 6).unwrap()[0][0],
            NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()
        );
        assert!(month_weeks(2026, 13).is_none());
        assert_eq!(previous_month(2026, 1), (2025, 12));
        assert_eq!(next_month(2026, 12), (2027, 1));
    }
}
