//! Tracking: reports, the lead's confirmation, the coordinator's return,
//! late completion, event-relative due dates, evidence, lists and overview.

use cchc_app::AppError;
use cchc_domain::roles::Role;
use cchc_domain::tracking::StatusUpdate;
use cchc_testkit::plans::{self as fixture, coordinator, task};
use cchc_testkit::{apps, org};
use chrono::NaiveDate;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn done(result: &str) -> StatusUpdate {
    StatusUpdate {
        status: "done".into(),
        result_text: result.into(),
        achieved_value: Some(100.0),
        ..Default::default()
    }
}

#[tokio::test]
async fn the_lead_confirms_and_a_cooperating_unit_cannot() {
    for t in apps().await {
        let o = org::build(&t.app).await;
        let f = fixture::build(&t.app, &o).await;
        org::user(
            &t.app,
            "cv.vps",
            Role::Staff,
            Some(o.inside),
            Some(o.inside),
        )
        .await;
        org::user(
            &t.app,
            "ld.vps",
            Role::Leader,
            Some(o.inside),
            Some(o.inside),
        )
        .await;
        org::user(
            &t.app,
            "ld.khtc",
            Role::Leader,
            Some(f.partner),
            Some(f.partner),
        )
        .await;
        let staff = org::actor(&t.app, "cv.vps").await;
        let leader = org::actor(&t.app, "ld.vps").await;
        let partner = org::actor(&t.app, "ld.khtc").await;

        let view = t.app.task(&partner, f.task_id).await.unwrap();
        let rows = &view.occurrences[0].rows;
        let (lead, coop) = (&rows[0], &rows[1]);
        assert!(
            !lead.can_report && !lead.can_confirm,
            "partner on the lead row"
        );
        assert!(coop.can_report && !coop.can_confirm);
        let r = t
            .app
            .report(&partner, lead.row.id, lead.row.version, done("x"))
            .await;
        assert!(matches!(r, Err(AppError::Forbidden)), "{r:?}");
        let coop_row = t
            .app
            .report(
                &partner,
                coop.row.id,
                coop.row.version,
                done("Phần phối hợp"),
            )
            .await
            .unwrap();
        assert_eq!(
            (coop_row.status.as_str(), coop_row.review.as_str()),
            ("done", "reported")
        );
        let r = t.app.confirm(&partner, coop_row.id, coop_row.version).await;
        assert!(
            matches!(r, Err(AppError::Forbidden)),
            "a cooperating unit cannot confirm"
        );

        let early = t.app.confirm(&leader, lead.row.id, lead.row.version).await;
        assert!(
            matches!(early, Err(AppError::Validation(_))),
            "nothing reported yet"
        );
        let reported = t
            .app
            .report(
                &staff,
                lead.row.id,
                lead.row.version,
                done("Đã ban hành kế hoạch"),
            )
            .await
            .unwrap();
        assert_eq!(reported.completed_on, Some(d(2026, 3, 2)));
        let stale = t
            .app
            .report(&staff, lead.row.id, lead.row.version, done("lần hai"))
            .await;
        assert!(matches!(stale, Err(AppError::Conflict)));
        let r = t.app.confirm(&staff, reported.id, reported.version).await;
        assert!(
            matches!(r, Err(AppError::Forbidden)),
            "staff cannot confirm"
        );
        let confirmed = t
            .app
            .confirm(&leader, reported.id, reported.version)
            .await
            .unwrap();
        assert_eq!(confirmed.review, "confirmed");
        let locked = t
            .app
            .report(&staff, confirmed.id, confirmed.version, done("sửa"))
            .await;
        assert!(
            matches!(locked, Err(AppError::Validation(_))),
            "confirmed is locked for the unit"
        );

        let c = coordinator();
        let r = t
            .app
            .send_back(&leader, confirmed.id, confirmed.version, "Thiếu tài liệu")
            .await;
        assert!(
            matches!(r, Err(AppError::Forbidden)),
            "only the coordinator returns"
        );
        let r = t
            .app
            .send_back(&c, confirmed.id, confirmed.version, " ")
            .await;
        assert!(
            matches!(r, Err(AppError::Validation(_))),
            "a comment is required"
        );
        let returned = t
            .app
            .send_back(
                &c,
                confirmed.id,
                confirmed.version,
                "Thiếu tài liệu kiểm chứng",
            )
            .await
            .unwrap();
        assert_eq!(
            (returned.review.as_str(), returned.review_comment.as_str()),
            ("returned", "Thiếu tài liệu kiểm chứng")
        );
        let history = t.app.task(&c, f.task_id).await.unwrap().events;
        let actions: Vec<&str> = history.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(actions, vec!["return", "confirm", "report", "report"]);
    }
}

