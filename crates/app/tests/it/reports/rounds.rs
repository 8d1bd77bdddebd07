//! Opening and closing rounds, the periods of a year on the calendar in
//! force, and timeliness across rounds.

use cchc_app::AppError;
use cchc_app::auth::system_actor;
use cchc_domain::calendar::OverrideDraft;
use cchc_domain::reports::{RoundDraft, RoundStatus, Timeliness};
use cchc_testkit::apps;
use cchc_testkit::reports::{self as fixture, round};

use super::{at_nine, d, texts};

#[tokio::test]
async fn rounds_are_opened_by_the_departments_coordinator_once_a_year() {
    for t in apps().await {
        let f = fixture::build(&t.app).await;
        let by_staff = t
            .app
            .open_report_round(&f.staff, round("q1", 2026, f.o.root))
            .await;
        assert!(matches!(by_staff, Err(AppError::Forbidden)), "{by_staff:?}");
        let elsewhere = RoundDraft {
            unit_ids: vec![f.o.inside, f.o.root],
            ..round("q1", 2026, f.o.root)
        };
        let bad = t.app.open_report_round(&f.coordinator, elsewhere).await;
        assert!(
            matches!(bad, Err(AppError::Validation(_))),
            "the department itself"
        );
        let chosen = RoundDraft {
            unit_ids: vec![f.o.inside, f.o.inside_child],
            ..round("q1", 2026, f.o.root)
        };
        let view = t
            .app
            .open_report_round(&f.coordinator, chosen)
            .await
            .unwrap();
        let names: Vec<&str> = view.reports.iter().map(|r| r.unit_name.as_str()).collect();
        assert_eq!(names, ["Bộ phận Tiếp nhận và Trả kết quả", "Văn phòng Sở"]);
        assert_eq!(view.round.unit_deadline, Some(d(2026, 3, 10)));
        assert!(view.can_manage);
        let again = t
            .app
            .open_report_round(&f.coordinator, round("q1", 2026, f.o.root))
            .await;
        assert!(
            matches!(&again, Err(AppError::Duplicate(m)) if m.contains("Báo cáo quý I năm 2026")),
            "{again:?}"
        );

        let adhoc = RoundDraft {
            type_code: "adhoc".into(),
            unit_id: Some(f.o.root),
            label: "Báo cáo kết quả số hóa hồ sơ".into(),
            window_start: Some(d(2026, 1, 1)),
            window_end: Some(d(2026, 2, 28)),
            unit_deadline: Some(d(2026, 3, 7)),
            ..Default::default()
        };
        let adhoc = t
            .app
            .open_report_round(&f.coordinator, adhoc)
            .await
            .unwrap();
        // 07/03/2026 is a Saturday.
        assert_eq!(adhoc.round.unit_deadline, Some(d(2026, 3, 9)));
        assert_eq!(adhoc.reports.len(), 3);

        let closed = t
            .app
            .close_report_round(&f.coordinator, adhoc.round.id, adhoc.round.version)
            .await
            .unwrap();
        assert_eq!(closed.status, RoundStatus::Closed);
        let mine = adhoc
            .reports
            .iter()
            .find(|r| r.unit_id == f.o.inside)
            .unwrap();
        let late = t
            .app
            .save_report_draft(
                &f.staff,
                mine.report_id,
                mine.version,
                texts(&[("tthc.ket_qua", "x")]),
            )
            .await;
        assert!(matches!(&late, Err(AppError::Validation(e)) if e.summary().contains("đã đóng")));
        let all = t
            .app
            .report_rounds(&f.coordinator, Some(2026))
            .await
            .unwrap();
        let labels: Vec<&str> = all.iter().map(|v| v.round.label.as_str()).collect();
        assert_eq!(
            labels,
            ["Báo cáo quý I năm 2026", "Báo cáo kết quả số hóa hồ sơ"]
        );
    }
}

