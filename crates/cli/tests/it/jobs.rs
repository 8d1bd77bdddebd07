//! `cchc jobs run`: the reminder sweep from the shell, with email to a
//! local SMTP receiver configured through `CCHC_SMTP_*`.

use std::sync::Arc;

use cchc_app::{App, FixedClock};
use cchc_domain::roles::Role;
use cchc_store::Db;
use cchc_testkit::plans::{self as fixture, coordinator, task};
use cchc_testkit::smtp::SmtpReceiver;
use cchc_testkit::{org, start_time, test_auth_config};

use crate::{cchc_with_env, stderr, stdout};

/// A database in `dir` with one overdue task of Văn phòng Sở and its staff member.
async fn prepare(dir: &std::path::Path) {
    let db = Db::connect(&Db::sqlite_url(dir)).await.unwrap();
    db.migrate().await.unwrap();
    let app = App::new(db.clone(), test_auth_config())
        .with_clock(Arc::new(FixedClock::new(start_time())));
    let o = org::build(&app).await;
    let f = fixture::build(&app, &o).await;
    let mut draft = task(
        "Rà soát thủ tục",
        &[o.inside],
        &[],
        "Tháng 01/2026",
        "Tháng 01/2026",
    );
    draft.parent_id = Some(f.section_id);
    app.create_item(&coordinator(), f.plan_id, draft)
        .await
        .unwrap();
    org::user_with_email(
        &app,
        "cv.vps",
        Role::Staff,
        Some(o.inside),
        Some(o.inside),
        Some("cv.vps@syt.example.vn"),
    )
    .await;
    db.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn jobs_run_reminds_once_a_day_and_emails() {
    let dir = tempfile::tempdir().unwrap();
    prepare(dir.path()).await;
    let receiver = SmtpReceiver::start().await;
    let env = vec![
        ("CCHC_SMTP_HOST", "127.0.0.1".to_string()),
        ("CCHC_SMTP_PORT", receiver.port().to_string()),
        ("CCHC_SMTP_SECURITY", "none".to_string()),
        (
            "CCHC_SMTP_FROM",
            "CCHC Sở Y tế <cchc@syt.example.vn>".to_string(),
        ),
        ("CCHC_PUBLIC_URL", "https://cchc.syt.example.vn".to_string()),
    ];
    let path = dir.path().to_path_buf();
    let run = move |now: &'static str, env: Vec<(&'static str, String)>| {
        let path = path.clone();
        tokio::task::spawn_blocking(move || {
            cchc_with_env(&["jobs", "run", "--now", now], &path, None, &env)
        })
    };

    let first = run("2026-03-02T09:00:00+07:00", env.clone()).await.unwrap();
    assert!(first.status.success(), "{}", stderr(&first));
    let out = stdout(&first);
    assert!(
        out.contains(
            "Nhắc việc ngày 02/03/2026: đã nhắc 1 đơn vị (1 lời nhắc, 1 thông báo trong phần mềm)"
        ),
        "{out}"
    );
    assert!(out.contains("Thư điện tử: đã gửi 1, lỗi 0."), "{out}");
    let mails = receiver.mails();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to, vec!["cv.vps@syt.example.vn"]);
    assert_eq!(
        mails[0].subject(),
        "[CCHC] Đôn đốc: 1 nhiệm vụ quá hạn – Văn phòng Sở"
    );
    assert!(mails[0].body().contains("https://cchc.syt.example.vn/my"));

    let again = run("2026-03-02T15:00:00+07:00", env.clone()).await.unwrap();
    let out = stdout(&again);
    assert!(out.contains("đã nhắc 0 đơn vị"), "{out}");
    assert!(
        out.contains("1 lời nhắc đã gửi trước đó trong ngày"),
        "{out}"
    );
    assert_eq!(receiver.mails().len(), 1, "nothing sent twice");

    let next_day = run("2026-03-03T09:00:00+07:00", vec![]).await.unwrap();
    let out = stdout(&next_day);
    assert!(
        out.contains("Nhắc việc ngày 03/03/2026: đã nhắc 1 đơn vị"),
        "{out}"
    );
    assert!(out.contains("chưa cấu hình máy chủ gửi thư"), "{out}");

    let bad = run("02/03/2026", vec![]).await.unwrap();
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("không đúng dạng RFC 3339"));
    let no_from = run(
        "2026-03-04T09:00:00+07:00",
        vec![("CCHC_SMTP_HOST", "127.0.0.1".to_string())],
    )
    .await
    .unwrap();
    assert_eq!(no_from.status.code(), Some(1));
    assert!(stderr(&no_from).contains("thiếu địa chỉ gửi thư"));
}
