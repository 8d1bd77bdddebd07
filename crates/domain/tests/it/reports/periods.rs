//! Windows and deadlines of the default types, across year boundaries and
//! holidays, and the rounds of a year.

use cchc_domain::calendar::{Override, WorkingCalendar};
use cchc_domain::reports::{
    DeadlineRule, ReportKind, RoundDraft, Window, WindowRule, default_types, periods,
};

use super::d;

fn window(start: (i32, u32, u32), end: (i32, u32, u32)) -> Window {
    Window {
        start: d(start.0, start.1, start.2),
        end: d(end.0, end.1, end.2),
    }
}

#[test]
fn the_rounds_of_2026_follow_decree_09_and_move_off_weekends() {
    let cal = WorkingCalendar::official();
    let p = periods(2026, &default_types(), &cal);
    let rows: Vec<_> = p
        .iter()
        .map(|p| {
            (
                p.type_code.as_str(),
                p.label.as_str(),
                p.window_start,
                p.window_end,
                p.unit_deadline,
                p.department_deadline,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "q1",
                "Báo cáo quý I năm 2026",
                d(2025, 12, 15),
                d(2026, 3, 14),
                Some(d(2026, 3, 10)),
                // 15/03/2026 is a Sunday.
                Some(d(2026, 3, 16)),
            ),
            (
                "h1",
                "Báo cáo 6 tháng năm 2026",
                d(2025, 12, 15),
                d(2026, 6, 14),
                Some(d(2026, 6, 10)),
                Some(d(2026, 6, 15)),
            ),
            (
                "q3",
                "Báo cáo quý III (9 tháng) năm 2026",
                d(2025, 12, 15),
                d(2026, 9, 14),
                Some(d(2026, 9, 10)),
                Some(d(2026, 9, 15)),
            ),
            (
                "annual",
                "Báo cáo năm 2026",
                d(2025, 12, 15),
                d(2026, 12, 14),
                Some(d(2026, 12, 10)),
                Some(d(2026, 12, 15)),
            ),
        ]
    );
    assert!(
        p.iter().all(|p| p.kind != ReportKind::Adhoc),
        "ad-hoc reports have no rounds of their own"
    );
}

#[test]
fn a_deadline_on_a_weekend_moves_to_monday() {
    let cal = WorkingCalendar::official();
    let q1_2024 = &periods(2024, &default_types(), &cal)[0];
    // 10/03/2024 is a Sunday.
    assert_eq!(q1_2024.unit_deadline, Some(d(2024, 3, 11)));
    assert_eq!(q1_2024.window_start, d(2023, 12, 15));
    let annual_2028 = &periods(2028, &default_types(), &cal)[3];
    // 10/12/2028 is a Sunday.
    assert_eq!(annual_2028.unit_deadline, Some(d(2028, 12, 11)));
}

#[test]
fn deadlines_after_the_window_cross_into_the_next_year_past_new_year() {
    let cal = WorkingCalendar::official();
    let w = window((2026, 12, 15), (2027, 12, 14));
    let rule = DeadlineRule::DaysAfterWindowEnd { days: 18 };
    // 01/01/2028 is a Saturday: New Year's Day, the weekend, then the
    // compensatory Monday 03/01; the Tuesday is the first working day.
    assert_eq!(rule.nominal(&w), Some(d(2028, 1, 1)));
    assert_eq!(rule.deadline(&w, &cal), Some(d(2028, 1, 4)));
}

