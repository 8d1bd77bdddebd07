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

/// Items appended at the end take their section's area without moving any
/// other item; an item added to an earlier section goes to the end of that
/// section. A plan over the whole-tree limit is shown a section at a time.
#[tokio::test]
async fn large_plans_are_shown_a_section_at_a_time() {
    for t in apps().await {
        let o = org::build(&t.app).await;
        let c = coordinator();
        let areas = t.app.areas().await.unwrap();
        let plan = t
            .app
            .create_plan(
                &c,
                PlanDraft {
                    title: "Kế hoạch CCHC nhiều mục".into(),
                    issuing_unit_id: Some(o.root),
                    first_year: Some(2026),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        let section = |n: usize| ItemDraft {
            kind: "section".into(),
            number: ["I", "II"][n].into(),
            content: format!("PHẦN {}", n + 1),
            area_id: Some(areas[n].id),
            ..Default::default()
        };
        let first = t.app.create_item(&c, plan.id, section(0)).await.unwrap();
        let per_section = (cchc_app::plans::WHOLE_TREE_LIMIT as usize) / 2 + 1;
        let add = |parent: i64, i: usize| {
            let mut draft = task(&format!("Nhiệm vụ {i}"), &[o.inside], &[], "", "");
            draft.parent_id = Some(parent);
            draft.number = format!("{i}.");
            draft
        };
        let mut last_first = 0;
        for i in 0..per_section {
            let item = t
                .app
                .create_item(&c, plan.id, add(first.id, i))
                .await
                .unwrap();
            assert_eq!(item.area_id, Some(areas[0].id), "area of section I");
            last_first = item.id;
        }
        let second = t.app.create_item(&c, plan.id, section(1)).await.unwrap();
        for i in 0..per_section {
            let item = t
                .app
                .create_item(&c, plan.id, add(second.id, i))
                .await
                .unwrap();
            assert_eq!(item.area_id, Some(areas[1].id), "area of section II");
        }
        // Into section I, now followed by section II: placed at its end.
        let late = t
            .app
            .create_item(&c, plan.id, add(first.id, 999))
            .await
            .unwrap();
        assert_eq!(late.area_id, Some(areas[0].id));
        let (_, before) = t.app.item(&c, last_first).await.unwrap();
        assert_eq!(late.position, before.position + 1);
        let (_, second_now) = t.app.item(&c, second.id).await.unwrap();
        assert_eq!(
            second_now.position,
            late.position + 1,
            "section II moved down"
        );

        let page = t.app.plan_page(&c, plan.id, None, 1).await.unwrap();
        let tops: Vec<i64> = page.sections.iter().map(|s| s.id).collect();
        assert_eq!(tops, vec![first.id, second.id]);
        assert_eq!(page.section, Some(first.id));
        // Section I and its tasks, a page at a time.
        let per_page = cchc_app::plans::SECTION_PAGE_ITEMS as usize;
        assert_eq!(page.section_items as usize, per_section + 2);
        assert_eq!(page.view.items.len(), per_page);
        assert_eq!(page.view.items[0].item.id, first.id);
        assert!(page.view.items.iter().all(|r| !r.continued));
        let page = t.app.plan_page(&c, plan.id, None, 2).await.unwrap();
        assert_eq!(page.page, 2);
        let items = &page.view.items;
        assert_eq!(items.len(), 1 + per_section + 2 - per_page);
        assert_eq!(
            (items[0].item.id, items[0].depth, items[0].continued),
            (first.id, 0, true),
            "section I repeated above its rows"
        );
        assert!(items[1..].iter().all(|r| r.depth == 1 && !r.continued));
        assert_eq!(items.last().unwrap().item.id, late.id);
        let past_end = t.app.plan_page(&c, plan.id, None, 99).await.unwrap();
        assert_eq!(past_end.page, 2, "a page past the end shows the last");
        let page = t
            .app
            .plan_page(&c, plan.id, Some(second.id), 1)
            .await
            .unwrap();
        assert_eq!(page.section, Some(second.id));
        assert_eq!(page.view.items.len(), per_page);
        assert!(page.view.items[1..].iter().all(|r| r.depth == 1));

        // A unit sees its own tasks of the section under their heading.
        let mut draft = task("Việc của đơn vị ngoài", &[o.outside], &[], "", "");
        draft.parent_id = Some(second.id);
        let theirs = t.app.create_item(&c, plan.id, draft).await.unwrap();
        org::user(
            &t.app,
            "cv.out",
            Role::Staff,
            Some(o.outside),
            Some(o.outside),
        )
        .await;
        let outsider = org::actor(&t.app, "cv.out").await;
        let page = t
            .app
            .plan_page(&outsider, plan.id, Some(second.id), 1)
            .await
            .unwrap();
        let shown: Vec<(i64, usize)> = page
            .view
            .items
            .iter()
            .map(|r| (r.item.id, r.depth))
            .collect();
        assert_eq!(shown, vec![(second.id, 0), (theirs.id, 1)]);
        assert_eq!(page.section_items, 1);
        // The budget: 10 million VND a task, all of them or the unit's own.
        assert_eq!(page.budget_total_vnd, 10_000_000);
        let all = t.app.plan_page(&c, plan.id, None, 1).await.unwrap();
        let tasks = 2 * per_section as i64 + 2;
        assert_eq!(all.budget_total_vnd, tasks * 10_000_000);

        // A small plan is shown whole.
        let small = fixture::build(&t.app, &o).await;
        let page = t.app.plan_page(&c, small.plan_id, None, 1).await.unwrap();
        assert!(page.sections.is_empty() && page.section.is_none());
        assert_eq!(
            page.view.items.len(),
            t.app.plan(&c, small.plan_id).await.unwrap().items.len()
        );
    }
}
