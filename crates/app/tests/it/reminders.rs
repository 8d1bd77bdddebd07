//! Reminders: the daily sweep (one digest per unit, kind and day, also under
//! concurrent sweeps), who is notified, emails through a local SMTP receiver,
//! the coordinator's ad-hoc reminders and reading notifications.

use std::time::Duration;

use cchc_app::mail::{Mailer, SmtpConfig, SmtpSecurity};
use cchc_app::reminders::{AdhocReminder, ReminderConfig, ReminderQuery};
use cchc_app::{App, AppError};
use cchc_domain::actor::Actor;
use cchc_domain::roles::Role;
use cchc_domain::tracking::StatusUpdate;
use cchc_testkit::org::{self, Org};
use cchc_testkit::plans::{self as fixture, PlanFixture, coordinator, task};
use cchc_testkit::smtp::SmtpReceiver;
use cchc_testkit::{TestApp, apps, start_time};

/// The tasks of a reminder test on top of the plan fixture.
struct Work {
    o: Org,
    /// Văn phòng Sở, due 31/01/2026 (a Saturday, so 02/02/2026).
    overdue: i64,
    /// Văn phòng Sở, due 05/03/2026.
    soon: i64,
    /// Văn phòng Sở, due 04/03/2026 but already done.
    done: i64,
    /// Thanh tra Sở, overdue.
    outside_overdue: i64,
}

async fn add_task(t: &TestApp, f: &PlanFixture, content: &str, unit: i64, when: &str) -> i64 {
    let mut draft = task(content, &[unit], &[], when, when);
    draft.parent_id = Some(f.section_id);
    t.app
        .create_item(&coordinator(), f.plan_id, draft)
        .await
        .expect("task")
        .id
}

fn mail_of(name: &str) -> String {
    format!("{name}@syt.example.vn")
}

/// The plan, tasks and people: staff and leader of `inside` (with email),
/// a staff member of the unit below it, one of `outside`, and an inactive one.
async fn setup(t: &TestApp) -> Work {
    let o = org::build(&t.app).await;
    let f = fixture::build(&t.app, &o).await;
    let overdue = add_task(
        t,
        &f,
        "Rà soát thủ tục hành chính",
        o.inside,
        "Tháng 01/2026",
    )
    .await;
    let soon = add_task(t, &f, "Báo cáo CCHC quý I", o.inside, "Trước 05/03/2026").await;
    let done = add_task(t, &f, "Đã xong", o.inside, "Trước 04/03/2026").await;
    let outside_overdue = add_task(t, &f, "Thanh tra đột xuất", o.outside, "Tháng 01/2026").await;
    let c = coordinator();
    let row = t.app.task(&c, done).await.unwrap().occurrences[0].rows[0]
        .row
        .clone();
    let finished = StatusUpdate {
        status: "done".into(),
        result_text: "Xong".into(),
        achieved_value: Some(100.0),
        ..Default::default()
    };
    t.app
        .report(&c, row.id, row.version, finished)
        .await
        .unwrap();
    let people = [
        ("cv.vps", Role::Staff, Some(o.inside), Some(o.inside)),
        ("ld.vps", Role::Leader, Some(o.inside), None),
        (
            "cv.tn",
            Role::Staff,
            Some(o.inside_child),
            Some(o.inside_child),
        ),
        ("cv.tts", Role::Staff, Some(o.outside), Some(o.outside)),
    ];
    for (name, role, scope, home) in people {
        let email = mail_of(name);
        org::user_with_email(&t.app, name, role, scope, home, Some(&email)).await;
    }
    let gone = org::user(
        &t.app,
        "nghi.vps",
        Role::Staff,
        Some(o.inside),
        Some(o.inside),
    )
    .await;
    let admin = cchc_app::auth::system_actor();
    let user = t.app.user(&admin, gone).await.unwrap();
    let update = cchc_app::users::UserUpdate {
        profile: cchc_domain::users::UserProfile {
            full_name: user.full_name,
            email: None,
            unit_id: user.unit_id,
        },
        is_active: false,
        roles: user.roles,
    };
    t.app
        .update_user(&admin, gone, user.version, update)
        .await
        .unwrap();
    Work {
        o,
        overdue,
        soon,
        done,
        outside_overdue,
    }
}