#[test]
fn deadlines_on_holidays_move_past_the_whole_break() {
    let cal = WorkingCalendar::official();
    let w2026 = window((2025, 12, 15), (2026, 6, 14));
    let victory = DeadlineRule::FixedDate { day: 30, month: 4 };
    // 30/4 and 1/5/2026 are Thursday and Friday, then the weekend.
    assert_eq!(victory.deadline(&w2026, &cal), Some(d(2026, 5, 4)));
    let tet = DeadlineRule::FixedDate { day: 16, month: 2 };
    // Tết 2026: Monday 16/2 to Friday 20/2, then the weekend.
    assert_eq!(tet.deadline(&w2026, &cal), Some(d(2026, 2, 23)));
    let w2027 = window((2026, 12, 15), (2027, 3, 14));
    let tet_2027 = DeadlineRule::FixedDate { day: 5, month: 2 };
    // Tết 2027 with two compensatory days: off 05/02–11/02.
    assert_eq!(tet_2027.deadline(&w2027, &cal), Some(d(2027, 2, 12)));
    // An administrator's day off wins, as everywhere else.
    let mut overrides = cchc_domain::calendar::all_official_overrides();
    overrides.push(Override::day_off(d(2026, 5, 4), "Nghỉ hoán đổi"));
    let local = WorkingCalendar::new(overrides);
    assert_eq!(victory.deadline(&w2026, &local), Some(d(2026, 5, 5)));
}

#[test]
fn quarter_windows_of_a_plain_quarter_rule_cross_the_year() {
    let q4 = WindowRule::DataCutoff {
        first_month: 10,
        months: 3,
    };
    let q1 = WindowRule::DataCutoff {
        first_month: 1,
        months: 3,
    };
    let q4_2025 = q4.window(2025).unwrap();
    let q1_2026 = q1.window(2026).unwrap();
    assert_eq!(q4_2025, window((2025, 9, 15), (2025, 12, 14)));
    assert_eq!(q4_2025.end.succ_opt(), Some(q1_2026.start));
}

#[test]
fn opening_a_round_settles_its_dates() {
    let cal = WorkingCalendar::official();
    let types = default_types();
    let q1 = RoundDraft {
        type_code: "q1".into(),
        year: Some(2026),
        unit_id: Some(1),
        ..Default::default()
    }
    .validate(&types, &cal)
    .unwrap();
    assert_eq!(q1.label, "Báo cáo quý I năm 2026");
    assert_eq!(q1.window, window((2025, 12, 15), (2026, 3, 14)));
    assert_eq!(q1.unit_deadline, Some(d(2026, 3, 10)));
    // A deadline given by hand replaces the rule, still moved off days off.
    let moved = RoundDraft {
        unit_deadline: Some(d(2026, 3, 14)),
        ..q1_draft()
    }
    .validate(&types, &cal)
    .unwrap();
    assert_eq!(moved.unit_deadline, Some(d(2026, 3, 16)));

    let adhoc = RoundDraft {
        type_code: "adhoc".into(),
        unit_id: Some(1),
        label: "  Báo cáo  kết quả chuyển đổi số ".into(),
        window_start: Some(d(2026, 1, 1)),
        window_end: Some(d(2026, 4, 30)),
        unit_deadline: Some(d(2026, 5, 1)),
        department_deadline: Some(d(2026, 5, 8)),
        ..Default::default()
    }
    .validate(&types, &cal)
    .unwrap();
    assert_eq!(adhoc.label, "Báo cáo kết quả chuyển đổi số");
    assert_eq!(adhoc.year, 2026);
    assert_eq!(adhoc.unit_deadline, Some(d(2026, 5, 4)));

    let errors = RoundDraft {
        type_code: "adhoc".into(),
        unit_id: Some(1),
        year: Some(2026),
        ..Default::default()
    }
    .validate(&types, &cal)
    .unwrap_err();
    for field in ["label", "window_start", "unit_deadline"] {
        assert!(errors.for_field(field).is_some(), "{field}: {errors:?}");
    }
    let errors = RoundDraft {
        unit_deadline: Some(d(2026, 3, 20)),
        department_deadline: Some(d(2026, 3, 18)),
        ..q1_draft()
    }
    .validate(&types, &cal)
    .unwrap_err();
    assert!(errors.for_field("department_deadline").is_some());
    assert!(
        RoundDraft {
            type_code: "q5".into(),
            ..q1_draft()
        }
        .validate(&types, &cal)
        .is_err()
    );
}

fn q1_draft() -> RoundDraft {
    RoundDraft {
        type_code: "q1".into(),
        year: Some(2026),
        unit_id: Some(1),
        ..Default::default()
    }
}
