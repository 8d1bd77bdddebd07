//! The schedule parser never panics, and its occurrences are consistent.

use cchc_domain::schedule::{PlanPeriod, Recurrence, Schedule, ScheduleKind, Span, TimePoint};
use proptest::prelude::*;

/// Fragments of real schedule texts, so generated strings reach deep into
/// the grammar rather than failing at the first word.
const PIECES: &[&str] = &[
    "Tháng",
    "Quý",
    "Năm",
    "năm",
    "hàng",
    "hằng",
    "quý",
    "tháng",
    "ngày",
    "Trước",
    "trong",
    "vòng",
    "kể",
    "từ",
    "sau",
    "khi",
    "có",
    "Thường",
    "xuyên",
    "Theo",
    "định",
    "kỳ",
    "IV",
    "I",
    "đầu",
    "cuối",
    "làm",
    "việc",
    "đến",
    "Giai",
    "đoạn",
    "/",
    "-",
    ".",
    ",",
    "6",
    "12",
    "01",
    "31",
    "29",
    "02",
    "2019",
    "2020",
    "2025",
    "99999999999999999999",
    "0",
    "đ",
    "Ð",
    "\u{301}",
    "\u{0}",
    "🙂",
];

fn pieces() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(PIECES), prop::bool::ANY), 0..12).prop_map(|v| {
        v.into_iter()
            .map(|(p, space)| if space { format!("{p} ") } else { p.to_owned() })
            .collect()
    })
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-zA-ZàáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵĐ0-9/ .,:;()%-]{0,40}",
        pieces()
    ]
}

/// Points with any field values, as deserialized data could hold.
fn any_point() -> impl Strategy<Value = TimePoint> {
    let year = prop::option::of(any::<i32>());
    prop_oneof![
        (year.clone(), any::<u32>(), any::<u32>()).prop_map(|(year, month, day)| TimePoint::Date {
            year,
            month,
            day
        }),
        (year.clone(), any::<u32>()).prop_map(|(year, month)| TimePoint::Month { year, month }),
        (year.clone(), any::<u32>())
            .prop_map(|(year, quarter)| TimePoint::Quarter { year, quarter }),
        (year, any::<u32>()).prop_map(|(year, half)| TimePoint::Half { year, half }),
        any::<i32>().prop_map(|year| TimePoint::Year { year }),
    ]
}

proptest! {
    #[test]
    fn occurrences_of_any_points_never_panic(from in prop::option::of(any_point()), to in any_point(), first in 1990i32..2100) {
        let period = PlanPeriod::new(first, first + 3).expect("valid period");
        for kind in [
            ScheduleKind::Fixed { span: Span { from, to } },
            ScheduleKind::Recurring { recurrence: Recurrence::Yearly { at: Some(to) } },
        ] {
            let schedule = Schedule { start_text: "x".into(), end_text: None, kind };
            for o in schedule.occurrences(period) {
                prop_assert!(o.due.is_some() || o.needs_decision());
            }
        }
        let _ = (to.label(), to.first_day(), to.last_day());
    }

    #[test]
    fn parsing_never_panics_and_keeps_the_text(start in any_text(), end in any_text()) {
        let single = Schedule::parse(&start);
        prop_assert_eq!(&single.start_text, &start);
        let pair = Schedule::parse_pair(&start, &end);
        prop_assert_eq!(pair.end_text.as_deref(), Some(end.as_str()));
    }

    #[test]
    fn occurrences_are_never_empty_and_dated_or_flagged(
        start in any_text(),
        end in any_text(),
        first in 1990i32..2100,
        len in 0i32..12,
    ) {
        let period = PlanPeriod::new(first, first + len).expect("valid period");
        for schedule in [Schedule::parse(&start), Schedule::parse_pair(&start, &end)] {
            let occurrences = schedule.occurrences(period);
            prop_assert!(!occurrences.is_empty());
            for o in occurrences {
                prop_assert!(!o.label.trim().is_empty());
                prop_assert!(o.due.is_some() || o.needs_decision() || o.after_event.is_some());
                if let (Some(start), Some(due)) = (o.window_start, o.due) {
                    prop_assert!(start <= due, "{} {} {}", o.label, start, due);
                }
                if o.needs_decision() {
                    prop_assert!(o.due.is_none());
                }
            }
        }
    }

    #[test]
    fn plan_periods_never_panic(first in any::<i32>(), last in any::<i32>()) {
        if let Ok(period) = PlanPeriod::new(first, last) {
            prop_assert!(period.years().count() <= 50);
        }
    }
}