#[tokio::test]
async fn late_work_event_deadlines_and_undated_tasks() {
    for t in apps().await {
        let o = org::build(&t.app).await;
        let f = fixture::build(&t.app, &o).await;
        let c = coordinator();
        let mut late = task(
            "Báo cáo tháng 1",
            &[o.inside],
            &[],
            "Tháng 01/2026",
            "Tháng 01/2026",
        );
        late.parent_id = Some(f.section_id);
        let late = t.app.create_item(&c, f.plan_id, late).await.unwrap();
        let view = t.app.task(&c, late.id).await.unwrap();
        let row = &view.occurrences[0].rows[0].row;
        let after = t
            .app
            .report(&c, row.id, row.version, done("Muộn"))
            .await
            .unwrap();
        assert_eq!(after.status, "done_late", "due 31/01, finished 02/03");

        let mut ev = task(
            "Xử lý các vấn đề phát hiện qua kiểm tra",
            &[o.inside],
            &[],
            "Sau khi có thông báo kết quả kiểm tra",
            "Kết thúc trong vòng 30 ngày kể từ ngày có thông báo kết quả kiểm tra",
        );
        ev.parent_id = Some(f.section_id);
        let ev = t.app.create_item(&c, f.plan_id, ev).await.unwrap();
        let occ = t.app.task(&c, ev.id).await.unwrap().occurrences.remove(0);
        assert_eq!(
            occ.occurrence.due_on, None,
            "due once the event is recorded"
        );
        assert!(
            occ.occurrence
                .event_label
                .as_deref()
                .unwrap_or("")
                .contains("30 ngày")
        );
        let dated = t
            .app
            .set_due(
                &c,
                occ.occurrence.id,
                occ.occurrence.version,
                None,
                Some(d(2026, 4, 1)),
            )
            .await
            .unwrap();
        assert_eq!(
            dated.due_on,
            Some(d(2026, 5, 4)),
            "01/05 + moved past the holiday"
        );
        assert_eq!(dated.due_source, "event");

        let mut vague = task(
            "Theo quy định",
            &[o.inside],
            &[],
            "Theo quy định của UBND tỉnh",
            "",
        );
        vague.parent_id = Some(f.section_id);
        let vague = t.app.create_item(&c, f.plan_id, vague).await.unwrap();
        let occ = t
            .app
            .task(&c, vague.id)
            .await
            .unwrap()
            .occurrences
            .remove(0);
        assert!(
            occ.decision_message
                .unwrap()
                .starts_with("Cần xác định thời hạn")
        );
        let staff_set = {
            org::user(
                &t.app,
                "cv.vps",
                Role::Staff,
                Some(o.inside),
                Some(o.inside),
            )
            .await;
            let staff = org::actor(&t.app, "cv.vps").await;
            t.app
                .set_due(
                    &staff,
                    occ.occurrence.id,
                    occ.occurrence.version,
                    Some(d(2026, 6, 30)),
                    None,
                )
                .await
        };
        assert!(matches!(staff_set, Err(AppError::Forbidden)));
        let set = t
            .app
            .set_due(
                &c,
                occ.occurrence.id,
                occ.occurrence.version,
                Some(d(2026, 6, 30)),
                None,
            )
            .await
            .unwrap();
        assert_eq!((set.due_on, set.decision), (Some(d(2026, 6, 30)), None));

        // Rows keep copies of their due dates and areas for the lists: in
        // step after dating by event and by hand, and after an area change.
        let area = t.app.areas().await.unwrap()[3].id;
        let (_, section) = t.app.item(&c, f.section_id).await.unwrap();
        let mut draft = section.draft();
        draft.area_id = Some(area);
        t.app
            .update_item(&c, section.id, section.version, draft)
            .await
            .unwrap();
        let mut tx = t.db.db.read().await.unwrap();
        assert_eq!(
            cchc_store::tracking::stale_copies(&mut tx).await.unwrap(),
            0
        );
        assert_eq!(cchc_store::work::tally_drift(&mut tx).await.unwrap(), 0);
        drop(tx);
        let q = cchc_app::work::WorkQuery {
            area_id: Some(area),
            ..Default::default()
        };
        let listed = t.app.work_list(&c, &q, 1, 50).await.unwrap();
        assert!(
            listed.total > 0,
            "the section's tasks moved to the new area"
        );
    }
}

