use calendrical_calculations::chinese_based::{Chinese, YearBounds};
use calendrical_calculations::rata_die::RataDie;
use cchc_domain::calendar::{LunarDate, from_lunar, leap_month, lunar_new_year, to_lunar};
use chrono::{Datelike, NaiveDate};

use super::d;

/// Tết (mùng 1 tháng Giêng) in Vietnam, 2000–2030.
const TET: [(i32, u32, u32); 31] = [
    (2000, 2, 5),
    (2001, 1, 24),
    (2002, 2, 12),
    (2003, 2, 1),
    (2004, 1, 22),
    (2005, 2, 9),
    (2006, 1, 29),
    (2007, 2, 17),
    (2008, 2, 7),
    (2009, 1, 26),
    (2010, 2, 14),
    (2011, 2, 3),
    (2012, 1, 23),
    (2013, 2, 10),
    (2014, 1, 31),
    (2015, 2, 19),
    (2016, 2, 8),
    (2017, 1, 28),
    (2018, 2, 16),
    (2019, 2, 5),
    (2020, 1, 25),
    (2021, 2, 12),
    (2022, 2, 1),
    (2023, 1, 22),
    (2024, 2, 10),
    (2025, 1, 29),
    (2026, 2, 17),
    (2027, 2, 6),
    (2028, 1, 26),
    (2029, 2, 13),
    (2030, 2, 2),
];

fn chinese_new_year(year: i32) -> NaiveDate {
    let mid = RataDie::new(i64::from(d(year, 7, 1).num_days_from_ce()));
    let new_year = YearBounds::compute::<Chinese>(mid).new_year.to_i64_date();
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(new_year).expect("fits")).expect("valid")
}

#[test]
fn tet_dates_2000_to_2030() {
    for (year, month, day) in TET {
        let tet = d(year, month, day);
        assert_eq!(lunar_new_year(year), Some(tet), "Tết {year}");
        assert_eq!(
            to_lunar(tet),
            Some(LunarDate::new(year, 1, 1)),
            "Tết {year}"
        );
        assert_eq!(from_lunar(LunarDate::new(year, 1, 1)), Some(tet));
    }
}

#[test]
fn utc7_moves_tet_against_china() {
    // A new moon between 16:00 and 17:00 UTC starts the month a day earlier.
    assert_eq!(lunar_new_year(2007), Some(d(2007, 2, 17)));
    assert_eq!(chinese_new_year(2007), d(2007, 2, 18));
    assert_eq!(lunar_new_year(2030), Some(d(2030, 2, 2)));
    assert_eq!(chinese_new_year(2030), d(2030, 2, 3));
    // Shifted month boundaries moved the leap month: a whole month apart.
    assert_eq!(lunar_new_year(1985), Some(d(1985, 1, 21)));
    assert_eq!(chinese_new_year(1985), d(1985, 2, 20));
    // The North adopted UTC+7 for the 1968 calendar; Tết Mậu Thân came a day early.
    assert_eq!(lunar_new_year(1968), Some(d(1968, 1, 29)));
    assert_eq!(chinese_new_year(1968), d(1968, 1, 30));
}

#[test]
fn leap_months() {
    let expected = [
        (2012, Some(4)),
        (2014, Some(9)),
        (2017, Some(6)),
        (2020, Some(4)),
        (2021, None),
        (2022, None),
        (2023, Some(2)),
        (2024, None),
        (2025, Some(6)),
        (2026, None),
        (2028, Some(5)),
        (2033, Some(11)),
    ];
    for (year, month) in expected {
        assert_eq!(leap_month(year), month, "leap month of {year}");
    }
}

#[test]
fn leap_month_dates() {
    // 2023: months 1, 2, leap 2, 3; the leap month repeats the number.
    let leap = from_lunar(LunarDate {
        year: 2023,
        month: 2,
        day: 1,
        leap: true,
    })
    .expect("exists");
    let second = from_lunar(LunarDate::new(2023, 2, 1)).expect("exists");
    let third = from_lunar(LunarDate::new(2023, 3, 1)).expect("exists");
    assert!(second < leap && leap < third);
    assert_eq!(to_lunar(leap).map(|l| l.leap), Some(true));
    // No leap month in 2024, and none but the 6th in 2025.
    assert_eq!(
        from_lunar(LunarDate {
            year: 2024,
            month: 2,
            day: 1,
            leap: true
        }),
        None
    );
    assert_eq!(
        from_lunar(LunarDate {
            year: 2025,
            month: 5,
            day: 1,
            leap: true
        }),
        None
    );
    assert!(
        from_lunar(LunarDate {
            year: 2025,
            month: 6,
            day: 1,
            leap: true
        })
        .is_some()
    );
}

