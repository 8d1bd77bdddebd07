//! A unit's report from draft to the lock, with return and resubmission,
//! versions and their diff, and who may do what.

use cchc_app::AppError;
use cchc_app::auth::system_actor;
use cchc_domain::reports::{FieldChangeKind, Outcome, ReportStatus};
use cchc_store::audit::AuditFilter;
use cchc_testkit::apps;
use cchc_testkit::reports::{self as fixture, round};

use super::texts;

#[tokio::test]
async fn a_report_is_returned_resubmitted_and_locked_once_accepted() {
    for t in apps().await {
        let f = fixture::build(&t.app).await;
        let view = t
            .app
            .open_report_round(&f.coordinator, round("q1", 2026, f.o.root))
            .await
            .unwrap();
        assert_eq!(view.reports.len(), 3, "direct subunits on {}", t.db.name);
        let mine = t.app.report_round(&f.staff, view.round.id).await.unwrap();
        assert_eq!(mine.reports.len(), 1, "a unit sees its own report only");
        let id = mine.reports[0].report_id;
        let r = t.app.unit_report(&f.staff, id).await.unwrap();
        assert!(r.can_edit && !r.can_review);
        assert_eq!(r.report.status, ReportStatus::Draft);

        let draft = t
            .app
            .save_report_draft(
                &f.staff,
                id,
                r.report.version,
                texts(&[("tthc.ket_qua", "  Rà soát   10 thủ tục ")]),
            )
            .await
            .unwrap();
        assert_eq!(draft.texts["tthc.ket_qua"], "Rà soát 10 thủ tục");
        assert_eq!(draft.version, r.report.version + 1);
        let stale = t
            .app
            .save_report_draft(&f.leader, id, r.report.version, texts(&[]))
            .await;
        assert!(matches!(stale, Err(AppError::Conflict)), "{stale:?}");
        let unknown = t
            .app
            .save_report_draft(&f.staff, id, draft.version, texts(&[("x.y", "z")]))
            .await;
        assert!(matches!(unknown, Err(AppError::Validation(_))));
        let same = t
            .app
            .save_report_draft(&f.staff, id, draft.version, draft.texts.clone())
            .await
            .unwrap();
        assert_eq!(
            same.version, draft.version,
            "an unchanged autosave writes nothing"
        );

        let missing = t.app.submit_report(&f.staff, id, draft.version).await;
        let Err(AppError::Validation(e)) = missing else {
            panic!("the general assessment is required: {missing:?}");
        };
        assert!(e.summary().contains("Kết quả chung: Đánh giá chung"));
        let draft = t
            .app
            .save_report_draft(
                &f.staff,
                id,
                draft.version,
                texts(&[
                    ("tong_quan.danh_gia", "Cơ bản hoàn thành kế hoạch quý I"),
                    ("tthc.ket_qua", "Rà soát 10 thủ tục"),
                ]),
            )
            .await
            .unwrap();
        let submitted = t
            .app
            .submit_report(&f.staff, id, draft.version)
            .await
            .unwrap();
        assert_eq!(submitted.status, ReportStatus::Submitted);
        assert_eq!(submitted.submissions, 1);
        let locked = t
            .app
            .save_report_draft(&f.staff, id, submitted.version, texts(&[]))
            .await;
        assert!(
            matches!(locked, Err(AppError::Validation(_))),
            "waits for review"
        );
        let by_leader = t.app.accept_report(&f.leader, id, submitted.version).await;
        assert!(matches!(by_leader, Err(AppError::Forbidden)));
        let no_comment = t
            .app
            .return_report(&f.coordinator, id, submitted.version, "  ")
            .await;
        assert!(matches!(no_comment, Err(AppError::Validation(_))));
        let returned = t
            .app
            .return_report(
                &f.coordinator,
                id,
                submitted.version,
                "Bổ sung số liệu thủ tục được đơn giản hóa",
            )
            .await
            .unwrap();
        assert_eq!(returned.status, ReportStatus::Returned);
        assert_eq!(
            returned.review_comment,
            "Bổ sung số liệu thủ tục được đơn giản hóa"
        );

        let draft = t
            .app
            .save_report_draft(
                &f.leader,
                id,
                returned.version,
                texts(&[
                    ("tong_quan.danh_gia", "Cơ bản hoàn thành kế hoạch quý I"),
                    ("tthc.ket_qua", "Rà soát 10 thủ tục, đơn giản hóa 4 thủ tục"),
                ]),
            )
            .await
            .unwrap();
        assert_eq!(
            draft.status,
            ReportStatus::Returned,
            "still returned while edited"
        );
        let again = t
            .app
            .submit_report(&f.leader, id, draft.version)
            .await
            .unwrap();
        assert_eq!(again.submissions, 2);
        let accepted = t
            .app
            .accept_report(&f.coordinator, id, again.version)
            .await
            .unwrap();
        assert_eq!(accepted.status, ReportStatus::Accepted);

        for attempt in [
            t.app
                .save_report_draft(&f.staff, id, accepted.version, texts(&[]))
                .await,
            t.app.submit_report(&f.staff, id, accepted.version).await,
            t.app
                .return_report(&f.coordinator, id, accepted.version, "Sửa lại")
                .await,
        ] {
            assert!(
                matches!(&attempt, Err(AppError::Validation(e)) if e.summary().contains("khóa")),
                "accepted is locked: {attempt:?}"
            );
        }

        let view = t.app.unit_report(&f.staff, id).await.unwrap();
        assert!(!view.can_edit && !view.can_review);
        let outcomes: Vec<_> = view
            .versions
            .iter()
            .map(|v| (v.number, v.outcome))
            .collect();
        assert_eq!(
            outcomes,
            [(1, Some(Outcome::Returned)), (2, Some(Outcome::Accepted))]
        );
        assert_eq!(view.versions[0].submitted_by_name, "Người dùng cv.vps");
        assert_eq!(view.versions[1].reviewed_by_name, "Người dùng dm.syt");
        let changes = t.app.report_diff(&f.coordinator, id, 1, 2).await.unwrap();
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert_eq!(changes[0].key, "tthc.ket_qua");
        assert_eq!(changes[0].kind, FieldChangeKind::Changed);
        assert_eq!(
            changes[0].after.as_deref(),
            Some("Rà soát 10 thủ tục, đơn giản hóa 4 thủ tục")
        );

        let log = t
            .app
            .audit_log(
                &system_actor(),
                &AuditFilter {
                    entity_type: Some("unit_report".into()),
                    entity_id: Some(id.to_string()),
                    ..Default::default()
                },
                1,
                50,
            )
            .await
            .unwrap();
        let mut actions: Vec<&str> = log.entries.iter().map(|e| e.action.as_str()).collect();
        actions.reverse();
        assert_eq!(
            actions,
            [
                "save_draft",
                "save_draft",
                "submit",
                "return",
                "save_draft",
                "submit",
                "accept"
            ]
        );
        assert!(
            log.entries[0]
                .summary
                .starts_with("Tiếp nhận Báo cáo quý I năm 2026")
        );
    }
}