#[tokio::test]
async fn evidence_is_checked_stored_once_and_private_to_the_task() {
    for t in apps().await {
        let o = org::build(&t.app).await;
        let f = fixture::build(&t.app, &o).await;
        org::user(
            &t.app,
            "cv.vps",
            Role::Staff,
            Some(o.inside),
            Some(o.inside),
        )
        .await;
        org::user(
            &t.app,
            "cv.tts",
            Role::Staff,
            Some(o.outside),
            Some(o.outside),
        )
        .await;
        let staff = org::actor(&t.app, "cv.vps").await;
        let outsider = org::actor(&t.app, "cv.tts").await;
        let row = t.app.task(&staff, f.task_id).await.unwrap().occurrences[0].rows[0]
            .row
            .clone();
        let pdf = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n";
        let bad = t.app.add_evidence(&staff, row.id, "anh.png", pdf).await;
        assert!(
            matches!(bad, Err(AppError::Validation(_))),
            "content must match the name"
        );
        let a = t
            .app
            .add_evidence(&staff, row.id, "Kế hoạch kiểm tra.pdf", pdf)
            .await
            .unwrap();
        let b = t
            .app
            .add_evidence(&staff, row.id, "ban-sao.pdf", pdf)
            .await
            .unwrap();
        assert_eq!(a.sha256, b.sha256);
        assert_eq!(a.uploader_name, "Người dùng cv.vps");
        let file = t.app.evidence_file(&staff, a.id).await.unwrap();
        assert_eq!(file.content, pdf);
        assert_eq!(file.meta.content_type, "application/pdf");
        assert!(t.app.evidence_file(&outsider, a.id).await.is_err());
        assert!(matches!(
            t.app.add_evidence(&outsider, row.id, "x.pdf", pdf).await,
            Err(AppError::Forbidden)
        ));
        t.app.remove_evidence(&staff, b.id).await.unwrap();
        t.app
            .remove_evidence(&staff, b.id)
            .await
            .expect("removing twice changes nothing");
        let listed = t.app.task(&staff, f.task_id).await.unwrap().evidence;
        assert_eq!(listed.len(), 1);
    }
}

#[tokio::test]
async fn my_work_lists_and_the_overview_count_by_area_and_unit() {
    for t in apps().await {
        let o = org::build(&t.app).await;
        let f = fixture::build(&t.app, &o).await;
        let c = coordinator();
        let mut overdue = task(
            "Quá hạn",
            &[o.inside],
            &[],
            "Tháng 01/2026",
            "Tháng 01/2026",
        );
        overdue.parent_id = Some(f.section_id);
        t.app.create_item(&c, f.plan_id, overdue).await.unwrap();
        let mut soon = task(
            "Sắp đến hạn",
            &[o.inside],
            &[],
            "Trước 05/03/2026",
            "Trước 05/03/2026",
        );
        soon.parent_id = Some(f.section_id);
        t.app.create_item(&c, f.plan_id, soon).await.unwrap();
        org::user(
            &t.app,
            "cv.vps",
            Role::Staff,
            Some(o.inside),
            Some(o.inside),
        )
        .await;
        let staff = org::actor(&t.app, "cv.vps").await;
        let mine = t.app.my_work(&staff, 5).await.unwrap();
        let content = |rows: &[cchc_store::work::WorkRow]| {
            rows.iter().map(|r| r.content.clone()).collect::<Vec<_>>()
        };
        assert_eq!(content(&mine.overdue), vec!["Quá hạn"]);
        assert_eq!(content(&mine.due_soon), vec!["Sắp đến hạn"]);
        assert!(mine.done.is_empty());

        let q = cchc_app::work::WorkQuery {
            q: "qua han".into(),
            ..Default::default()
        };
        let page = t.app.work_list(&staff, &q, 1, 50).await.unwrap();
        assert_eq!(page.total, 1, "diacritic-insensitive search");
        let q = cchc_app::work::WorkQuery {
            overdue: true,
            ..Default::default()
        };
        assert_eq!(t.app.work_list(&c, &q, 1, 50).await.unwrap().total, 1);

        let overview = t.app.plan_overview(&c, f.plan_id).await.unwrap();
        assert_eq!(overview.totals.total, 5, "2 rows + 1 + 1 + 1");
        assert_eq!(overview.totals.overdue, 1);
        assert_eq!(overview.by_area.len(), 1);
        assert_eq!(
            overview.by_area[0].name,
            "Công tác chỉ đạo, điều hành cải cách hành chính"
        );
        let units: Vec<(&str, i64)> = overview
            .by_unit
            .iter()
            .map(|p| (p.name.as_str(), p.total))
            .collect();
        assert!(units.contains(&("Văn phòng Sở", 3)), "{units:?}");
        assert!(units.contains(&("Thanh tra Sở", 1)), "{units:?}");
        org::user(
            &t.app,
            "cv.tts",
            Role::Staff,
            Some(o.outside),
            Some(o.outside),
        )
        .await;
        let outsider = org::actor(&t.app, "cv.tts").await;
        let theirs = t.app.plan_overview(&outsider, f.plan_id).await.unwrap();
        assert_eq!(theirs.totals.total, 1, "only its own rows");
    }
}

