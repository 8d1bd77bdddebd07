//! Fixed points and spans: months, quarters, years, ranges, dates, half-years.

use cchc_domain::schedule::{Schedule, ScheduleKind, Span, TimePoint};

use super::{fixed, kind};

#[test]
fn months() {
    for (text, month, year) in [
        ("Tháng 12/2019", 12, 2019),
        ("Tháng 01/2020", 1, 2020),
        ("01/2020", 1, 2020),
        ("tháng 6 năm 2021", 6, 2021),
        ("Trong tháng 3/2022.", 3, 2022),
    ] {
        assert_eq!(
            kind(text),
            fixed(TimePoint::Month {
                year: Some(year),
                month
            }),
            "{text}"
        );
    }
    assert_eq!(
        kind("Tháng 12"),
        fixed(TimePoint::Month {
            year: None,
            month: 12
        })
    );
}

#[test]
fn quarters() {
    for (text, quarter, year) in [
        ("Quý IV/2019", 4, Some(2019)),
        ("Quý I/2020", 1, Some(2020)),
        ("quý II năm 2021", 2, Some(2021)),
        ("Quý 3/2022", 3, Some(2022)),
        ("Quý IV", 4, None),
    ] {
        assert_eq!(
            kind(text),
            fixed(TimePoint::Quarter { year, quarter }),
            "{text}"
        );
    }
}

#[test]
fn years_and_ranges() {
    assert_eq!(kind("Năm 2020"), fixed(TimePoint::Year { year: 2020 }));
    assert_eq!(kind("2020"), fixed(TimePoint::Year { year: 2020 }));
    let range = ScheduleKind::Fixed {
        span: Span {
            from: Some(TimePoint::Year { year: 2021 }),
            to: TimePoint::Year { year: 2025 },
        },
    };
    for text in [
        "2021-2025",
        "2021 - 2025",
        "Giai đoạn 2021-2025",
        "Từ năm 2021 đến năm 2025",
    ] {
        assert_eq!(kind(text), range, "{text}");
    }
    assert_eq!(Schedule::parse_pair("2021", "2025").kind, range);
}

#[test]
fn spans_in_one_cell() {
    let expected = ScheduleKind::Fixed {
        span: Span {
            from: Some(TimePoint::Month {
                year: Some(2020),
                month: 6,
            }),
            to: TimePoint::Month {
                year: Some(2020),
                month: 12,
            },
        },
    };
    for text in [
        "Tháng 6/2020 - Tháng 12/2020",
        "Từ tháng 6/2020 đến tháng 12/2020",
        "Tháng 6 - 12/2020",
    ] {
        assert_eq!(kind(text), expected, "{text}");
    }
}

#[test]
fn dates() {
    let end_2020 = fixed(TimePoint::Date {
        year: Some(2020),
        month: 12,
        day: 31,
    });
    for text in [
        "31/12/2020",
        "Trước 31/12/2020",
        "Trước ngày 31/12/2020",
        "ngày 31 tháng 12 năm 2020",
    ] {
        assert_eq!(kind(text), end_2020, "{text}");
    }
    assert_eq!(
        kind("Trước ngày 15/12"),
        fixed(TimePoint::Date {
            year: None,
            month: 12,
            day: 15
        })
    );
    assert_eq!(
        kind("31/02/2020"),
        ScheduleKind::Unrecognized,
        "no such day"
    );
    assert_eq!(kind("Tháng 13/2020"), ScheduleKind::Unrecognized);
}

#[test]
fn half_years() {
    assert_eq!(
        kind("6 tháng đầu năm 2020"),
        fixed(TimePoint::Half {
            year: Some(2020),
            half: 1
        })
    );
    assert_eq!(
        kind("6 tháng cuối năm"),
        fixed(TimePoint::Half {
            year: None,
            half: 2
        })
    );
}