#[tokio::test]
async fn periods_follow_the_report_types_and_the_calendar_in_force() {
    for t in apps().await {
        let periods = t.app.report_periods(2026).await.unwrap();
        assert_eq!(periods.len(), 4);
        assert_eq!(periods[0].unit_deadline, Some(d(2026, 3, 10)));
        let draft = OverrideDraft {
            day: Some(d(2026, 3, 10)),
            kind: "day_off".into(),
            name: "Nghỉ theo quyết định của tỉnh".into(),
        };
        t.app.set_override(&system_actor(), draft).await.unwrap();
        let periods = t.app.report_periods(2026).await.unwrap();
        assert_eq!(
            periods[0].unit_deadline,
            Some(d(2026, 3, 11)),
            "{}",
            t.db.name
        );
        let types = t.app.report_types(&system_actor()).await.unwrap();
        assert_eq!(types.len(), 5);
    }
}

#[tokio::test]
async fn timeliness_compares_first_submissions_with_the_deadline() {
    for t in apps().await {
        let f = fixture::build(&t.app).await;
        let view = t
            .app
            .open_report_round(&f.coordinator, round("q1", 2026, f.o.root))
            .await
            .unwrap();
        let id_of = |unit| {
            view.reports
                .iter()
                .find(|r| r.unit_id == unit)
                .map(|r| (r.report_id, r.version))
                .unwrap()
        };
        let filled = texts(&[("tong_quan.danh_gia", "Hoàn thành")]);
        // Văn phòng Sở sends on 09/03, is returned and sends again on 16/03.
        at_nine(&t, d(2026, 3, 9));
        let (inside, v) = id_of(f.o.inside);
        let r = t
            .app
            .save_report_draft(&f.staff, inside, v, filled.clone())
            .await
            .unwrap();
        let r = t
            .app
            .submit_report(&f.staff, inside, r.version)
            .await
            .unwrap();
        let r = t
            .app
            .return_report(&f.coordinator, inside, r.version, "Bổ sung")
            .await
            .unwrap();
        // Thanh tra Sở sends on 13/03, three days after 10/03.
        at_nine(&t, d(2026, 3, 13));
        let (outside, v) = id_of(f.o.outside);
        let o = t
            .app
            .save_report_draft(&f.outside_staff, outside, v, filled.clone())
            .await
            .unwrap();
        t.app
            .submit_report(&f.outside_staff, outside, o.version)
            .await
            .unwrap();
        at_nine(&t, d(2026, 3, 16));
        t.app
            .submit_report(&f.staff, inside, r.version)
            .await
            .unwrap();

        let table = t
            .app
            .report_timeliness(&f.coordinator, 2026, None)
            .await
            .unwrap();
        assert_eq!(table.rounds.len(), 1);
        let cells: Vec<(&str, Option<Timeliness>)> = table
            .rows
            .iter()
            .map(|r| (r.unit_name.as_str(), r.cells[0]))
            .collect();
        assert_eq!(
            cells,
            [
                ("Phòng Kế hoạch – Tài chính", Some(Timeliness::Missing)),
                ("Thanh tra Sở", Some(Timeliness::Late { days: 3 })),
                ("Văn phòng Sở", Some(Timeliness::OnTime)),
            ],
            "{}",
            t.db.name
        );
        assert_eq!(table.rows[2].rate.percent_on_time(), Some(100));
        let before = t
            .app
            .report_timeliness(&f.coordinator, 2026, Some(d(2026, 3, 10)))
            .await
            .unwrap();
        assert_eq!(before.rows[0].cells[0], Some(Timeliness::NotDue));
        assert_eq!(before.rows[1].cells[0], Some(Timeliness::NotDue));
        let own = t
            .app
            .report_timeliness(&f.outside_staff, 2026, None)
            .await
            .unwrap();
        assert_eq!(own.rows.len(), 1, "a unit sees its own row");
        let round = t
            .app
            .report_round(&f.coordinator, view.round.id)
            .await
            .unwrap();
        let late = round
            .reports
            .iter()
            .find(|r| r.unit_id == f.o.outside)
            .unwrap();
        assert_eq!(late.timeliness, Timeliness::Late { days: 3 });
    }
}
