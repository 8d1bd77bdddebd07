use axum::http::{Method, StatusCode};
use chrono::NaiveDate;
use serde_json::json;

use cchc_app::auth::system_actor;
use cchc_domain::calendar::OverrideDraft;
use cchc_domain::roles::Role;
use cchc_testkit::{due, org};

use crate::support::{enc, webs};

fn d(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

#[tokio::test]
async fn month_page_shows_lunar_dates_holidays_overrides_and_our_due_dates() {
    for web in webs().await {
        let app = &web.t.app;
        let o = org::build(app).await;
        org::user(app, "cv", Role::Staff, Some(o.inside), Some(o.inside)).await;
        let ours = due::task(
            app,
            &[o.inside_child],
            d(2026, 2, 10),
            "1.2",
            "Rà soát thủ tục hành chính",
        )
        .await;
        let theirs = due::task(
            app,
            &[o.outside],
            d(2026, 2, 10),
            "2.1",
            "Thanh tra công vụ",
        )
        .await;
        let saturday = OverrideDraft {
            day: Some(d(2026, 2, 28)),
            kind: "working_day".into(),
            name: "Làm bù cho ngày nghỉ Tết".into(),
        };
        app.set_override(&system_actor(), saturday).await.unwrap();
        let session = web.session("cv").await;

        let page = web
            .page(
                Method::GET,
                "/calendar?year=2026&month=2",
                Some(&session),
                None,
            )
            .await;
        assert_eq!(page.status, StatusCode::OK, "{}", web.t.db.name);
        let body = &page.body;
        assert!(body.contains("Lịch làm việc tháng 2/2026"));
        assert!(
            body.contains(r#"href="/calendar" class="active""#),
            "nav item"
        );
        assert!(body.contains("<th scope=\"col\">Thứ Hai</th>") && body.contains("Chủ nhật</th>"));
        // 17/02/2026 is mùng 1 Tết Bính Ngọ.
        assert!(body.contains(r#"title="Âm lịch: ngày 1 tháng 1 năm Bính Ngọ">1/1</span>"#));
        assert!(body.contains("Tết Nguyên đán"));
        assert!(body.contains("Ngày nghỉ năm 2026"));
        assert!(body.contains("17/02/2026"));
        assert!(body.contains("Làm bù cho ngày nghỉ Tết") && body.contains("✎"));
        assert!(body.contains(&format!("href=\"/tasks/{}\"", ours.item_id)));
        assert!(body.contains("1.2 Rà soát thủ tục hành chính"));
        assert!(!body.contains(&format!("href=\"/tasks/{}\"", theirs.item_id)));
        assert!(body.contains(r#"href="/calendar?year=2026&#38;month=1" rel="prev""#));
        assert!(
            !body.contains("action=\"/calendar/overrides\""),
            "no form for staff"
        );

        let now = web
            .page(Method::GET, "/calendar", Some(&session), None)
            .await;
        assert!(
            now.body.contains("Lịch làm việc tháng 3/2026"),
            "today's month"
        );
        let bad = web
            .page(
                Method::GET,
                "/calendar?year=3000&month=1",
                Some(&session),
                None,
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("Năm 3000 nằm ngoài phạm vi lịch hỗ trợ"));
    }
}

#[tokio::test]
async fn a_global_admin_adds_and_removes_overrides_on_the_page() {
    for web in webs().await {
        let app = &web.t.app;
        let o = org::build(app).await;
        org::user(app, "qt", Role::Admin, None, None).await;
        org::user(app, "qt.vps", Role::Admin, Some(o.inside), None).await;
        let admin = web.session("qt").await;
        let form = web
            .page(
                Method::GET,
                "/calendar?year=2026&month=5",
                Some(&admin),
                None,
            )
            .await;
        assert!(form.body.contains("action=\"/calendar/overrides\""));
        assert!(form.body.contains(">Ngày làm việc bù</option>"));

        let post = |day: &str, kind: &str, name: &str| {
            format!("day={}&kind={kind}&name={}", enc(day), enc(name))
        };
        let bad_date = web
            .page(
                Method::POST,
                "/calendar/overrides",
                Some(&admin),
                Some(&post("31/02/2026", "day_off", "Nghỉ")),
            )
            .await;
        assert_eq!(
            bad_date.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            web.t.db.name
        );
        assert!(bad_date.body.contains("ngày/tháng/năm"));
        assert!(bad_date.body.contains("value=\"31/02/2026\""), "input kept");
        let no_name = web
            .page(
                Method::POST,
                "/calendar/overrides",
                Some(&admin),
                Some(&post("04/05/2026", "day_off", " ")),
            )
            .await;
        assert_eq!(no_name.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            no_name
                .body
                .contains("Vui lòng nhập tên hoặc lý do điều chỉnh")
        );
        assert!(no_name.body.contains("Lịch làm việc tháng 5/2026"));

        let scoped = web.session("qt.vps").await;
        let denied = web
            .page(
                Method::POST,
                "/calendar/overrides",
                Some(&scoped),
                Some(&post("04/05/2026", "day_off", "Nghỉ")),
            )
            .await;
        assert_eq!(denied.status, StatusCode::FORBIDDEN);
        let denied = web
            .page(
                Method::POST,
                "/calendar/overrides",
                Some(&scoped),
                Some(&post("hôm nay", "day_off", "")),
            )
            .await;
        assert_eq!(denied.status, StatusCode::FORBIDDEN, "permission first");

        let saved = web
            .page(
                Method::POST,
                "/calendar/overrides",
                Some(&admin),
                Some(&post("04/05/2026", "day_off", "Nghỉ hoán đổi")),
            )
            .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER);
        assert_eq!(
            saved.location(),
            "/calendar?year=2026&month=5&ok=calendar_saved"
        );
        let shown = web
            .page(Method::GET, saved.location(), Some(&admin), None)
            .await;
        assert!(shown.body.contains("Đã lưu điều chỉnh lịch làm việc."));
        assert!(shown.body.contains("Nghỉ hoán đổi"));
        assert!(shown.body.contains("Thứ Hai, 04/05/2026"));
        assert!(
            shown
                .body
                .contains("href=\"/calendar/overrides/2026-05-04/delete\"")
        );
        let cal = app.working_calendar().await.unwrap();
        assert!(!cal.is_working_day(d(2026, 5, 4)));

        let confirm = web
            .page(
                Method::GET,
                "/calendar/overrides/2026-05-04/delete",
                Some(&admin),
                None,
            )
            .await;
        assert!(confirm.body.contains("Xóa điều chỉnh ngày 04/05/2026?"));
        assert!(confirm.body.contains("Xác nhận xóa"));
        let removed = web
            .page(
                Method::POST,
                "/calendar/overrides/2026-05-04/delete",
                Some(&admin),
                Some(""),
            )
            .await;
        assert_eq!(
            removed.location(),
            "/calendar?year=2026&month=5&ok=calendar_removed"
        );
        let after = web
            .page(Method::GET, removed.location(), Some(&admin), None)
            .await;
        assert!(after.body.contains("Đã xóa điều chỉnh."));
        assert!(!after.body.contains("Nghỉ hoán đổi"));
        assert!(
            app.working_calendar()
                .await
                .unwrap()
                .is_working_day(d(2026, 5, 4))
        );
        let gone = web
            .page(
                Method::GET,
                "/calendar/overrides/2026-05-04/delete",
                Some(&admin),
                None,
            )
            .await;
        assert_eq!(gone.status, StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn calendar_api_lists_days_computes_deadlines_and_edits_overrides() {
    for web in webs().await {
        let app = &web.t.app;
        let o = org::build(app).await;
        org::user(app, "cv", Role::Staff, Some(o.inside), None).await;
        org::user(app, "qt", Role::Admin, None, None).await;
        org::user(app, "qt.vps", Role::Admin, Some(o.inside), None).await;
        let staff = web.token("cv").await;
        let admin = web.token("qt").await;

        let year = web
            .api(Method::GET, "/api/v1/calendar/2026", Some(&staff), None)
            .await;
        assert_eq!(year.status, StatusCode::OK, "{}", web.t.db.name);
        let days_off = year.json()["days_off"].clone();
        assert!(days_off.as_array().unwrap().contains(&json!({
            "date": "2026-02-17", "name": "Tết Nguyên đán", "source": "rule",
            "source_label": "Theo Bộ luật Lao động"
        })));
        // Friday before Tết Bính Ngọ + 1 working day = the Monday after the break.
        let url = "/api/v1/calendar/working-days?from=2026-02-13&n=1";
        let next = web.api(Method::GET, url, Some(&staff), None).await.json();
        assert_eq!(
            next,
            json!({"from": "2026-02-13", "n": 1, "date": "2026-02-23"})
        );

        let body = json!({"kind": "day_off", "name": "Nghỉ thêm sau Tết"});
        let path = "/api/v1/calendar/overrides/2026-02-23";
        let denied = web
            .api(
                Method::PUT,
                path,
                Some(&web.token("qt.vps").await),
                Some(body.clone()),
            )
            .await;
        assert_eq!(denied.status, StatusCode::FORBIDDEN);
        let put = web.api(Method::PUT, path, Some(&admin), Some(body)).await;
        assert_eq!(put.status, StatusCode::OK, "{}", put.body);
        assert_eq!(put.json()["kind_label"], "Ngày nghỉ");
        assert_eq!(put.json()["created_by_name"], "Người dùng qt");
        let next = web.api(Method::GET, url, Some(&staff), None).await.json();
        assert_eq!(next["date"], "2026-02-24");
        let year = web
            .api(Method::GET, "/api/v1/calendar/2026", Some(&staff), None)
            .await
            .json();
        assert_eq!(year["overrides"][0]["date"], "2026-02-23");
        assert!(year["days_off"].as_array().unwrap().contains(&json!({
            "date": "2026-02-23", "name": "Nghỉ thêm sau Tết", "source": "local",
            "source_label": "Do quản trị viên điều chỉnh"
        })));

        let invalid = web
            .api(
                Method::PUT,
                path,
                Some(&admin),
                Some(json!({"kind": "le", "name": ""})),
            )
            .await;
        assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            invalid.json()["error"]["fields"].as_array().unwrap().len(),
            2
        );

        assert_eq!(
            web.api(Method::DELETE, path, Some(&admin), None)
                .await
                .status,
            StatusCode::NO_CONTENT
        );
        assert_eq!(
            web.api(Method::DELETE, path, Some(&admin), None)
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        let next = web.api(Method::GET, url, Some(&staff), None).await.json();
        assert_eq!(next["date"], "2026-02-23");

        let huge = web
            .api(
                Method::GET,
                "/api/v1/calendar/working-days?from=2026-01-01&n=99999",
                Some(&staff),
                None,
            )
            .await;
        assert_eq!(huge.status, StatusCode::UNPROCESSABLE_ENTITY);
        let missing = web
            .api(
                Method::GET,
                "/api/v1/calendar/working-days?from=2026-01-01",
                Some(&staff),
                None,
            )
            .await;
        assert_eq!(missing.status, StatusCode::BAD_REQUEST);
        let far = web
            .api(Method::GET, "/api/v1/calendar/2300", Some(&staff), None)
            .await;
        assert_eq!(far.status, StatusCode::UNPROCESSABLE_ENTITY);

        let doc = web
            .api(Method::GET, "/api/v1/openapi.json", None, None)
            .await
            .json();
        for p in [
            "/api/v1/calendar/{year}",
            "/api/v1/calendar/working-days",
            "/api/v1/calendar/overrides/{day}",
        ] {
            assert!(doc["paths"].get(p).is_some(), "{p} documented");
        }
    }
}
