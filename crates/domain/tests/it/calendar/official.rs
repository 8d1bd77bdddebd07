//! The published schedules for public servants, 2020–2026, reproduced by
//! `WorkingCalendar::official()`.

use cchc_domain::calendar::{
    DayStatus, OFFICIAL_YEARS, WorkingCalendar, all_official_overrides, official_overrides,
};
use chrono::{Datelike, NaiveDate, Weekday};
use unicode_normalization::is_nfc;

use super::d;

type Day = (i32, u32, u32);

struct Published {
    year: i32,
    /// Continuous breaks, weekends included, as the announcements give them.
    breaks: &'static [(Day, Day)],
    /// Saturdays worked in a swap.
    worked: &'static [Day],
}

const PUBLISHED: &[Published] = &[
    Published {
        year: 2020,
        breaks: &[
            ((2020, 1, 1), (2020, 1, 1)),
            ((2020, 1, 23), (2020, 1, 29)),
            ((2020, 4, 2), (2020, 4, 2)),
            ((2020, 4, 30), (2020, 5, 3)),
            ((2020, 9, 2), (2020, 9, 2)),
        ],
        worked: &[],
    },
    Published {
        year: 2021,
        breaks: &[
            ((2021, 1, 1), (2021, 1, 3)),
            ((2021, 2, 10), (2021, 2, 16)),
            ((2021, 4, 21), (2021, 4, 21)),
            ((2021, 4, 30), (2021, 5, 3)),
            ((2021, 9, 2), (2021, 9, 5)),
        ],
        worked: &[],
    },
    Published {
        year: 2022,
        breaks: &[
            ((2022, 1, 1), (2022, 1, 3)),
            ((2022, 1, 29), (2022, 2, 6)),
            ((2022, 4, 9), (2022, 4, 11)),
            ((2022, 4, 30), (2022, 5, 3)),
            ((2022, 9, 1), (2022, 9, 4)),
        ],
        worked: &[],
    },
    Published {
        year: 2023,
        breaks: &[
            ((2022, 12, 31), (2023, 1, 2)),
            ((2023, 1, 20), (2023, 1, 26)),
            ((2023, 4, 29), (2023, 5, 3)),
            ((2023, 9, 1), (2023, 9, 4)),
        ],
        worked: &[],
    },
    Published {
        year: 2024,
        breaks: &[
            ((2023, 12, 30), (2024, 1, 1)),
            ((2024, 2, 8), (2024, 2, 14)),
            ((2024, 4, 18), (2024, 4, 18)),
            ((2024, 4, 27), (2024, 5, 1)),
            ((2024, 8, 31), (2024, 9, 3)),
        ],
        worked: &[(2024, 5, 4)],
    },
    Published {
        year: 2025,
        breaks: &[
            ((2025, 1, 1), (2025, 1, 1)),
            ((2025, 1, 25), (2025, 2, 2)),
            ((2025, 4, 5), (2025, 4, 7)),
            ((2025, 4, 30), (2025, 5, 4)),
            ((2025, 8, 30), (2025, 9, 2)),
        ],
        worked: &[(2025, 4, 26)],
    },
    Published {
        year: 2026,
        breaks: &[
            ((2026, 1, 1), (2026, 1, 1)),
            ((2026, 2, 14), (2026, 2, 22)),
            // Not checked against a published decision: what the rules give.
            ((2026, 4, 25), (2026, 4, 27)),
            ((2026, 4, 30), (2026, 5, 3)),
            ((2026, 9, 1), (2026, 9, 2)),
        ],
        worked: &[],
    },
];

fn date((year, month, day): Day) -> NaiveDate {
    d(year, month, day)
}

fn days_of(year: i32) -> impl Iterator<Item = NaiveDate> {
    d(year, 1, 1)
        .iter_days()
        .take_while(move |day| day.year() == year)
}

#[test]
fn official_calendar_reproduces_published_schedules() {
    let calendar = WorkingCalendar::official();
    for published in PUBLISHED {
        let in_break = |day: NaiveDate| {
            published
                .breaks
                .iter()
                .any(|(from, to)| (date(*from)..=date(*to)).contains(&day))
        };
        for day in days_of(published.year) {
            let weekday = !matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
            let worked = published.worked.iter().any(|w| date(*w) == day);
            let expected = (weekday && !in_break(day)) || worked;
            assert_eq!(
                calendar.is_working_day(day),
                expected,
                "{day} ({})",
                day.weekday()
            );
        }
    }
}

