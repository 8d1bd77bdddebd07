//! Occurrences over a plan period: due dates, labels and what is flagged.

use cchc_domain::schedule::{DecisionReason, PlanPeriod, PlanPeriodError, Schedule};

use super::{plan, summary, ymd};

fn labels_and_dues(text: &str, first: i32, last: i32) -> Vec<(String, Option<chrono::NaiveDate>)> {
    Schedule::parse(text)
        .occurrences(plan(first, last))
        .into_iter()
        .map(|o| (o.label, o.due))
        .collect()
}

#[test]
fn a_month_is_due_on_its_last_day() {
    assert_eq!(
        labels_and_dues("Tháng 02/2024", 2024, 2024),
        [("Tháng 02/2024".into(), Some(ymd(2024, 2, 29)))]
    );
    assert_eq!(
        labels_and_dues("Tháng 02/2023", 2023, 2023),
        [("Tháng 02/2023".into(), Some(ymd(2023, 2, 28)))]
    );
}

#[test]
fn a_quarter_a_year_and_a_date() {
    assert_eq!(
        labels_and_dues("Quý I/2021", 2021, 2021),
        [("Quý I/2021".into(), Some(ymd(2021, 3, 31)))]
    );
    assert_eq!(
        labels_and_dues("Quý II/2021", 2021, 2021),
        [("Quý II/2021".into(), Some(ymd(2021, 6, 30)))]
    );
    assert_eq!(
        labels_and_dues("Năm 2022", 2022, 2022),
        [("Năm 2022".into(), Some(ymd(2022, 12, 31)))]
    );
    assert_eq!(
        summary(&Schedule::parse("Trước 31/12/2020").occurrences(plan(2020, 2020))),
        [(
            "Ngày 31/12/2020".into(),
            None,
            Some(ymd(2020, 12, 31)),
            false
        )]
    );
}

#[test]
fn a_multi_year_range_is_one_occurrence() {
    assert_eq!(
        summary(&Schedule::parse("2021-2025").occurrences(plan(2021, 2025))),
        [(
            "Giai đoạn 2021 - 2025".into(),
            Some(ymd(2021, 1, 1)),
            Some(ymd(2025, 12, 31)),
            false
        )]
    );
}

