//! Figures fill themselves from tracked work, corrections show their author,
//! submissions freeze them, and the department's report gathers it all.

use cchc_app::AppError;
use cchc_domain::reports::{ConsolidatedField, FigureOverrideDraft, ReportStatus, Window};
use cchc_domain::tracking::StatusUpdate;
use cchc_testkit::apps;
use cchc_testkit::plans::coordinator;
use cchc_testkit::reports::{self as fixture, round};

use super::{d, texts};

fn correction(key: &str, value: Option<i64>, note: &str) -> FigureOverrideDraft {
    FigureOverrideDraft {
        field_key: key.into(),
        value,
        note: note.into(),
    }
}

#[tokio::test]
async fn figures_come_from_tracking_and_corrections_keep_their_author() {
    for t in apps().await {
        let f = fixture::build(&t.app).await;
        // 6 months: 15/12/2025 – 14/06/2026 holds the Q1 task due 31/03/2026.
        let view = t
            .app
            .open_report_round(&f.coordinator, round("h1", 2026, f.o.root))
            .await
            .unwrap();
        let id = view
            .reports
            .iter()
            .find(|r| r.unit_id == f.o.inside)
            .unwrap()
            .report_id;
        let r = t.app.unit_report(&f.staff, id).await.unwrap();
        let value = |key: &str| r.figures[key].value();
        assert_eq!(value("chi_dao.tasks_due"), Some(1), "{}", t.db.name);
        assert_eq!(value("chi_dao.tasks_done"), Some(0));
        assert_eq!(value("tong_quan.budget_vnd"), Some(10_000_000));
        assert_eq!(value("tthc.tasks_due"), Some(0));
        assert_eq!(value("tthc.tthc_don_gian_hoa"), None, "typed by hand only");

        let c = coordinator();
        let row = t.app.task(&c, f.plan.task_id).await.unwrap().occurrences[0].rows[0]
            .row
            .clone();
        let done = StatusUpdate {
            status: "done".into(),
            result_text: "Đã ban hành kế hoạch".into(),
            ..Default::default()
        };
        t.app
            .report(&f.staff, row.id, row.version, done)
            .await
            .unwrap();
        let r = t.app.unit_report(&f.staff, id).await.unwrap();
        assert_eq!(r.figures["chi_dao.tasks_on_time"].value(), Some(1));

        let no_reason = t
            .app
            .set_report_figure(
                &f.staff,
                id,
                r.report.version,
                correction("tthc.tthc_don_gian_hoa", Some(4), ""),
            )
            .await;
        assert!(matches!(no_reason, Err(AppError::Validation(_))));
        let not_theirs = t
            .app
            .set_report_figure(
                &f.coordinator,
                id,
                r.report.version,
                correction("tthc.tthc_don_gian_hoa", Some(4), "x"),
            )
            .await;
        assert!(matches!(not_theirs, Err(AppError::Forbidden)));
        let corrected = t
            .app
            .set_report_figure(
                &f.staff,
                id,
                r.report.version,
                correction(
                    "tthc.tthc_don_gian_hoa",
                    Some(4),
                    "Theo Quyết định công bố của UBND tỉnh",
                ),
            )
            .await
            .unwrap();
        assert_eq!(corrected.version, r.report.version + 1);
        let r = t.app.unit_report(&f.staff, id).await.unwrap();
        let manual = r.figures["tthc.tthc_don_gian_hoa"].manual.clone().unwrap();
        assert_eq!(
            (manual.value, manual.by_name.as_str()),
            (4, "Người dùng cv.vps")
        );

        let draft = t
            .app
            .save_report_draft(
                &f.staff,
                id,
                r.report.version,
                texts(&[
                    ("tong_quan.danh_gia", "Hoàn thành các nhiệm vụ 6 tháng"),
                    ("tthc.ket_qua", "Đơn giản hóa 4 thủ tục"),
                ]),
            )
            .await
            .unwrap();
        let sent = t
            .app
            .submit_report(&f.staff, id, draft.version)
            .await
            .unwrap();
        // Work reported after the submission does not change what was sent.
        let row = t.app.task(&c, f.plan.task_id).await.unwrap().occurrences[0].rows[0]
            .row
            .clone();
        let reopened = StatusUpdate {
            status: "in_progress".into(),
            progress_pct: Some(50),
            ..Default::default()
        };
        t.app
            .report(&f.staff, row.id, row.version, reopened)
            .await
            .unwrap();
        let r = t.app.unit_report(&f.coordinator, id).await.unwrap();
        assert_eq!(r.figures, r.versions[0].content.figures, "as submitted");
        assert_eq!(r.figures["chi_dao.tasks_done"].value(), Some(1));
        let live = t
            .app
            .figures_for(&f.staff, f.o.inside, r.round.window(), false)
            .await
            .unwrap();
        assert_eq!(
            live.value(cchc_domain::reports::Metric::TasksDone, Some("chi_dao")),
            0
        );
        t.app
            .accept_report(&f.coordinator, id, sent.version)
            .await
            .unwrap();

        let department = t
            .app
            .set_department_figure(
                &f.coordinator,
                view.round.id,
                correction(
                    "tong_quan.evidence_files",
                    Some(12),
                    "Tài liệu lưu bản giấy",
                ),
            )
            .await
            .unwrap();
        assert_eq!(department["tong_quan.evidence_files"].value(), Some(12));
        assert_eq!(
            department["tong_quan.tasks_due"].value(),
            Some(2),
            "lead and partner rows"
        );
        let by_staff = t
            .app
            .set_department_figure(
                &f.staff,
                view.round.id,
                correction("tong_quan.tasks_due", Some(1), "x"),
            )
            .await;
        assert!(matches!(by_staff, Err(AppError::Forbidden)));

        let c = t
            .app
            .consolidate_round(&f.coordinator, view.round.id)
            .await
            .unwrap();
        assert_eq!(c.label, "Báo cáo 6 tháng năm 2026");
        assert_eq!(c.included_units, ["Văn phòng Sở"]);
        assert_eq!(c.pending_units.len(), 2);
        assert!(
            c.pending_units
                .iter()
                .all(|(_, s)| *s == ReportStatus::Draft)
        );
        let tthc = c.sections.iter().find(|s| s.key == "tthc").unwrap();
        let ConsolidatedField::Text { contributions, .. } = &tthc.fields[0] else {
            panic!("{:?}", tthc.fields[0]);
        };
        assert_eq!(contributions[0].text, "Đơn giản hóa 4 thủ tục");
        let simplified = tthc
            .fields
            .iter()
            .find_map(|f| match f {
                ConsolidatedField::Figure {
                    key, units_total, ..
                } if key == "tthc.tthc_don_gian_hoa" => Some(*units_total),
                _ => None,
            })
            .unwrap();
        assert_eq!(simplified, 4);
        let hidden = t
            .app
            .consolidate_round(&f.partner_staff, view.round.id)
            .await;
        assert!(matches!(hidden, Err(AppError::NotFound(_))));
        assert!(
            t.app
                .consolidate_round(&f.director, view.round.id)
                .await
                .is_ok()
        );

        let window = Window {
            start: d(2026, 1, 1),
            end: d(2026, 12, 31),
        };
        let data = t
            .app
            .figures_for(&f.coordinator, f.o.root, window, true)
            .await
            .unwrap();
        assert_eq!(data.total().due, 3);
        let outside = t
            .app
            .figures_for(&f.staff, f.o.outside, window, false)
            .await;
        assert!(matches!(outside, Err(AppError::Forbidden)));
    }
}
