//! Every distinct start/end pair of the "Thời gian thực hiện" columns of the
//! seed plans (Sở Y tế Đắk Nông 2020; the Bình Định 2023 plan has no schedule
//! column), including the fragments a page break leaves in a split row.

use cchc_domain::schedule::{
    AfterEvent, DecisionReason, Offset, OffsetUnit, Schedule, ScheduleKind, Span, TimePoint,
};

use super::{plan, summary, ymd};

#[test]
fn a_month_in_both_columns_is_due_on_its_last_day() {
    let s = Schedule::parse_pair("Tháng 12/2019", "Tháng 12/2019");
    let month = TimePoint::Month {
        year: Some(2019),
        month: 12,
    };
    assert_eq!(
        s.kind,
        ScheduleKind::Fixed {
            span: Span::at(month)
        }
    );
    assert_eq!(
        summary(&s.occurrences(plan(2020, 2020))),
        [(
            "Tháng 12/2019".into(),
            Some(ymd(2019, 12, 1)),
            Some(ymd(2019, 12, 31)),
            false
        )]
    );
}

#[test]
fn month_to_month_is_one_occurrence_with_a_window() {
    for (start, end, from) in [
        ("Tháng 01/2020", "Tháng 12/2020", ymd(2020, 1, 1)),
        ("Tháng 6/2020", "Tháng 12/2020", ymd(2020, 6, 1)),
    ] {
        let s = Schedule::parse_pair(start, end);
        let occurrences = s.occurrences(plan(2020, 2020));
        assert_eq!(occurrences.len(), 1, "{start} - {end}");
        assert_eq!(occurrences[0].window_start, Some(from));
        assert_eq!(occurrences[0].due, Some(ymd(2020, 12, 31)));
        assert!(!occurrences[0].needs_decision());
    }
    let s = Schedule::parse_pair("Tháng 6/2020", "Tháng 12/2020");
    assert_eq!(
        s.occurrences(plan(2020, 2020))[0].label,
        "Tháng 06/2020 - Tháng 12/2020"
    );
}

#[test]
fn quarters_in_both_columns() {
    for (text, year) in [("Quý IV/2019", 2019), ("Quý IV/2020", 2020)] {
        let s = Schedule::parse_pair(text, text);
        assert_eq!(
            summary(&s.occurrences(plan(2020, 2020))),
            [(
                text.into(),
                Some(ymd(year, 10, 1)),
                Some(ymd(year, 12, 31)),
                false
            )]
        );
    }
}

#[test]
fn continuous_work_is_reported_yearly() {
    let s = Schedule::parse_pair("Thường xuyên", "Thường xuyên");
    assert_eq!(s.kind, ScheduleKind::Continuous);
    assert_eq!(
        summary(&s.occurrences(plan(2020, 2020))),
        [(
            "Năm 2020".into(),
            Some(ymd(2020, 1, 1)),
            Some(ymd(2020, 12, 31)),
            false
        )]
    );
}

#[test]
fn after_the_inspection_notice_is_due_thirty_days_after_it() {
    let s = Schedule::parse_pair(
        "Sau khi có thông báo kết quả kiểm tra",
        "Kết thúc trong vòng 30 ngày kể từ ngày có thông báo kết quả kiểm tra",
    );
    let after = AfterEvent {
        offset: Some(Offset {
            amount: 30,
            unit: OffsetUnit::Days,
        }),
        event: "có thông báo kết quả kiểm tra".into(),
    };
    assert_eq!(
        s.kind,
        ScheduleKind::AfterEvent {
            after: after.clone()
        }
    );
    let occurrences = s.occurrences(plan(2020, 2020));
    assert_eq!(occurrences.len(), 1);
    let o = &occurrences[0];
    assert_eq!(
        o.label,
        "Trong vòng 30 ngày kể từ khi có thông báo kết quả kiểm tra"
    );
    assert_eq!((o.due, o.window_start, o.decision), (None, None, None));
    let offset = o
        .after_event
        .as_ref()
        .and_then(|a| a.offset)
        .expect("offset");
    assert_eq!(offset.days(), Some(30));
    assert_eq!(offset.due_from(ymd(2020, 3, 10)), Some(ymd(2020, 4, 9)));
}

#[test]
fn by_reference_is_flagged_and_its_dates_are_not_deadlines() {
    for text in [
        "Theo Công văn số 4096/UBND-NC, ngày 02/8/2017 của UBND tỉnh Đắk Nông",
        "Theo quy định của Ủy ban nhân dân tỉnh",
        "Theo quy định của Sở Nội vụ.",
    ] {
        let s = Schedule::parse_pair(text, "");
        assert_eq!(
            s.kind,
            ScheduleKind::ByReference {
                reference: text.into()
            }
        );
        let occurrences = s.occurrences(plan(2020, 2020));
        assert_eq!(occurrences.len(), 1);
        assert_eq!(occurrences[0].label, text);
        assert_eq!(occurrences[0].due, None);
        assert_eq!(occurrences[0].decision, Some(DecisionReason::ByReference));
        assert!(
            occurrences[0]
                .decision
                .unwrap()
                .message()
                .starts_with("Cần xác định thời hạn")
        );
    }
}

#[test]
fn empty_columns_of_group_rows_are_unspecified() {
    let s = Schedule::parse_pair("", "");
    assert_eq!(s.kind, ScheduleKind::Unspecified);
    let occurrences = s.occurrences(plan(2020, 2020));
    assert_eq!(occurrences[0].decision, Some(DecisionReason::NoSchedule));
}

#[test]
fn original_texts_are_kept() {
    let s = Schedule::parse_pair("Tháng 6/2020", "Tháng 12/2020");
    assert_eq!(s.start_text, "Tháng 6/2020");
    assert_eq!(s.end_text.as_deref(), Some("Tháng 12/2020"));
    assert_eq!(s.source_text(), "Tháng 6/2020 - Tháng 12/2020");
    let s = Schedule::parse("Thường xuyên");
    assert_eq!((s.start_text.as_str(), s.end_text), ("Thường xuyên", None));
}

/// A row split by a page break leaves pieces in two rows; each piece alone
/// is either read exactly or flagged, never misread.
#[test]
fn page_break_fragments_are_read_or_flagged() {
    let month = Schedule::parse_pair("01/2020", "12/2020");
    assert_eq!(
        month.occurrences(plan(2020, 2020))[0].due,
        Some(ymd(2020, 12, 31))
    );
    for (start, end) in [
        ("Tháng", "Tháng"),
        ("Sau khi có thông báo kết quả", "Kết thúc trong vòng 30"),
        ("kiểm tra", "ngày kể từ ngày có thông báo kết quả kiểm tra"),
    ] {
        let s = Schedule::parse_pair(start, end);
        let occurrences = s.occurrences(plan(2020, 2020));
        assert!(
            occurrences.iter().all(|o| o.needs_decision()),
            "{start} / {end}"
        );
    }
}
