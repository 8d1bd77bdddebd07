//! Plans and items: who creates and sees what, occurrences from schedules,
//! editing with optimistic locking, moves and renumbering.

use cchc_app::AppError;
use cchc_app::plans::Move;
use cchc_domain::plans::{ItemDraft, PlanDraft};
use cchc_domain::roles::Role;
use cchc_testkit::plans::{self as fixture, coordinator, task};
use cchc_testkit::{apps, org};
use chrono::NaiveDate;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[tokio::test]
async fn only_a_coordinator_over_the_issuer_creates_a_plan() {
    for t in apps().await {
        let o = org::build(&t.app).await;
        org::user(
            &t.app,
            "dm.vps",
            Role::Coordinator,
            Some(o.inside),
            Some(o.inside),
        )
        .await;
        let scoped = org::actor(&t.app, "dm.vps").await;
        let draft = PlanDraft {
            title: "Kế hoạch CCHC năm 2026".into(),
            issuing_unit_id: Some(o.root),
            first_year: Some(2026),
            ..Default::default()
        };
        let denied = t.app.create_plan(&scoped, draft.clone()).await;
        assert!(matches!(denied, Err(AppError::Forbidden)), "{denied:?}");
        let own = PlanDraft {
            issuing_unit_id: Some(o.inside),
            ..draft.clone()
        };
        let plan = t.app.create_plan(&scoped, own).await.unwrap();
        assert_eq!(plan.period_label(), "Năm 2026");
        let bad = t
            .app
            .create_plan(
                &coordinator(),
                PlanDraft {
                    title: " ".into(),
                    ..draft
                },
            )
            .await;
        match bad {
            Err(AppError::Validation(e)) => assert!(e.for_field("title").is_some()),
            other => panic!("{other:?}"),
        }
    }
}

#[tokio::test]
async fn tasks_get_occurrences_and_rows_and_units_see_only_their_tasks() {
    for t in apps().await {
        let o = org::build(&t.app).await;
        let f = fixture::build(&t.app, &o).await;
        let view = t.app.task(&coordinator(), f.task_id).await.unwrap();
        assert_eq!(view.occurrences.len(), 1);
        let occ = &view.occurrences[0];
        assert_eq!(occ.occurrence.label, "Quý I/2026");
        assert_eq!(occ.occurrence.due_on, Some(d(2026, 3, 31)));
        let units: Vec<(&str, &str)> = occ
            .rows
            .iter()
            .map(|r| (r.unit_name.as_str(), r.row.role.as_str()))
            .collect();
        assert_eq!(
            units,
            vec![
                ("Văn phòng Sở", "lead"),
                ("Phòng Kế hoạch – Tài chính", "cooperating")
            ]
        );
        assert_eq!(view.ancestors.len(), 1, "the section above");
        assert_eq!(
            view.item.area_id, view.ancestors[0].area_id,
            "area inherited"
        );

        org::user(
            &t.app,
            "cv.tts",
            Role::Staff,
            Some(o.outside),
            Some(o.outside),
        )
        .await;
        let outsider = org::actor(&t.app, "cv.tts").await;
        let seen = t.app.plan(&outsider, f.plan_id).await.unwrap();
        let numbers: Vec<&str> = seen.items.iter().map(|r| r.item.number.as_str()).collect();
        assert_eq!(
            numbers,
            vec!["I", "2."],
            "its own task and the section above"
        );
        assert!(matches!(
            t.app.task(&outsider, f.task_id).await,
            Err(AppError::NotFound(_))
        ));
        org::user(
            &t.app,
            "cv.tn",
            Role::Staff,
            Some(o.inside_child),
            Some(o.inside_child),
        )
        .await;
        let stranger = org::actor(&t.app, "cv.tn").await;
        assert!(t.app.plans(&stranger, "").await.unwrap().is_empty());
        assert!(matches!(
            t.app.plan(&stranger, f.plan_id).await,
            Err(AppError::NotFound(_))
        ));
        org::user(&t.app, "gd", Role::Viewer, None, Some(o.root)).await;
        let director = org::actor(&t.app, "gd").await;
        assert_eq!(
            t.app.plan(&director, f.plan_id).await.unwrap().items.len(),
            3
        );
        assert!(!t.app.plan(&director, f.plan_id).await.unwrap().can_manage);
    }
}

