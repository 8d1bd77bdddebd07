//! Working-day arithmetic on a [`WorkingCalendar`]: moving by and counting
//! working days, a year at a time so long spans stay cheap.

use chrono::{Datelike, NaiveDate};

use super::rules::is_weekend;
use super::working::{Special, WorkingCalendar, YearDays, year_bounds};

impl WorkingCalendar {
    /// Moves by working days:
    /// - `n > 0`: the `n`-th working day after `date` (a deadline of "n working
    ///   days from receipt");
    /// - `n < 0`: the `|n|`-th working day before `date`;
    /// - `n == 0`: `date` if it is a working day, else the next working day.
    ///
    /// So `add_working_days(d, 0) == Some(d)` exactly when `d` is a working day.
    /// `None` only past the range of `NaiveDate`.
    pub fn add_working_days(&self, date: NaiveDate, n: i32) -> Option<NaiveDate> {
        match n {
            0 if self.is_working_day(date) => Some(date),
            0 => self.forward(date, 1),
            n if n > 0 => self.forward(date, n.unsigned_abs()),
            n => self.backward(date, n.unsigned_abs()),
        }
    }

    /// The signed number of working days from `a` to `b`: for `a <= b` the
    /// working days `d` with `a < d <= b`; for `b < a`, minus those with
    /// `b <= d < a`. It inverts [`Self::add_working_days`]:
    /// `add_working_days(a, working_days_between(a, b)) == Some(b)` whenever `b`
    /// is a working day, and `working_days_between(a, add_working_days(a, n)?) == n`
    /// for `n != 0` (and for `n == 0` when `a` is a working day).
    pub fn working_days_between(&self, a: NaiveDate, b: NaiveDate) -> i32 {
        let count = if a <= b {
            a.succ_opt().map_or(0, |from| self.count(from, b))
        } else {
            a.pred_opt().map_or(0, |to| -self.count(b, to))
        };
        // At most ~192 million working days fit in NaiveDate's range.
        i32::try_from(count).unwrap_or(if count < 0 { i32::MIN } else { i32::MAX })
    }

    /// Working days in `[from, to]`, one year at a time.
    fn count(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        let mut total = 0;
        let mut start = from;
        while start <= to {
            let end = year_bounds(start.year()).map_or(to, |(_, last)| last.min(to));
            total += self.year(start.year()).count(start, end);
            match end.succ_opt() {
                Some(next) => start = next,
                None => break,
            }
        }
        total
    }

    fn forward(&self, date: NaiveDate, n: u32) -> Option<NaiveDate> {
        if i64::from(n) > NaiveDate::MAX.signed_duration_since(date).num_days() {
            return None;
        }
        let mut remaining = i64::from(n);
        let mut start = date.succ_opt()?;
        loop {
            let (_, end) = year_bounds(start.year())?;
            let days = self.year(start.year());
            let available = days.count(start, end);
            if remaining > available {
                remaining -= available;
                start = end.succ_opt()?;
                continue;
            }
            let mut day = start;
            loop {
                if days.is_working(day) {
                    remaining -= 1;
                    if remaining == 0 {
                        return Some(day);
                    }
                }
                day = day.succ_opt()?;
            }
        }
    }

    fn backward(&self, date: NaiveDate, n: u32) -> Option<NaiveDate> {
        if i64::from(n) > date.signed_duration_since(NaiveDate::MIN).num_days() {
            return None;
        }
        let mut remaining = i64::from(n);
        let mut end = date.pred_opt()?;
        loop {
            let (start, _) = year_bounds(end.year())?;
            let days = self.year(end.year());
            let available = days.count(start, end);
            if remaining > available {
                remaining -= available;
                end = start.pred_opt()?;
                continue;
            }
            let mut day = end;
            loop {
                if days.is_working(day) {
                    remaining -= 1;
                    if remaining == 0 {
                        return Some(day);
                    }
                }
                day = day.pred_opt()?;
            }
        }
    }
}

impl YearDays {
    /// Working days in `[from, to]`, both in this year.
    pub(super) fn count(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        if from > to {
            return 0;
        }
        let mut n = weekdays_before(to) - weekdays_before(from) + i64::from(!is_weekend(to));
        for (date, day) in self.special.range(from..=to) {
            match day {
                Special::Off(_) if !is_weekend(*date) => n -= 1,
                Special::On(_) if is_weekend(*date) => n += 1,
                _ => {}
            }
        }
        n
    }
}

/// Mondays to Fridays before `date`, counted from 0001-01-01 (a Monday);
/// differences of two values count the weekdays between them.
fn weekdays_before(date: NaiveDate) -> i64 {
    let days = i64::from(date.num_days_from_ce()) - 1;
    days.div_euclid(7) * 5 + days.rem_euclid(7).min(5)
}