async fn titles(app: &App, actor: &Actor) -> Vec<String> {
    let mut v: Vec<String> = app
        .notifications(actor, false, 1, 100)
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|n| n.title)
        .collect();
    v.sort();
    v
}

async fn bodies(app: &App, actor: &Actor) -> String {
    let page = app.notifications(actor, false, 1, 100).await.unwrap();
    page.items
        .iter()
        .map(|n| n.body.clone())
        .collect::<Vec<_>>()
        .join("\n---\n")
}

#[tokio::test]
async fn each_unit_gets_one_digest_per_kind_per_day() {
    for t in apps().await {
        let w = setup(&t).await;
        let now = start_time();
        let report = t.app.run_reminders(now).await.unwrap();
        assert_eq!(
            (
                report.units_notified,
                report.reminders,
                report.notifications
            ),
            (2, 3, 5),
            "{report:?} on {}",
            t.db.name
        );
        assert_eq!((report.emails_sent, report.already_sent), (0, 0));

        let staff = org::actor(&t.app, "cv.vps").await;
        let leader = org::actor(&t.app, "ld.vps").await;
        let expected = vec![
            "Nhắc việc: 1 nhiệm vụ sắp đến hạn – Văn phòng Sở".to_string(),
            "Đôn đốc: 1 nhiệm vụ quá hạn – Văn phòng Sở".to_string(),
        ];
        assert_eq!(titles(&t.app, &staff).await, expected);
        assert_eq!(
            titles(&t.app, &leader).await,
            expected,
            "a leader granted on the unit"
        );
        let text = bodies(&t.app, &staff).await;
        assert!(text.contains("Kính gửi: Văn phòng Sở"), "{text}");
        assert!(text.contains("1. Rà soát thủ tục hành chính"), "{text}");
        assert!(text.contains("Hạn: 02/02/2026, quá hạn 28 ngày"), "{text}");
        assert!(text.contains(&format!("Chi tiết: /tasks/{}", w.overdue)));
        assert!(text.contains("Hạn: 05/03/2026, còn 3 ngày"), "{text}");
        assert!(text.contains(&format!("/tasks/{}", w.soon)));
        assert!(text.contains("Xem toàn bộ công việc của đơn vị: /my"));
        assert!(!text.contains("Đã xong"), "done work is not reminded");
        assert!(!text.contains(&format!("/tasks/{}", w.done)));
        assert!(
            !text.contains("Thanh tra đột xuất") && !text.contains("Quý I hàng năm"),
            "other units' and later work"
        );

        let child = org::actor(&t.app, "cv.tn").await;
        assert!(
            titles(&t.app, &child).await.is_empty(),
            "a unit below is not the unit"
        );
        let outsider = org::actor(&t.app, "cv.tts").await;
        assert_eq!(
            titles(&t.app, &outsider).await,
            vec!["Đôn đốc: 1 nhiệm vụ quá hạn – Thanh tra Sở"]
        );
        assert!(
            bodies(&t.app, &outsider)
                .await
                .contains(&format!("/tasks/{}", w.outside_overdue))
        );

        // Later the same day: nothing new.
        t.clock.advance(chrono::Duration::hours(5));
        let again = t.app.run_reminders(t.app.now()).await.unwrap();
        assert_eq!(
            (again.reminders, again.already_sent, again.notifications),
            (0, 3, 0)
        );
        assert_eq!(titles(&t.app, &staff).await.len(), 2);

        // The next day (Vietnam time) the still-open work is reminded again.
        t.clock.advance(chrono::Duration::hours(19));
        let next = t.app.run_reminders(t.app.now()).await.unwrap();
        assert_eq!((next.units_notified, next.reminders), (2, 3));
        assert_eq!(titles(&t.app, &staff).await.len(), 4);

        let log = t
            .app
            .reminder_log(&coordinator(), &ReminderQuery::default(), 1, 50)
            .await
            .unwrap();
        assert_eq!(log.total, 6);
        let first = log.rows.last().unwrap();
        assert_eq!(first.day.to_string(), "2026-03-02");
        assert_eq!(first.email_status, "skipped", "no SMTP configured");
        assert_eq!(first.email_to, "");
        let inside_rows = log.rows.iter().filter(|r| r.unit_id == w.o.inside);
        assert!(
            inside_rows
                .clone()
                .all(|r| r.recipients == 2 && r.items_count == 1)
        );
    }
}

