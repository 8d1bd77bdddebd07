//! Statutory rules, overrides and the day arithmetic on known dates.

use cchc_domain::calendar::{
    DayStatus, Override, OverrideKind, WorkingCalendar, public_holidays, rule_days_off,
};
use chrono::NaiveDate;

use super::d;

fn names(days: &[(NaiveDate, String)]) -> Vec<(NaiveDate, &str)> {
    days.iter().map(|(d, n)| (*d, n.as_str())).collect()
}

#[test]
fn national_day_is_one_day_before_2021() {
    let days = public_holidays(2020);
    assert!(days.contains(&(d(2020, 9, 2), "Quốc khánh")));
    assert!(
        !days
            .iter()
            .any(|(day, _)| *day == d(2020, 9, 1) || *day == d(2020, 9, 3))
    );
}

#[test]
fn national_day_neighbour_joins_the_weekend() {
    // 2/9 on Monday (2024) or Thursday (2021, 2027): 3/9; otherwise 1/9.
    for (year, second) in [
        (2021, 3),
        (2022, 1),
        (2023, 1),
        (2024, 3),
        (2025, 1),
        (2026, 1),
        (2027, 3),
    ] {
        let days = public_holidays(year);
        assert!(days.contains(&(d(year, 9, second), "Quốc khánh")), "{year}");
    }
}

#[test]
fn tet_has_four_days_before_2014() {
    // Tết Quý Tỵ 2013 (10/2) fell under the 1994 code: 30 Tết and mùng 1–3.
    let tet: Vec<NaiveDate> = public_holidays(2013)
        .into_iter()
        .filter(|(_, n)| *n == "Tết Nguyên đán")
        .map(|(d, _)| d)
        .collect();
    assert_eq!(
        tet,
        vec![
            d(2013, 2, 9),
            d(2013, 2, 10),
            d(2013, 2, 11),
            d(2013, 2, 12)
        ]
    );
    let tet_2014 = public_holidays(2014)
        .iter()
        .filter(|(_, n)| *n == "Tết Nguyên đán")
        .count();
    assert_eq!(tet_2014, 5);
}

#[test]
fn gio_to_is_a_holiday_from_2007() {
    let has_gio_to = |year| {
        public_holidays(year)
            .iter()
            .any(|(_, n)| *n == "Giỗ Tổ Hùng Vương")
    };
    assert!(!has_gio_to(2006));
    assert!(has_gio_to(2007));
}

#[test]
fn weekend_tet_days_give_the_next_working_days() {
    // Tết 2023 without the government's decision: 21/1 (Sat) and 22/1 (Sun)
    // give 26/1 and 27/1 after mùng 4 (25/1).
    let days = rule_days_off(2023);
    let compensatory: Vec<_> = names(&days)
        .into_iter()
        .filter(|(_, n)| n.starts_with("Nghỉ bù"))
        .collect();
    assert_eq!(
        compensatory,
        vec![
            (d(2023, 1, 2), "Nghỉ bù Tết Dương lịch"),
            (d(2023, 1, 26), "Nghỉ bù Tết Nguyên đán"),
            (d(2023, 1, 27), "Nghỉ bù Tết Nguyên đán"),
            (d(2023, 5, 2), "Nghỉ bù Giỗ Tổ Hùng Vương"),
            (d(2023, 5, 3), "Nghỉ bù Ngày Chiến thắng"),
            (d(2023, 9, 4), "Nghỉ bù Quốc khánh"),
        ]
    );
}

#[test]
fn years_outside_the_lunar_range_keep_solar_holidays() {
    let days = public_holidays(2500);
    let names: Vec<&str> = days.iter().map(|(_, n)| *n).collect();
    assert_eq!(
        names,
        vec![
            "Tết Dương lịch",
            "Ngày Chiến thắng",
            "Quốc tế Lao động",
            "Quốc khánh",
            "Quốc khánh"
        ]
    );
    assert!(public_holidays(i32::MAX).is_empty());
    assert!(WorkingCalendar::official().holidays(i32::MIN).is_empty());
}