#[test]
fn published_years_are_the_official_years() {
    let years: Vec<i32> = PUBLISHED.iter().map(|p| p.year).collect();
    assert_eq!(years, OFFICIAL_YEARS.collect::<Vec<_>>());
}

#[test]
fn holidays_2025_with_names() {
    let holidays = WorkingCalendar::official().holidays(2025);
    let tet = "Tết Nguyên đán";
    let expected = vec![
        (d(2025, 1, 1), "Tết Dương lịch"),
        (d(2025, 1, 27), "Nghỉ bù Tết Nguyên đán"),
        (d(2025, 1, 28), tet),
        (d(2025, 1, 29), tet),
        (d(2025, 1, 30), tet),
        (d(2025, 1, 31), tet),
        (d(2025, 2, 1), tet),
        (d(2025, 4, 7), "Giỗ Tổ Hùng Vương"),
        (d(2025, 4, 30), "Ngày Chiến thắng"),
        (d(2025, 5, 1), "Quốc tế Lao động"),
        (
            d(2025, 5, 2),
            "Nghỉ hoán đổi (làm bù vào thứ Bảy 26/04/2025)",
        ),
        (d(2025, 9, 1), "Quốc khánh"),
        (d(2025, 9, 2), "Quốc khánh"),
    ];
    let actual: Vec<(NaiveDate, &str)> = holidays.iter().map(|(d, n)| (*d, n.as_str())).collect();
    assert_eq!(actual, expected);
}

#[test]
fn holidays_2022_rules_alone_with_compensatory_days() {
    // 2022 needed no decision beyond the rules.
    assert!(official_overrides(2022).is_empty());
    let holidays = WorkingCalendar::rules_only().holidays(2022);
    let names: Vec<(NaiveDate, &str)> = holidays.iter().map(|(d, n)| (*d, n.as_str())).collect();
    assert_eq!(
        &names[..2],
        &[
            (d(2022, 1, 1), "Tết Dương lịch"),
            (d(2022, 1, 3), "Nghỉ bù Tết Dương lịch")
        ]
    );
    let after_tet: Vec<_> = names
        .iter()
        .filter(|(d, _)| d.month() >= 4)
        .copied()
        .collect();
    assert_eq!(
        after_tet,
        vec![
            (d(2022, 4, 10), "Giỗ Tổ Hùng Vương"),
            (d(2022, 4, 11), "Nghỉ bù Giỗ Tổ Hùng Vương"),
            (d(2022, 4, 30), "Ngày Chiến thắng"),
            (d(2022, 5, 1), "Quốc tế Lao động"),
            (d(2022, 5, 2), "Nghỉ bù Ngày Chiến thắng"),
            (d(2022, 5, 3), "Nghỉ bù Quốc tế Lao động"),
            (d(2022, 9, 1), "Quốc khánh"),
            (d(2022, 9, 2), "Quốc khánh"),
        ]
    );
}

#[test]
fn swapped_saturday_is_a_named_working_day() {
    let calendar = WorkingCalendar::official();
    assert!(matches!(
        calendar.status(d(2024, 5, 4)),
        DayStatus::Working { name: Some(_) }
    ));
    assert_eq!(calendar.status(d(2024, 5, 11)), DayStatus::Weekend);
    assert_eq!(
        calendar.status(d(2024, 5, 6)),
        DayStatus::Working { name: None }
    );
    assert_eq!(
        calendar.status(d(2024, 4, 30)),
        DayStatus::DayOff {
            name: "Ngày Chiến thắng".into()
        }
    );
}

#[test]
fn every_official_override_changes_the_rules() {
    let rules = WorkingCalendar::rules_only();
    let official = WorkingCalendar::official();
    let overrides = all_official_overrides();
    assert!(!overrides.is_empty());
    for o in overrides {
        assert!(OFFICIAL_YEARS.contains(&o.date.year()));
        assert_ne!(
            rules.is_working_day(o.date),
            official.is_working_day(o.date),
            "{}",
            o.date
        );
        assert_eq!(official.is_working_day(o.date), !o.is_day_off());
    }
}

#[test]
fn names_are_nfc() {
    let calendar = WorkingCalendar::official();
    for year in 2000..=2030 {
        for (day, name) in calendar.holidays(year) {
            assert!(is_nfc(&name), "{day}: {name}");
        }
    }
    for o in all_official_overrides() {
        assert!(is_nfc(o.name()), "{}", o.name());
    }
}