#[tokio::test]
async fn concurrent_sweeps_send_each_reminder_once() {
    for t in apps().await {
        setup(&t).await;
        let now = start_time();
        let (a, b) = tokio::join!(t.app.run_reminders(now), t.app.run_reminders(now));
        let (a, b) = (a.unwrap(), b.unwrap());
        assert_eq!(a.reminders + b.reminders, 3, "{a:?} {b:?} on {}", t.db.name);
        assert_eq!(a.already_sent + b.already_sent, 3);
        let log = t
            .app
            .reminder_log(&coordinator(), &ReminderQuery::default(), 1, 50)
            .await
            .unwrap();
        assert_eq!(log.total, 3);
        let staff = org::actor(&t.app, "cv.vps").await;
        assert_eq!(titles(&t.app, &staff).await.len(), 2);
    }
}

fn smtp(port: u16) -> Mailer {
    Mailer::new(&SmtpConfig {
        host: "127.0.0.1".into(),
        port: Some(port),
        from: "CCHC Sở Y tế <cchc@syt.example.vn>".into(),
        security: SmtpSecurity::None,
        timeout: Duration::from_secs(10),
        ..Default::default()
    })
    .expect("mailer")
}

#[tokio::test]
async fn digests_are_emailed_in_vietnamese() {
    for t in apps().await {
        let w = setup(&t).await;
        let receiver = SmtpReceiver::start().await;
        let app = t
            .app
            .clone()
            .with_reminders(ReminderConfig {
                public_url: "https://cchc.syt.example.vn/".into(),
                ..Default::default()
            })
            .with_mailer(smtp(receiver.port()));
        let report = app.run_reminders(start_time()).await.unwrap();
        assert_eq!((report.emails_sent, report.emails_failed), (3, 0));
        let mails = receiver.mails();
        assert_eq!(mails.len(), 3);
        let overdue = mails
            .iter()
            .find(|m| m.subject().contains("quá hạn – Văn phòng Sở"))
            .expect("overdue digest of Văn phòng Sở");
        assert_eq!(overdue.from, "cchc@syt.example.vn");
        assert_eq!(overdue.to, vec![mail_of("cv.vps"), mail_of("ld.vps")]);
        assert_eq!(
            overdue.subject(),
            "[CCHC] Đôn đốc: 1 nhiệm vụ quá hạn – Văn phòng Sở"
        );
        let body = overdue.body();
        assert!(body.contains("Kính gửi: Văn phòng Sở"), "{body}");
        assert!(body.contains("Rà soát thủ tục hành chính"));
        assert!(body.contains("Hạn: 02/02/2026, quá hạn 28 ngày"));
        assert!(body.contains(&format!("https://cchc.syt.example.vn/tasks/{}", w.overdue)));
        assert!(body.contains("https://cchc.syt.example.vn/my"));
        let outside = mails
            .iter()
            .find(|m| m.subject().contains("Thanh tra Sở"))
            .unwrap();
        assert_eq!(outside.to, vec![mail_of("cv.tts")]);
        let log = app
            .reminder_log(&coordinator(), &ReminderQuery::default(), 1, 50)
            .await
            .unwrap();
        assert!(log.rows.iter().all(|r| r.email_status == "sent"));
        let vps = log.rows.iter().find(|r| r.unit_id == w.o.inside).unwrap();
        assert!(vps.email_to.contains(&mail_of("cv.vps")));

        // A server that cannot be reached: recorded as failed, in-app still delivered.
        let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = closed.local_addr().unwrap().port();
        drop(closed);
        let broken = t.app.clone().with_mailer(smtp(port));
        t.clock.advance(chrono::Duration::days(1));
        let report = broken.run_reminders(t.app.now()).await.unwrap();
        assert_eq!((report.reminders, report.emails_failed), (3, 3));
        let failed = broken
            .reminder_log(&coordinator(), &ReminderQuery::default(), 1, 3)
            .await
            .unwrap();
        assert!(failed.rows.iter().all(|r| r.email_status == "failed"));
    }
}

