//! Notifications and reminders pages and API: the header's bell, the
//! notification list and marking read, the coordinator's reminder form and
//! the reminder log.

use axum::http::{Method, StatusCode};
use serde_json::json;

use cchc_domain::roles::Role;
use cchc_testkit::plans::{self as fixture, coordinator, task};
use cchc_testkit::{org, start_time};

use crate::support::{Web, enc, webs};

/// The org, an overdue task of `inside` (returned) and its staff member `cv`.
async fn overdue_work(web: &Web) -> (org::Org, i64) {
    let app = &web.t.app;
    let o = org::build(app).await;
    let f = fixture::build(app, &o).await;
    let mut draft = task(
        "Rà soát thủ tục hành chính",
        &[o.inside],
        &[],
        "Tháng 01/2026",
        "Tháng 01/2026",
    );
    draft.parent_id = Some(f.section_id);
    let item = app
        .create_item(&coordinator(), f.plan_id, draft)
        .await
        .unwrap();
    org::user(app, "cv", Role::Staff, Some(o.inside), Some(o.inside)).await;
    (o, item.id)
}

#[tokio::test]
async fn the_bell_counts_and_the_list_marks_read() {
    for web in webs().await {
        let (_, item) = overdue_work(&web).await;
        web.t.app.run_reminders(start_time()).await.unwrap();
        let session = web.session("cv").await;

        let home = web.page(Method::GET, "/", Some(&session), None).await;
        assert!(home.body.contains("hx-get=\"/notifications/unread\""));
        assert!(home.body.contains("href=\"/notifications\""));
        let badge = web
            .page(Method::GET, "/notifications/unread", Some(&session), None)
            .await;
        assert_eq!(badge.status, StatusCode::OK, "{}", web.t.db.name);
        assert!(
            badge.body.contains("class=\"bell-count\""),
            "{}",
            badge.body
        );
        assert!(badge.body.contains(">1</span>"));

        let list = web
            .page(Method::GET, "/notifications", Some(&session), None)
            .await;
        assert!(
            list.body
                .contains("Đôn đốc: 1 nhiệm vụ quá hạn – Văn phòng Sở")
        );
        assert!(list.body.contains("Hạn: 02/02/2026, quá hạn 28 ngày"));
        assert!(
            list.body
                .contains(&format!("<a href=\"/tasks/{item}\">/tasks/{item}</a>")),
            "task links are clickable"
        );
        assert!(list.body.contains("Chưa đọc"));

        let actor = org::actor(&web.t.app, "cv").await;
        let id = web
            .t
            .app
            .notifications(&actor, false, 1, 10)
            .await
            .unwrap()
            .items[0]
            .id;
        let read = web
            .page(
                Method::POST,
                &format!("/notifications/{id}/read"),
                Some(&session),
                Some(""),
            )
            .await;
        assert_eq!(read.status, StatusCode::SEE_OTHER);
        assert_eq!(read.location(), "/notifications");
        let badge = web
            .page(Method::GET, "/notifications/unread", Some(&session), None)
            .await;
        assert_eq!(badge.body, "", "nothing unread");
        let unread = web
            .page(Method::GET, "/notifications?unread=1", Some(&session), None)
            .await;
        assert!(unread.body.contains("Không có thông báo chưa đọc."));

        let all = web
            .page(
                Method::POST,
                "/notifications/read-all",
                Some(&session),
                Some(""),
            )
            .await;
        assert_eq!(all.location(), "/notifications?ok=read");
        let missing = web
            .page(
                Method::POST,
                "/notifications/999999/read",
                Some(&session),
                Some(""),
            )
            .await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn a_coordinator_sends_a_reminder_from_the_form() {
    for web in webs().await {
        let (o, _) = overdue_work(&web).await;
        org::user(&web.t.app, "dm", Role::Coordinator, Some(o.inside), None).await;
        let session = web.session("dm").await;
        let form = web
            .page(Method::GET, "/reminders/new", Some(&session), None)
            .await;
        assert_eq!(form.status, StatusCode::OK);
        assert!(form.body.contains("Gửi nhắc việc"));
        assert!(
            form.body
                .contains(&format!("name=\"unit_id\" value=\"{}\"", o.inside))
        );
        assert!(form.body.contains("Bộ phận Tiếp nhận và Trả kết quả"));
        assert!(!form.body.contains("Thanh tra Sở"), "not covered");

        let empty = web
            .page(
                Method::POST,
                "/reminders",
                Some(&session),
                Some("message=+"),
            )
            .await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            empty
                .body
                .contains("Chọn ít nhất một đơn vị nhận nhắc việc.")
        );
        assert!(empty.body.contains("Nhập nội dung nhắc việc."));

        let body = format!(
            "unit_id={}&message={}",
            o.inside,
            enc("Đề nghị hoàn thành rà soát trước 10/03/2026.")
        );
        let sent = web
            .page(Method::POST, "/reminders", Some(&session), Some(&body))
            .await;
        assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
        assert!(sent.body.contains("Đã gửi nhắc việc đến 1 đơn vị."));
        assert!(sent.body.contains("Văn phòng Sở"));
        assert!(sent.body.contains("Không gửi thư"), "no SMTP configured");

        let again = web
            .page(Method::POST, "/reminders", Some(&session), Some(&body))
            .await;
        assert_eq!(again.status, StatusCode::CONFLICT);
        assert!(again.body.contains("đã được gửi hôm nay cho Văn phòng Sở"));
        assert!(
            again
                .body
                .contains("Đề nghị hoàn thành rà soát trước 10/03/2026."),
            "text kept"
        );

        let log = web
            .page(Method::GET, "/reminders", Some(&session), None)
            .await;
        assert!(log.body.contains("Nhật ký nhắc việc"));
        assert!(log.body.contains("02/03/2026"));
        assert!(log.body.contains("Đôn đốc của đầu mối CCHC"));
        assert!(log.body.contains("Người dùng dm"));
        assert!(log.body.contains("href=\"/reminders/new\""));

        let staff = web.session("cv").await;
        let notes = web
            .page(Method::GET, "/notifications", Some(&staff), None)
            .await;
        assert!(
            notes
                .body
                .contains("Đôn đốc thực hiện nhiệm vụ CCHC – Văn phòng Sở")
        );
        assert!(
            notes
                .body
                .contains("Đề nghị hoàn thành rà soát trước 10/03/2026.")
        );
        let denied = web
            .page(Method::GET, "/reminders", Some(&staff), None)
            .await;
        assert_eq!(denied.status, StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn reminders_and_notifications_over_the_api() {
    for web in webs().await {
        let (o, item) = overdue_work(&web).await;
        org::user(&web.t.app, "dm", Role::Coordinator, Some(o.inside), None).await;
        let coord = web.token("dm").await;
        let staff = web.token("cv").await;
        let input =
            json!({"unit_ids": [o.inside], "message": "Báo cáo kết quả", "item_ids": [item]});
        let created = web
            .api(
                Method::POST,
                "/api/v1/reminders",
                Some(&coord),
                Some(input.clone()),
            )
            .await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
        let report = created.json();
        assert_eq!(report["sent"][0]["unit_name"], "Văn phòng Sở");
        assert_eq!(report["sent"][0]["recipients"], 1);
        assert_eq!(report["sent"][0]["email_status"], "skipped");
        let dup = web
            .api(Method::POST, "/api/v1/reminders", Some(&coord), Some(input))
            .await;
        assert_eq!(dup.status, StatusCode::CONFLICT);
        assert_eq!(dup.json()["error"]["code"], "duplicate");
        let forbidden = web
            .api(
                Method::POST,
                "/api/v1/reminders",
                Some(&staff),
                Some(json!({"unit_ids": [o.inside], "message": "x"})),
            )
            .await;
        assert_eq!(forbidden.status, StatusCode::FORBIDDEN);

        let mine = web
            .api(Method::GET, "/api/v1/notifications", Some(&staff), None)
            .await
            .json();
        assert_eq!(mine["total"], 1);
        assert_eq!(mine["unread"], 1);
        assert_eq!(mine["items"][0]["kind"], "adhoc");
        assert!(
            mine["items"][0]["body"]
                .as_str()
                .unwrap()
                .contains(&format!("/tasks/{item}"))
        );
        let doc = web
            .api(Method::GET, "/api/v1/openapi.json", None, None)
            .await
            .json();
        assert!(doc["paths"]["/api/v1/reminders"]["post"].is_object());
        assert!(doc["paths"]["/api/v1/notifications"]["get"].is_object());
    }
}
