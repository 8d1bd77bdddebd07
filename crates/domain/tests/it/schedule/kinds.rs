//! Continuous, recurring, event-relative and by-reference schedules, and
//! text that is not understood.

use cchc_domain::schedule::{
    AfterEvent, Offset, OffsetUnit, Recurrence, Schedule, ScheduleKind, TimePoint,
};

use super::{fixed, kind};

fn recurring(recurrence: Recurrence) -> ScheduleKind {
    ScheduleKind::Recurring { recurrence }
}

#[test]
fn continuous() {
    for text in [
        "Thường xuyên",
        "thường xuyên.",
        "Thường xuyên, liên tục",
        "Liên tục",
        "THƯỜNG XUYÊN",
    ] {
        assert_eq!(kind(text), ScheduleKind::Continuous, "{text}");
    }
}

#[test]
fn recurrences() {
    let yearly = |at| recurring(Recurrence::Yearly { at });
    for (text, expected) in [
        ("hàng năm", yearly(None)),
        ("Hằng năm", yearly(None)),
        ("Định kỳ hàng năm", yearly(None)),
        (
            "Quý I hàng năm",
            yearly(Some(TimePoint::Quarter {
                year: None,
                quarter: 1,
            })),
        ),
        (
            "Tháng 12 hằng năm",
            yearly(Some(TimePoint::Month {
                year: None,
                month: 12,
            })),
        ),
        (
            "Trước 31/12 hàng năm",
            yearly(Some(TimePoint::Date {
                year: None,
                month: 12,
                day: 31,
            })),
        ),
        (
            "Hàng năm, trước ngày 15/12",
            yearly(Some(TimePoint::Date {
                year: None,
                month: 12,
                day: 15,
            })),
        ),
        (
            "Trước 10/11 hàng năm",
            yearly(Some(TimePoint::Date {
                year: None,
                month: 11,
                day: 10,
            })),
        ),
        ("hàng quý", recurring(Recurrence::Quarterly)),
        ("Định kỳ hằng quý", recurring(Recurrence::Quarterly)),
        ("hàng tháng", recurring(Recurrence::Monthly)),
        ("6 tháng", recurring(Recurrence::HalfYearly)),
        ("06 tháng một lần", recurring(Recurrence::HalfYearly)),
        ("Định kỳ 6 tháng", recurring(Recurrence::HalfYearly)),
        ("định kỳ", recurring(Recurrence::Unspecified)),
    ] {
        assert_eq!(kind(text), expected, "{text}");
    }
}

#[test]
fn recurrences_that_contradict_themselves_are_not_guessed() {
    for text in [
        "Quý I/2020 hàng năm",
        "hàng năm hàng quý",
        "trước ngày 15 tháng thứ 2 của quý",
    ] {
        assert_eq!(kind(text), ScheduleKind::Unrecognized, "{text}");
    }
}

#[test]
fn event_relative() {
    let after = |offset, event: &str| ScheduleKind::AfterEvent {
        after: AfterEvent {
            offset,
            event: event.into(),
        },
    };
    let days = |amount, unit| Some(Offset { amount, unit });
    for (text, expected) in [
        (
            "trong vòng 30 ngày kể từ ngày có thông báo kết quả kiểm tra",
            after(days(30, OffsetUnit::Days), "có thông báo kết quả kiểm tra"),
        ),
        (
            "Sau khi có thông báo kết quả kiểm tra",
            after(None, "có thông báo kết quả kiểm tra"),
        ),
        (
            "Trong thời hạn 15 ngày làm việc kể từ ngày nhận được yêu cầu.",
            after(days(15, OffsetUnit::WorkingDays), "nhận được yêu cầu"),
        ),
        (
            "03 tháng sau khi Đề án được phê duyệt",
            after(days(3, OffsetUnit::Months), "Đề án được phê duyệt"),
        ),
        (
            "Trong vòng 2 tuần kể từ khi có văn bản",
            after(days(14, OffsetUnit::Days), "có văn bản"),
        ),
        ("Khi có yêu cầu", after(None, "có yêu cầu")),
    ] {
        assert_eq!(kind(text), expected, "{text}");
    }
}

#[test]
fn by_reference() {
    for text in [
        "Theo quy định của UBND tỉnh",
        "Theo kế hoạch của Sở Nội vụ",
        "Theo yêu cầu",
    ] {
        assert_eq!(
            kind(text),
            ScheduleKind::ByReference {
                reference: text.into()
            },
            "{text}"
        );
    }
}

#[test]
fn diacritics_case_and_normalization_do_not_matter() {
    let nfd = "Quy\u{301} IV/2019"; // "Quý" with a combining acute accent
    let q4 = fixed(TimePoint::Quarter {
        year: Some(2019),
        quarter: 4,
    });
    assert_eq!(kind(nfd), q4);
    assert_eq!(kind("quy iv/2019"), q4);
    assert_eq!(kind("  QUÝ IV/2019  "), q4);
    assert_eq!(kind("hang quy"), recurring(Recurrence::Quarterly));
}

#[test]
fn unrecognized_text_is_kept_and_flagged() {
    for text in [
        "Đột xuất",
        "Tháng 12/2020 và tháng 6/2021",
        "Sớm nhất có thể",
        "Quý V/2020",
    ] {
        let s = Schedule::parse(text);
        assert_eq!(s.kind, ScheduleKind::Unrecognized, "{text}");
        assert_eq!(s.start_text, text);
    }
}

#[test]
fn start_and_end_that_disagree_are_conflicting() {
    let s = Schedule::parse_pair("Tháng 01/2020", "Thường xuyên");
    assert!(matches!(s.kind, ScheduleKind::Conflicting { .. }));
}

#[test]
fn kinds_round_trip_through_json() {
    for text in [
        "Quý I hàng năm",
        "Tháng 6 - 12/2020",
        "Sau 30 ngày kể từ ngày ký",
        "Theo yêu cầu",
    ] {
        let s = Schedule::parse(text);
        let json = serde_json::to_string(&s).expect("serialize");
        let back: Schedule = serde_json::from_str(&json).expect("deserialize");
        assert_eq!(back, s, "{json}");
    }
}