#[tokio::test]
async fn only_the_owning_unit_submits_and_only_the_coordinator_reviews() {
    for t in apps().await {
        let f = fixture::build(&t.app).await;
        let view = t
            .app
            .open_report_round(&f.coordinator, round("q1", 2026, f.o.root))
            .await
            .unwrap();
        let inside = view
            .reports
            .iter()
            .find(|r| r.unit_id == f.o.inside)
            .unwrap();
        let (id, version) = (inside.report_id, inside.version);
        let hidden = t.app.unit_report(&f.outside_staff, id).await;
        assert!(matches!(hidden, Err(AppError::NotFound(_))), "{hidden:?}");
        let other = t.app.submit_report(&f.outside_staff, id, version).await;
        assert!(matches!(other, Err(AppError::NotFound(_))));
        let coordinator = t
            .app
            .save_report_draft(&f.coordinator, id, version, texts(&[]))
            .await;
        assert!(
            matches!(coordinator, Err(AppError::Forbidden)),
            "the coordinator does not write a unit's report"
        );
        let director = t.app.unit_report(&f.director, id).await.unwrap();
        assert!(!director.can_edit && !director.can_review);
        let read_only = t.app.submit_report(&f.director, id, version).await;
        assert!(matches!(read_only, Err(AppError::Forbidden)));
        let early = t.app.accept_report(&f.coordinator, id, version).await;
        assert!(
            matches!(early, Err(AppError::Validation(_))),
            "nothing submitted"
        );
        let rounds = t
            .app
            .report_rounds(&f.partner_staff, Some(2026))
            .await
            .unwrap();
        assert_eq!(rounds.len(), 1);
        assert_eq!(rounds[0].reports.len(), 1);
        assert_eq!(rounds[0].reports[0].unit_id, f.plan.partner);
        assert!(!rounds[0].can_manage);
        assert!(
            t.app
                .report_rounds(&f.partner_staff, Some(2027))
                .await
                .unwrap()
                .is_empty()
        );
    }
}