#[test]
fn gio_to_hung_vuong_dates() {
    let expected = [
        (2020, 4, 2),
        (2021, 4, 21),
        (2022, 4, 10),
        (2023, 4, 29),
        (2024, 4, 18),
        (2025, 4, 7),
        (2026, 4, 26),
    ];
    for (year, month, day) in expected {
        assert_eq!(
            from_lunar(LunarDate::new(year, 3, 10)),
            Some(d(year, month, day))
        );
    }
}

#[test]
fn last_day_of_the_year_is_29_or_30() {
    // Giáp Thìn ended on 29 Tết (no 30 Tết in 2025); Quý Mão had a 30 Tết.
    assert_eq!(to_lunar(d(2025, 1, 28)), Some(LunarDate::new(2024, 12, 29)));
    assert_eq!(from_lunar(LunarDate::new(2024, 12, 30)), None);
    assert_eq!(to_lunar(d(2024, 2, 9)), Some(LunarDate::new(2023, 12, 30)));
}

#[test]
fn invalid_lunar_dates_are_none() {
    for (month, day) in [(0, 1), (13, 1), (1, 0), (1, 31), (255, 255)] {
        assert_eq!(from_lunar(LunarDate::new(2025, month, day)), None);
    }
    assert_eq!(from_lunar(LunarDate::new(i32::MAX, 1, 1)), None);
    assert_eq!(from_lunar(LunarDate::new(i32::MIN, 1, 1)), None);
    assert_eq!(lunar_new_year(1799), None);
    assert_eq!(lunar_new_year(2200), None);
}

#[test]
fn range_limits() {
    assert_eq!(to_lunar(NaiveDate::MIN), None);
    assert_eq!(to_lunar(NaiveDate::MAX), None);
    assert_eq!(to_lunar(d(1799, 12, 31)), None);
    assert_eq!(to_lunar(d(2200, 1, 1)), None);
    // The first and last supported days convert both ways.
    for date in [d(1800, 1, 1), d(2199, 12, 31)] {
        let lunar = to_lunar(date).expect("in range");
        assert_eq!(from_lunar(lunar), Some(date));
    }
    assert_eq!(to_lunar(d(1800, 1, 1)).map(|l| l.year), Some(1799));
}

#[test]
fn every_year_structure_is_consistent() {
    // 12 or 13 months, Tết between 21/1 and 20/2, every year of the range.
    for year in 1800..=2199 {
        let tet = lunar_new_year(year).expect("in range");
        assert!(
            (d(year, 1, 21)..=d(year, 2, 20)).contains(&tet),
            "Tết {year}: {tet}"
        );
        let next = lunar_new_year(year + 1).unwrap_or(d(2200, 1, 1));
        let length = next.signed_duration_since(tet).num_days();
        let expected = if leap_month(year).is_some() {
            383..=385
        } else {
            353..=355
        };
        if year < 2199 {
            assert!(expected.contains(&length), "{year}: {length} days");
        }
    }
}

#[test]
fn year_names() {
    assert_eq!(LunarDate::new(2025, 1, 1).year_name(), "Ất Tỵ");
    assert_eq!(LunarDate::new(2026, 1, 1).year_name(), "Bính Ngọ");
    assert_eq!(LunarDate::new(1968, 1, 1).year_name(), "Mậu Thân");
    assert_eq!(LunarDate::new(2024, 1, 1).year_name(), "Giáp Thìn");
    assert_eq!(
        to_lunar(d(2025, 1, 1)).map(|l| l.year_name()).as_deref(),
        Some("Giáp Thìn")
    );
}

#[test]
fn day_by_day_1966_to_1970_is_continuous() {
    // Across the 1968 switch from UTC+8 to UTC+7 months still follow each other.
    let mut date = d(1966, 1, 1);
    let mut previous = to_lunar(date).expect("in range");
    while date < d(1970, 12, 31) {
        date = date.succ_opt().expect("valid");
        let lunar = to_lunar(date).expect("in range");
        if lunar.day == 1 {
            assert!(
                previous.day == 29 || previous.day == 30,
                "{date}: {previous:?}"
            );
        } else {
            assert_eq!(lunar.day, previous.day + 1, "{date}");
            assert_eq!(
                (lunar.month, lunar.leap, lunar.year),
                (previous.month, previous.leap, previous.year)
            );
        }
        assert_eq!(from_lunar(lunar), Some(date));
        previous = lunar;
    }
    assert_eq!(date.year(), 1970);
}