#[test]
fn overrides_win_over_rules() {
    let calendar = WorkingCalendar::new(vec![
        Override::working_day(d(2025, 9, 2), "Trực lễ"),
        Override::day_off(d(2025, 9, 3), "Nghỉ theo quyết định của tỉnh"),
        Override::working_day(d(2025, 9, 6), "  Làm bù  "),
        // The later of two overrides of one date wins.
        Override::day_off(d(2025, 9, 10), "first"),
        Override::working_day(d(2025, 9, 10), "second"),
    ]);
    assert!(calendar.is_working_day(d(2025, 9, 2)));
    assert!(!calendar.is_working_day(d(2025, 9, 3)));
    assert_eq!(
        calendar.status(d(2025, 9, 6)),
        DayStatus::Working {
            name: Some("Làm bù".into())
        }
    );
    assert_eq!(
        calendar.status(d(2025, 9, 10)),
        DayStatus::Working {
            name: Some("second".into())
        }
    );
    assert_eq!(calendar.overrides().len(), 4);
    let holidays = calendar.holidays(2025);
    assert!(holidays.contains(&(d(2025, 9, 3), "Nghỉ theo quyết định của tỉnh".into())));
    assert!(!holidays.iter().any(|(day, _)| *day == d(2025, 9, 2)));
}

#[test]
fn override_serialises_with_a_kind_tag() {
    let o = Override::day_off(d(2025, 5, 2), "Nghỉ hoán đổi");
    let json = serde_json::to_value(&o).expect("serialises");
    assert_eq!(
        json,
        serde_json::json!({"date": "2025-05-02", "kind": "day_off", "name": "Nghỉ hoán đổi"})
    );
    let back: Override = serde_json::from_value(json).expect("deserialises");
    assert_eq!(back, o);
    assert!(matches!(back.kind, OverrideKind::DayOff { .. }));
}

#[test]
fn deadline_across_tet_2025() {
    let calendar = WorkingCalendar::official();
    // Received Friday 24/1/2025; 5 working days: 3/2, 4/2, 5/2, 6/2, 7/2.
    assert_eq!(
        calendar.add_working_days(d(2025, 1, 24), 5),
        Some(d(2025, 2, 7))
    );
    assert_eq!(
        calendar.working_days_between(d(2025, 1, 24), d(2025, 2, 7)),
        5
    );
    assert_eq!(
        calendar.add_working_days(d(2025, 2, 3), -1),
        Some(d(2025, 1, 24))
    );
    // Zero rolls a day off forward to the next working day.
    assert_eq!(
        calendar.add_working_days(d(2025, 1, 29), 0),
        Some(d(2025, 2, 3))
    );
    assert_eq!(
        calendar.add_working_days(d(2025, 2, 3), 0),
        Some(d(2025, 2, 3))
    );
    // The swapped Saturday counts.
    assert_eq!(
        calendar.add_working_days(d(2025, 4, 25), 1),
        Some(d(2025, 4, 26))
    );
    assert_eq!(
        calendar.add_working_days(d(2025, 4, 26), 1),
        Some(d(2025, 4, 28))
    );
}

#[test]
fn working_days_in_a_year() {
    let calendar = WorkingCalendar::official();
    // 2025: 261 weekdays, 12 weekday days off, 1 worked Saturday.
    assert_eq!(
        calendar.working_days_between(d(2024, 12, 31), d(2025, 12, 31)),
        250
    );
    assert_eq!(
        calendar.working_days_between(d(2025, 12, 31), d(2024, 12, 31)),
        -250
    );
}

#[test]
fn extremes_do_not_panic() {
    let calendar = WorkingCalendar::official();
    assert_eq!(calendar.add_working_days(NaiveDate::MAX, 1), None);
    assert_eq!(calendar.add_working_days(NaiveDate::MIN, -1), None);
    assert_eq!(calendar.add_working_days(d(2025, 1, 1), i32::MAX), None);
    assert_eq!(calendar.add_working_days(d(2025, 1, 1), i32::MIN), None);
    let _ = calendar.is_working_day(NaiveDate::MAX);
    let _ = calendar.status(NaiveDate::MIN);
    let near_end = NaiveDate::MAX
        .checked_sub_days(chrono::Days::new(3000))
        .expect("valid");
    let n = calendar.working_days_between(near_end, NaiveDate::MAX);
    assert!((2000..=2200).contains(&n), "{n}");
    assert_eq!(calendar.add_working_days(near_end, n + 10), None);
    assert_eq!(
        calendar.working_days_between(NaiveDate::MAX, NaiveDate::MAX),
        0
    );
    assert_eq!(
        calendar.working_days_between(NaiveDate::MIN, NaiveDate::MIN),
        0
    );
}
