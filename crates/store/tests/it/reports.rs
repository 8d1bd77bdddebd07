//! Report types as seeded, figures computed from tracked work, corrections.

use chrono::NaiveDate;

use cchc_domain::reports::{ManualFigure, ReportKind, RoundDraft, Window, default_types};
use cchc_domain::tracking::StatusUpdate;
use cchc_store::reports::{figures, rounds, types};
use cchc_testkit::plans::{self as fixture, coordinator};
use cchc_testkit::{apps, org};

fn d(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

#[tokio::test]
async fn the_seeded_types_are_the_domain_defaults() {
    for t in apps().await {
        let mut tx = t.db.db.read().await.unwrap();
        let seeded = types::types(&mut tx).await.unwrap();
        assert_eq!(seeded, default_types(), "{}", t.db.name);
        assert_eq!(seeded[4].kind, ReportKind::Adhoc);
    }
}

#[tokio::test]
async fn figures_count_the_work_due_in_the_window_by_area() {
    for t in apps().await {
        let o = org::build(&t.app).await;
        let f = fixture::build(&t.app, &o).await;
        // The lead reports the Q1 task done on 02/03/2026, before 31/03.
        let c = coordinator();
        let lead = t.app.task(&c, f.task_id).await.unwrap().occurrences[0].rows[0]
            .row
            .clone();
        let done = StatusUpdate {
            status: "done".into(),
            result_text: "Đã ban hành".into(),
            ..Default::default()
        };
        t.app.report(&c, lead.id, lead.version, done).await.unwrap();
        let half = Window {
            start: d(2026, 1, 1),
            end: d(2026, 6, 30),
        };
        let mut tx = t.db.db.read().await.unwrap();
        let inside = figures::work_figures(&mut tx, Some(&[o.inside]), &half, d(2026, 7, 1))
            .await
            .unwrap();
        let chi_dao = inside.by_area["chi_dao"];
        assert_eq!(
            (chi_dao.due, chi_dao.done, chi_dao.on_time, chi_dao.overdue),
            (1, 1, 1, 0),
            "{}",
            t.db.name
        );
        assert_eq!(chi_dao.budget_vnd, 10_000_000);
        let all = figures::work_figures(&mut tx, None, &half, d(2026, 7, 1))
            .await
            .unwrap()
            .total();
        // The lead and partner rows of the Q1 task, the outside unit's June task.
        assert_eq!((all.due, all.done, all.overdue), (3, 1, 2));
        assert_eq!(all.budget_vnd, 20_000_000, "each task's budget once");
        let q1 = Window {
            start: d(2025, 12, 15),
            end: d(2026, 3, 14),
        };
        let none = figures::work_figures(&mut tx, None, &q1, d(2026, 7, 1))
            .await
            .unwrap();
        assert_eq!(none.total().due, 0, "31/03 is after the Q1 cut-off");
    }
}

#[tokio::test]
async fn corrections_are_replaced_and_removed() {
    for t in apps().await {
        let o = org::build(&t.app).await;
        let now = t.app.now();
        let calendar = t.app.working_calendar().await.unwrap();
        let valid = RoundDraft {
            type_code: "q1".into(),
            year: Some(2026),
            unit_id: Some(o.root),
            ..Default::default()
        }
        .validate(&default_types(), &calendar)
        .unwrap();
        let mut tx = t.db.db.write().await.unwrap();
        let round = rounds::insert(&mut tx, &valid, None, "Đầu mối", now)
            .await
            .unwrap();
        assert_eq!(
            rounds::find_periodic(&mut tx, o.root, "q1", 2026)
                .await
                .unwrap(),
            Some(round)
        );
        let mut figure = ManualFigure {
            value: 4,
            note: "Số liệu giấy".into(),
            by_user_id: None,
            by_name: "Vũ Thị Lan".into(),
            at: now,
        };
        let key = "tthc.tasks_done";
        figures::set_override(&mut tx, round, o.inside, key, &figure)
            .await
            .unwrap();
        figure.value = 5;
        figures::set_override(&mut tx, round, o.inside, key, &figure)
            .await
            .unwrap();
        let stored = figures::overrides(&mut tx, round, o.inside).await.unwrap();
        assert_eq!(stored.len(), 1, "{}", t.db.name);
        assert_eq!(stored[key], figure);
        assert!(
            figures::overrides(&mut tx, round, o.outside)
                .await
                .unwrap()
                .is_empty()
        );
        assert!(
            figures::delete_override(&mut tx, round, o.inside, key)
                .await
                .unwrap()
        );
        assert!(
            !figures::delete_override(&mut tx, round, o.inside, key)
                .await
                .unwrap()
        );
        tx.commit().await.unwrap();
    }
}