#[tokio::test]
async fn editing_a_task_is_locked_and_keeps_reported_work() {
    for t in apps().await {
        let o = org::build(&t.app).await;
        let f = fixture::build(&t.app, &o).await;
        let c = coordinator();
        let (_, item) = t.app.item(&c, f.task_id).await.unwrap();
        let view = t.app.task(&c, f.task_id).await.unwrap();
        let row = &view.occurrences[0].rows[0].row;
        let update = cchc_domain::tracking::StatusUpdate {
            status: "in_progress".into(),
            progress_pct: Some(40),
            result_text: "Đã dự thảo".into(),
            ..Default::default()
        };
        t.app.report(&c, row.id, row.version, update).await.unwrap();

        let mut draft = ItemDraft {
            parent_id: item.parent_id,
            kind: "task".into(),
            number: item.number.clone(),
            content: "Xây dựng và ban hành kế hoạch tự kiểm tra".into(),
            lead_unit_ids: vec![o.inside],
            cooperating_unit_ids: vec![f.partner],
            start_text: "Quý I hàng năm".into(),
            end_text: Some("Quý II hàng năm".into()),
            ..Default::default()
        };
        t.app
            .update_item(&c, item.id, item.version, draft.clone())
            .await
            .unwrap();
        draft.content = "Bản sửa thứ hai".into();
        let stale = t.app.update_item(&c, item.id, item.version, draft).await;
        assert!(matches!(stale, Err(AppError::Conflict)), "{stale:?}");

        let view = t.app.task(&c, f.task_id).await.unwrap();
        let labels: Vec<&str> = view
            .occurrences
            .iter()
            .map(|o| o.occurrence.label.as_str())
            .collect();
        assert!(
            labels.contains(&"Quý I/2026"),
            "the reported occurrence stays: {labels:?}"
        );
        let kept = view
            .occurrences
            .iter()
            .find(|o| o.occurrence.label == "Quý I/2026")
            .unwrap();
        assert_eq!(kept.rows[0].row.progress_pct, 40);
        assert_eq!(kept.rows[0].row.result_text, "Đã dự thảo");
    }
}

#[tokio::test]
async fn moving_and_renumbering_follow_the_plan_numbering() {
    for t in apps().await {
        let o = org::build(&t.app).await;
        let f = fixture::build(&t.app, &o).await;
        let c = coordinator();
        let mut extra = task(
            "Rà soát quy chế",
            &[o.inside],
            &[],
            "Tháng 05/2026",
            "Tháng 05/2026",
        );
        extra.parent_id = Some(f.section_id);
        let added = t.app.create_item(&c, f.plan_id, extra).await.unwrap();
        t.app.move_item(&c, added.id, Move::Up).await.unwrap();
        t.app.move_item(&c, added.id, Move::Indent).await.unwrap();
        assert!(
            t.app
                .move_item(&c, f.section_id, Move::Indent)
                .await
                .is_err()
        );
        let changed = t.app.renumber_plan(&c, f.plan_id).await.unwrap();
        assert_eq!(changed, 1, "only the indented item gets a new number");
        let plan = t.app.plan(&c, f.plan_id).await.unwrap();
        let shape: Vec<(String, usize)> = plan
            .items
            .iter()
            .map(|r| (r.item.number.clone(), r.depth))
            .collect();
        assert_eq!(
            shape,
            vec![
                ("I".into(), 0),
                ("1.".into(), 1),
                ("1.1".into(), 2),
                ("2.".into(), 1)
            ]
        );
        org::user(
            &t.app,
            "dm.vps2",
            Role::Coordinator,
            Some(o.inside),
            Some(o.inside),
        )
        .await;
        let scoped = org::actor(&t.app, "dm.vps2").await;
        assert!(matches!(
            t.app.move_item(&scoped, added.id, Move::Outdent).await,
            Err(AppError::Forbidden)
        ));
    }
}