/// A sweep stopped while sending (the process died) leaves its claimed
/// emails pending; a later sweep marks them failed instead of leaving them
/// "Đang gửi" for ever.
#[tokio::test]
async fn emails_left_unsent_by_a_stopped_sweep_are_marked_failed() {
    for t in apps().await {
        setup(&t).await;
        // A server that accepts connections and never answers.
        let silent = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = silent.local_addr().unwrap().port();
        let hold = tokio::spawn(async move {
            let mut open = Vec::new();
            while let Ok((socket, _)) = silent.accept().await {
                open.push(socket);
            }
        });
        let app = t.app.clone().with_mailer(smtp(port));
        let now = t.app.now();
        let sweep = tokio::spawn({
            let app = app.clone();
            async move { app.run_reminders(now).await }
        });
        let c = coordinator();
        let mut pending = 0;
        for _ in 0..200 {
            let log = app
                .reminder_log(&c, &ReminderQuery::default(), 1, 50)
                .await
                .unwrap();
            pending = log
                .rows
                .iter()
                .filter(|r| r.email_status == "pending")
                .count();
            if pending > 0 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        assert_eq!(pending, 1, "the first claimed email is being sent");
        sweep.abort();
        let _ = sweep.await;

        // Within the timeout a later sweep leaves it alone (it may still be sending).
        let report = t
            .app
            .run_reminders(now + chrono::Duration::minutes(5))
            .await
            .unwrap();
        assert_eq!(report.emails_interrupted, 0);
        let report = t
            .app
            .run_reminders(now + chrono::Duration::hours(1))
            .await
            .unwrap();
        assert_eq!(report.emails_interrupted, 1);
        let log = t
            .app
            .reminder_log(&c, &ReminderQuery::default(), 1, 50)
            .await
            .unwrap();
        assert!(log.rows.iter().all(|r| r.email_status != "pending"));
        assert_eq!(
            log.rows
                .iter()
                .filter(|r| r.email_status == "failed")
                .count(),
            1
        );
        hold.abort();
    }
}

#[tokio::test]
async fn coordinators_send_ad_hoc_reminders_once_a_day() {
    for t in apps().await {
        let w = setup(&t).await;
        org::user(&t.app, "dm.vps", Role::Coordinator, Some(w.o.inside), None).await;
        let coord = org::actor(&t.app, "dm.vps").await;
        let staff = org::actor(&t.app, "cv.vps").await;
        let ask = |units: Vec<i64>, message: &str, items: Vec<i64>| AdhocReminder {
            unit_ids: units,
            message: message.into(),
            item_ids: items,
        };
        let text = "Đề nghị các đơn vị   khẩn trương\nbáo cáo kết quả quý I.";

        let r = t
            .app
            .send_reminder(&staff, ask(vec![w.o.inside], text, vec![]))
            .await;
        assert!(matches!(r, Err(AppError::Forbidden)), "staff cannot");
        let r = t
            .app
            .send_reminder(&coord, ask(vec![w.o.outside], text, vec![]))
            .await;
        assert!(matches!(r, Err(AppError::Forbidden)), "a unit not covered");
        let r = t.app.send_reminder(&coord, ask(vec![], " ", vec![])).await;
        match r {
            Err(AppError::Validation(e)) => {
                assert!(e.for_field("message").is_some() && e.for_field("unit_ids").is_some())
            }
            other => panic!("{other:?}"),
        }
        let r = t
            .app
            .send_reminder(&coord, ask(vec![w.o.inside], text, vec![w.outside_overdue]))
            .await;
        assert!(
            matches!(r, Err(AppError::Validation(_))),
            "a task of another unit"
        );

        let sent = t
            .app
            .send_reminder(&coord, ask(vec![w.o.inside], text, vec![w.overdue]))
            .await
            .unwrap();
        assert_eq!(sent.sent.len(), 1);
        assert_eq!(sent.sent[0].recipients, 2);
        let page = t.app.notifications(&staff, false, 1, 10).await.unwrap();
        let note = &page.items[0];
        assert_eq!(note.kind, "adhoc");
        assert_eq!(note.title, "Đôn đốc thực hiện nhiệm vụ CCHC – Văn phòng Sở");
        assert!(
            note.body
                .contains("Đề nghị các đơn vị khẩn trương\nbáo cáo kết quả quý I.")
        );
        assert!(note.body.contains(&format!("/tasks/{}", w.overdue)));
        assert!(
            note.body
                .contains("Người gửi: Người dùng dm.vps (đầu mối CCHC), ngày 02/03/2026.")
        );

        let again = t
            .app
            .send_reminder(&coord, ask(vec![w.o.inside], &format!(" {text} "), vec![]))
            .await;
        match again {
            Err(AppError::Duplicate(m)) => {
                assert!(m.contains("đã được gửi hôm nay cho Văn phòng Sở"), "{m}")
            }
            other => panic!("expected a duplicate: {other:?}"),
        }
        let partly = t
            .app
            .send_reminder(
                &coord,
                ask(vec![w.o.inside, w.o.inside_child], text, vec![]),
            )
            .await
            .unwrap();
        assert_eq!(partly.sent.len(), 1);
        assert_eq!(partly.already_sent, vec!["Văn phòng Sở"]);
        let other_text = t
            .app
            .send_reminder(&coord, ask(vec![w.o.inside], "Nội dung khác", vec![]))
            .await;
        assert!(other_text.is_ok());
        t.clock.advance(chrono::Duration::days(1));
        let next_day = t
            .app
            .send_reminder(&coord, ask(vec![w.o.inside], text, vec![]))
            .await;
        assert!(next_day.is_ok(), "{next_day:?}");

        let log = t
            .app
            .reminder_log(&coord, &ReminderQuery::default(), 1, 50)
            .await
            .unwrap();
        assert_eq!(log.total, 4);
        assert!(log.rows.iter().all(|r| r.kind == "adhoc"));
        assert_eq!(
            log.rows[0].sender_name.as_deref(),
            Some("Người dùng dm.vps")
        );
        let r = t
            .app
            .reminder_log(&staff, &ReminderQuery::default(), 1, 50)
            .await;
        assert!(matches!(r, Err(AppError::Forbidden)));
        let audit = t
            .app
            .audit_log(
                &cchc_app::auth::system_actor(),
                &cchc_store::audit::AuditFilter {
                    entity_type: Some("reminder".into()),
                    ..Default::default()
                },
                1,
                50,
            )
            .await
            .unwrap();
        assert_eq!(audit.total, 4);
        assert_eq!(audit.entries[0].action, "remind");
    }
}

#[tokio::test]
async fn users_read_only_their_own_notifications() {
    for t in apps().await {
        setup(&t).await;
        t.app.run_reminders(start_time()).await.unwrap();
        let staff = org::actor(&t.app, "cv.vps").await;
        let outsider = org::actor(&t.app, "cv.tts").await;
        assert_eq!(t.app.unread_notifications(&staff).await.unwrap(), 2);
        let page = t.app.notifications(&staff, false, 1, 1).await.unwrap();
        assert_eq!((page.total, page.items.len(), page.unread), (2, 1, 2));
        let id = page.items[0].id;
        let r = t.app.mark_notification_read(&outsider, id).await;
        assert!(matches!(r, Err(AppError::NotFound(_))), "not theirs");
        t.app.mark_notification_read(&staff, id).await.unwrap();
        t.app.mark_notification_read(&staff, id).await.unwrap();
        assert_eq!(t.app.unread_notifications(&staff).await.unwrap(), 1);
        let unread = t.app.notifications(&staff, true, 1, 10).await.unwrap();
        assert_eq!(unread.total, 1);
        assert_eq!(t.app.mark_all_notifications_read(&staff).await.unwrap(), 1);
        assert_eq!(t.app.unread_notifications(&staff).await.unwrap(), 0);
        assert_eq!(t.app.unread_notifications(&outsider).await.unwrap(), 1);
    }
}

#[tokio::test]
async fn the_schedule_runs_from_seven_on_working_days() {
    let t = apps().await.remove(0);
    let at = |text: &str| {
        chrono::DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&chrono::Utc)
    };
    let config = cchc_app::jobs::SchedulerConfig::default();
    let due = |text: &'static str, config: cchc_app::jobs::SchedulerConfig| {
        let app = t.app.clone();
        async move { app.reminders_due_at(at(text), &config).await.unwrap() }
    };
    assert!(!due("2026-03-02T06:59:00+07:00", config.clone()).await);
    assert!(due("2026-03-02T07:00:00+07:00", config.clone()).await);
    assert!(
        !due("2026-03-07T09:00:00+07:00", config.clone()).await,
        "Saturday"
    );
    assert!(
        !due("2026-04-30T09:00:00+07:00", config.clone()).await,
        "30/4"
    );
    let every_day = cchc_app::jobs::SchedulerConfig {
        working_days_only: false,
        ..config
    };
    assert!(due("2026-03-07T09:00:00+07:00", every_day).await);
}