/// The overview reads tallies and plan sizes the database keeps by
/// trigger: they must match the rows after reports, reassignment, deletion
/// and a new period.
#[tokio::test]
async fn the_overview_tallies_follow_every_change() {
    for t in apps().await {
        let o = org::build(&t.app).await;
        let f = fixture::build(&t.app, &o).await;
        let c = coordinator();
        let drift = async || {
            let mut tx = t.db.db.read().await.unwrap();
            cchc_store::work::tally_drift(&mut tx).await.unwrap()
                + cchc_store::plans::plan_size_drift(&mut tx).await.unwrap()
        };
        let listed = async || {
            let q = cchc_app::work::WorkQuery {
                plan_id: Some(f.plan_id),
                ..Default::default()
            };
            t.app.work_list(&c, &q, 1, 500).await.unwrap().total
        };
        assert_eq!(drift().await, 0, "after building the plan");

        // A report changes a row's status.
        let view = t.app.task(&c, f.task_id).await.unwrap();
        let lead = &view.occurrences[0].rows[0].row;
        t.app
            .report(&c, lead.id, lead.version, done("Xong"))
            .await
            .unwrap();
        assert_eq!(drift().await, 0, "after a report");
        let overview = t.app.plan_overview(&c, f.plan_id).await.unwrap();
        assert_eq!(overview.totals.done, 1, "{:?}", overview.totals);

        // Reassigning the outside task drops its rows and adds others.
        let (_, item) = t.app.item(&c, f.outside_task_id).await.unwrap();
        let mut draft = item.draft();
        draft.lead_unit_ids = vec![f.partner];
        draft.budget = "25,5".into();
        t.app
            .update_item(&c, item.id, item.version, draft)
            .await
            .unwrap();
        assert_eq!(drift().await, 0, "after reassignment and a new budget");

        // Deleting a task removes its rows by cascade.
        let (_, item) = t.app.item(&c, f.outside_task_id).await.unwrap();
        t.app.delete_item(&c, item.id, item.version).await.unwrap();
        assert_eq!(drift().await, 0, "after deletion");

        // A longer period adds occurrences to every task.
        let before = listed().await;
        let plan = t.app.plan(&c, f.plan_id).await.unwrap().plan;
        let draft = cchc_domain::plans::PlanDraft {
            number: plan.number.clone(),
            title: plan.title.clone(),
            issuing_unit_id: Some(plan.issuing_unit_id),
            first_year: Some(2026),
            last_year: Some(2027),
            ..Default::default()
        };
        t.app
            .update_plan(&c, plan.id, plan.version, draft)
            .await
            .unwrap();
        assert_eq!(drift().await, 0, "after a new period");
        let overview = t.app.plan_overview(&c, f.plan_id).await.unwrap();
        assert!(listed().await > before);
        assert_eq!(overview.totals.total, listed().await);

        // The checks themselves notice a tally or a size out of step.
        t.db.execute("UPDATE tracking_tallies SET n = n + 1 WHERE status = 'done'")
            .await;
        assert_eq!(drift().await, 2, "from the rows' side and the tallies'");
        t.db.execute("UPDATE plan_sizes SET budget_vnd = budget_vnd + 1")
            .await;
        assert_eq!(drift().await, 3);
    }
}
