//! Properties of the working-day arithmetic.

use std::sync::LazyLock;

use cchc_domain::calendar::{Override, WorkingCalendar, from_lunar, to_lunar};
use chrono::{Days, NaiveDate};
use proptest::prelude::*;

use super::d;

static OFFICIAL: LazyLock<WorkingCalendar> = LazyLock::new(WorkingCalendar::official);

/// Dates 2015–2035: the official years, rule-only years and year boundaries.
fn date() -> impl Strategy<Value = NaiveDate> {
    (0u64..7670).prop_map(|offset| d(2015, 1, 1) + Days::new(offset))
}

fn brute_count(calendar: &WorkingCalendar, from: NaiveDate, to: NaiveDate) -> i32 {
    from.iter_days()
        .take_while(|day| *day <= to)
        .filter(|day| calendar.is_working_day(*day))
        .count() as i32
}

proptest! {
    #[test]
    fn add_lands_on_working_days_and_between_inverts_it(a in date(), n in -600i32..600) {
        let b = OFFICIAL.add_working_days(a, n).expect("in range");
        prop_assert!(OFFICIAL.is_working_day(b));
        if n != 0 || OFFICIAL.is_working_day(a) {
            prop_assert_eq!(OFFICIAL.working_days_between(a, b), n);
        }
        let direction_ok = if n > 0 { b > a } else if n < 0 { b < a } else { b >= a };
        prop_assert!(direction_ok);
    }

    #[test]
    fn between_then_add_returns_to_a_working_day(a in date(), b in date()) {
        let n = OFFICIAL.working_days_between(a, b);
        if OFFICIAL.is_working_day(b) {
            prop_assert_eq!(OFFICIAL.add_working_days(a, n), Some(b));
        }
    }

    #[test]
    fn zero_keeps_exactly_the_working_days(a in date()) {
        prop_assert_eq!(OFFICIAL.add_working_days(a, 0) == Some(a), OFFICIAL.is_working_day(a));
    }

    #[test]
    fn add_is_monotonic(a in date(), b in date(), n in -300i32..300) {
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        prop_assert!(OFFICIAL.add_working_days(a, n) <= OFFICIAL.add_working_days(b, n));
        // From a day off, 0 and 1 working days both land on the next working day.
        if n == 0 && !OFFICIAL.is_working_day(a) {
            prop_assert_eq!(OFFICIAL.add_working_days(a, 0), OFFICIAL.add_working_days(a, 1));
        } else {
            prop_assert!(OFFICIAL.add_working_days(a, n) < OFFICIAL.add_working_days(a, n + 1));
        }
    }

    #[test]
    fn between_counts_working_days(a in date(), span in 0u64..800) {
        let b = a + Days::new(span);
        let forward = a.succ_opt().map_or(0, |from| brute_count(&OFFICIAL, from, b));
        prop_assert_eq!(OFFICIAL.working_days_between(a, b), forward);
        let backward = b.pred_opt().map_or(0, |to| brute_count(&OFFICIAL, a, to));
        prop_assert_eq!(OFFICIAL.working_days_between(b, a), -backward);
    }

    #[test]
    fn between_is_additive_in_order(a in date(), x in 0u64..500, y in 0u64..500) {
        let b = a + Days::new(x);
        let c = b + Days::new(y);
        prop_assert_eq!(
            OFFICIAL.working_days_between(a, b) + OFFICIAL.working_days_between(b, c),
            OFFICIAL.working_days_between(a, c)
        );
    }

    #[test]
    fn holidays_are_the_named_days_off(year in 2015i32..2036) {
        let holidays = OFFICIAL.holidays(year);
        prop_assert!(holidays.windows(2).all(|w| w[0].0 < w[1].0));
        for (day, name) in &holidays {
            prop_assert!(!OFFICIAL.is_working_day(*day));
            prop_assert!(!name.is_empty());
        }
        // Every weekday off is listed.
        for day in d(year, 1, 1).iter_days().take_while(|day| *day <= d(year, 12, 31)) {
            let weekend = cchc_domain::calendar::is_weekend(day);
            if !weekend && !OFFICIAL.is_working_day(day) {
                prop_assert!(holidays.iter().any(|(h, _)| *h == day), "{} missing", day);
            }
        }
    }

    #[test]
    fn overrides_always_win(day in date(), off in any::<bool>()) {
        let o = if off { Override::day_off(day, "x") } else { Override::working_day(day, "y") };
        let calendar = WorkingCalendar::new(vec![o]);
        prop_assert_eq!(calendar.is_working_day(day), !off);
    }

    #[test]
    fn status_agrees_with_is_working_day(day in date()) {
        prop_assert_eq!(OFFICIAL.status(day).is_working(), OFFICIAL.is_working_day(day));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn lunar_round_trip(offset in 0u64..146_000) {
        let date = d(1800, 1, 1) + Days::new(offset);
        let lunar = to_lunar(date).expect("in range");
        prop_assert!((1..=30).contains(&lunar.day) && (1..=12).contains(&lunar.month));
        prop_assert_eq!(from_lunar(lunar), Some(date));
        if let Some(next) = date.succ_opt().and_then(to_lunar) {
            if next.day == 1 {
                prop_assert!(lunar.day >= 29);
            } else {
                prop_assert_eq!(next.day, lunar.day + 1);
            }
        }
    }
}