#[test]
fn continuous_work_yields_one_occurrence_per_plan_year() {
    let got = labels_and_dues("Thường xuyên", 2021, 2025);
    let expected: Vec<_> = (2021..=2025)
        .map(|y| (format!("Năm {y}"), Some(ymd(y, 12, 31))))
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn recurrences_over_a_period() {
    assert_eq!(
        labels_and_dues("hàng quý", 2021, 2021),
        [
            ("Quý I/2021".into(), Some(ymd(2021, 3, 31))),
            ("Quý II/2021".into(), Some(ymd(2021, 6, 30))),
            ("Quý III/2021".into(), Some(ymd(2021, 9, 30))),
            ("Quý IV/2021".into(), Some(ymd(2021, 12, 31))),
        ]
    );
    assert_eq!(
        labels_and_dues("6 tháng", 2021, 2021),
        [
            ("6 tháng đầu năm 2021".into(), Some(ymd(2021, 6, 30))),
            ("6 tháng cuối năm 2021".into(), Some(ymd(2021, 12, 31))),
        ]
    );
    let monthly = labels_and_dues("hàng tháng", 2021, 2022);
    assert_eq!(monthly.len(), 24);
    assert_eq!(monthly[1], ("Tháng 02/2021".into(), Some(ymd(2021, 2, 28))));
    assert_eq!(
        labels_and_dues("hằng năm", 2021, 2022),
        [
            ("Năm 2021".into(), Some(ymd(2021, 12, 31))),
            ("Năm 2022".into(), Some(ymd(2022, 12, 31)))
        ]
    );
    assert_eq!(
        labels_and_dues("Quý I hàng năm", 2021, 2022),
        [
            ("Quý I/2021".into(), Some(ymd(2021, 3, 31))),
            ("Quý I/2022".into(), Some(ymd(2022, 3, 31)))
        ]
    );
    assert_eq!(
        labels_and_dues("Trước 31/12 hàng năm", 2021, 2022),
        [
            ("Ngày 31/12/2021".into(), Some(ymd(2021, 12, 31))),
            ("Ngày 31/12/2022".into(), Some(ymd(2022, 12, 31)))
        ]
    );
}

#[test]
fn a_yearly_date_that_does_not_exist_every_year_is_flagged_that_year() {
    let occurrences = Schedule::parse("Trước 29/02 hàng năm").occurrences(plan(2023, 2024));
    assert_eq!(occurrences[0].decision, Some(DecisionReason::InvalidDate));
    assert_eq!(occurrences[1].due, Some(ymd(2024, 2, 29)));
}

#[test]
fn a_point_without_a_year_takes_the_year_of_a_one_year_plan_only() {
    assert_eq!(
        labels_and_dues("Quý IV", 2020, 2020),
        [("Quý IV/2020".into(), Some(ymd(2020, 12, 31)))]
    );
    assert_eq!(
        labels_and_dues("Trước ngày 15/12", 2020, 2020),
        [("Ngày 15/12/2020".into(), Some(ymd(2020, 12, 15)))]
    );
    let multi = Schedule::parse("Quý IV").occurrences(plan(2021, 2025));
    assert_eq!(multi.len(), 1);
    assert_eq!((multi[0].label.as_str(), multi[0].due), ("Quý IV", None));
    assert_eq!(multi[0].decision, Some(DecisionReason::MissingYear));
}

#[test]
fn uncertain_schedules_are_flagged_never_dropped() {
    for (start, end, reason) in [
        (
            "Theo quy định của UBND tỉnh",
            "",
            DecisionReason::ByReference,
        ),
        ("định kỳ", "", DecisionReason::UnspecifiedRecurrence),
        (
            "Sau khi có thông báo kết quả kiểm tra",
            "",
            DecisionReason::NoOffsetAfterEvent,
        ),
        ("Đột xuất", "", DecisionReason::Unrecognized),
        (
            "Tháng 12/2020",
            "Tháng 01/2020",
            DecisionReason::EndBeforeStart,
        ),
        ("Tháng 01/2020", "Thường xuyên", DecisionReason::Conflicting),
        ("", "", DecisionReason::NoSchedule),
    ] {
        let occurrences = Schedule::parse_pair(start, end).occurrences(plan(2020, 2022));
        assert_eq!(occurrences.len(), 1, "{start} / {end}");
        assert_eq!(occurrences[0].due, None);
        assert_eq!(occurrences[0].decision, Some(reason), "{start} / {end}");
        assert!(reason.to_string().starts_with("Cần xác định thời hạn: "));
    }
}

#[test]
fn the_end_column_alone_is_enough() {
    assert_eq!(
        Schedule::parse_pair("", "Quý II/2021").occurrences(plan(2021, 2021))[0].due,
        Some(ymd(2021, 6, 30))
    );
}

#[test]
fn plan_periods_are_validated() {
    assert_eq!(
        PlanPeriod::new(2025, 2021),
        Err(PlanPeriodError::Reversed {
            first: 2025,
            last: 2021
        })
    );
    assert!(PlanPeriod::new(1000, 2020).is_err());
    assert!(PlanPeriod::new(2000, 2100).is_err(), "more than 50 years");
    let p = PlanPeriod::new(2021, 2025).expect("valid");
    assert_eq!((p.first_year(), p.last_year()), (2021, 2025));
    assert_eq!(PlanPeriod::year(2020).map(|p| p.years().count()), Ok(1));
    assert!(
        PlanPeriodError::Reversed { first: 2, last: 1 }
            .to_string()
            .contains("giai đoạn kế hoạch")
    );
    let json = serde_json::to_string(&p).expect("serialize");
    assert_eq!(
        serde_json::from_str::<PlanPeriod>(&json).expect("deserialize"),
        p
    );
    assert!(
        serde_json::from_str::<PlanPeriod>(r#"{"first_year":0,"last_year":2147483647}"#).is_err()
    );
}
