use axum::http::{Method, StatusCode};
use serde_json::json;

use cchc_domain::roles::Role;
use cchc_testkit::org;

use crate::support::webs;

#[tokio::test]
async fn login_me_and_logout() {
    for web in webs().await {
        let o = org::build(&web.t.app).await;
        org::user(
            &web.t.app,
            "cv",
            Role::Staff,
            Some(o.inside),
            Some(o.inside),
        )
        .await;
        let bad = web
            .api(
                Method::POST,
                "/api/v1/auth/login",
                None,
                Some(json!({"username": "cv", "password": "sai"})),
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNAUTHORIZED, "{}", web.t.db.name);
        assert_eq!(bad.json()["error"]["code"], "invalid_credentials");
        assert_eq!(
            bad.json()["error"]["message"],
            "Tên đăng nhập hoặc mật khẩu không đúng."
        );

        let ok = web
            .api(
                Method::POST,
                "/api/v1/auth/login",
                None,
                Some(json!({"username": "cv", "password": org::PASSWORD})),
            )
            .await;
        assert_eq!(ok.status, StatusCode::OK);
        let token = ok.json()["token"].as_str().unwrap().to_string();
        let me = web
            .api(Method::GET, "/api/v1/me", Some(&token), None)
            .await
            .json();
        assert_eq!(me["username"], "cv");
        assert_eq!(me["roles"], json!([{"role": "staff", "unit_id": o.inside}]));

        assert_eq!(
            web.api(Method::POST, "/api/v1/auth/logout", Some(&token), None)
                .await
                .status,
            StatusCode::NO_CONTENT
        );
        let after = web.api(Method::GET, "/api/v1/me", Some(&token), None).await;
        assert_eq!(after.status, StatusCode::UNAUTHORIZED);
        assert_eq!(after.headers["www-authenticate"], "Bearer");
        assert_eq!(after.json()["error"]["code"], "unauthenticated");
    }
}

#[tokio::test]
async fn units_create_update_conflict_and_errors() {
    for web in webs().await {
        let o = org::build(&web.t.app).await;
        org::user(&web.t.app, "qt", Role::Admin, None, None).await;
        let token = web.token("qt").await;
        let t = Some(token.as_str());
        let body = json!({"code": "kn", "name": "  Trung tâm Kiểm nghiệm ", "kind": "subordinate", "parent_id": o.root, "aliases": ["TTKN"]});
        let made = web.api(Method::POST, "/api/v1/units", t, Some(body)).await;
        assert_eq!(
            made.status,
            StatusCode::CREATED,
            "{} on {}",
            made.body,
            web.t.db.name
        );
        let unit = made.json();
        assert_eq!(unit["code"], "KN");
        assert_eq!(unit["name"], "Trung tâm Kiểm nghiệm");
        assert_eq!(unit["kind_label"], "Đơn vị trực thuộc");
        let id = unit["id"].as_i64().unwrap();

        let found = web
            .api(Method::GET, "/api/v1/units?q=kiem%20nghiem", t, None)
            .await
            .json();
        let codes: Vec<_> = found
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["code"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(codes, ["SYT", "KN"]);

        let update = json!({"version": 1, "code": "KN", "name": "Trung tâm Kiểm nghiệm Thuốc", "kind": "subordinate", "parent_id": o.root, "valid_from": unit["valid_from"]});
        let updated = web
            .api(
                Method::PUT,
                &format!("/api/v1/units/{id}"),
                t,
                Some(update.clone()),
            )
            .await;
        assert_eq!(updated.status, StatusCode::OK, "{}", updated.body);
        assert_eq!(updated.json()["version"], 2);
        let stale = web
            .api(Method::PUT, &format!("/api/v1/units/{id}"), t, Some(update))
            .await;
        assert_eq!(stale.status, StatusCode::CONFLICT);
        assert_eq!(stale.json()["error"]["code"], "conflict");

        let invalid = web
            .api(
                Method::POST,
                "/api/v1/units",
                t,
                Some(json!({"code": "", "name": "", "kind": "x"})),
            )
            .await;
        assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);
        let fields: Vec<_> = invalid.json()["error"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["field"].as_str().unwrap().to_string())
            .collect();
        assert!(
            fields.contains(&"code".to_string()) && fields.contains(&"kind".to_string()),
            "{fields:?}"
        );

        let broken = web.api(Method::POST, "/api/v1/units", t, None).await;
        assert_eq!(broken.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert_eq!(broken.json()["error"]["code"], "unsupported_media_type");
        let missing = web.api(Method::GET, "/api/v1/units/999999", t, None).await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND);
        assert_eq!(missing.json()["error"]["message"], "Không tìm thấy đơn vị.");
        let not_a_number = web.api(Method::GET, "/api/v1/units/abc", t, None).await;
        assert_eq!(not_a_number.json()["error"]["code"], "not_found");
    }
}

#[tokio::test]
async fn users_are_created_listed_and_paginated() {
    for web in webs().await {
        let o = org::build(&web.t.app).await;
        org::user(&web.t.app, "qt", Role::Admin, None, None).await;
        let token = web.token("qt").await;
        let t = Some(token.as_str());
        for i in 0..3 {
            let body = json!({"username": format!("nv{i}"), "password": "mat-khau-123", "full_name": format!("Nhân viên Đức {i}"), "unit_id": o.inside, "roles": [{"role": "staff", "unit_id": o.inside}]});
            let r = web.api(Method::POST, "/api/v1/users", t, Some(body)).await;
            assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        }
        let page = web
            .api(
                Method::GET,
                "/api/v1/users?q=duc&per_page=2&page=2",
                t,
                None,
            )
            .await
            .json();
        assert_eq!(page["total"], 3, "{}", web.t.db.name);
        assert_eq!(page["items"].as_array().unwrap().len(), 1);
        let bad_role = json!({"username": "x1", "password": "mat-khau-123", "full_name": "X", "roles": [{"role": "boss", "unit_id": null}]});
        let r = web
            .api(Method::POST, "/api/v1/users", t, Some(bad_role))
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.json()["error"]["message"]
                .as_str()
                .unwrap()
                .contains("boss")
        );
    }
}

#[tokio::test]
async fn audit_api_filters_by_entity() {
    for web in webs().await {
        let o = org::build(&web.t.app).await;
        org::user(&web.t.app, "qt", Role::Admin, None, None).await;
        let token = web.token("qt").await;
        let r = web
            .api(
                Method::GET,
                &format!("/api/v1/audit?entity_type=unit&entity_id={}", o.inside),
                Some(&token),
                None,
            )
            .await
            .json();
        assert_eq!(r["total"], 1, "{}", web.t.db.name);
        assert_eq!(r["items"][0]["action"], "create");
        assert_eq!(r["items"][0]["after"]["code"], "VPS");
    }
}

#[tokio::test]
async fn openapi_document_covers_every_api_route() {
    let web = webs().await.remove(0);
    let doc = web
        .api(Method::GET, "/api/v1/openapi.json", None, None)
        .await
        .json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for route in cchc_web::routes::catalog()
        .iter()
        .filter(|r| r.path.starts_with("/api/v1/") && r.path != "/api/v1/openapi.json")
    {
        let method = route.method.as_str().to_lowercase();
        assert!(
            doc["paths"][route.path][&method].is_object(),
            "{} {} missing from OpenAPI",
            route.method,
            route.path
        );
    }
    // A path parameter names a part of its path; the rest are query ones.
    for (path, ops) in doc["paths"].as_object().unwrap() {
        for (method, op) in ops.as_object().unwrap() {
            for p in op["parameters"].as_array().into_iter().flatten() {
                let name = p["name"].as_str().unwrap();
                let in_path = path.contains(&format!("{{{name}}}"));
                assert_eq!(
                    p["in"].as_str().unwrap(),
                    if in_path { "path" } else { "query" },
                    "{method} {path}: {name}"
                );
            }
        }
    }
    let docs = web.api(Method::GET, "/api/docs/", None, None).await;
    assert_eq!(docs.status, StatusCode::OK);
    assert!(
        docs.body.contains("swagger"),
        "Swagger UI served from the binary"
    );
}

#[tokio::test]
async fn a_plan_is_built_and_tracked_over_the_api() {
    use axum::http::{Method, StatusCode};
    use cchc_domain::roles::Role;
    use serde_json::json;
    for web in crate::support::webs().await {
        let app = &web.t.app;
        let o = cchc_testkit::org::build(app).await;
        cchc_testkit::org::user(app, "dm", Role::Coordinator, None, Some(o.inside)).await;
        cchc_testkit::org::user(app, "cv", Role::Staff, Some(o.inside), Some(o.inside)).await;
        let dm = web.token("dm").await;
        let cv = web.token("cv").await;
        let plan = web
            .api(Method::POST, "/api/v1/plans", Some(&dm), Some(json!({"title": "Kế hoạch CCHC 2026", "issuing_unit_id": o.root, "first_year": 2026})))
            .await;
        assert_eq!(plan.status, StatusCode::CREATED, "{}", plan.body);
        let plan_id = plan.json()["id"].as_i64().unwrap();
        let bad = web
            .api(
                Method::POST,
                &format!("/api/v1/plans/{plan_id}/items"),
                Some(&dm),
                Some(json!({"kind": "task", "content": " ", "budget": "mười"})),
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(bad.json()["error"]["code"], "validation_failed");
        let item = web
            .api(Method::POST, &format!("/api/v1/plans/{plan_id}/items"), Some(&dm), Some(json!({"kind": "task", "content": "Rà soát TTHC", "lead_unit_ids": [o.inside], "start_text": "Quý II/2026", "budget": "1.234,5"})))
            .await;
        assert_eq!(item.status, StatusCode::CREATED, "{}", item.body);
        assert_eq!(item.json()["budget_million_vnd"], 1234.5);
        let item_id = item.json()["id"].as_i64().unwrap();
        let task = web
            .api(
                Method::GET,
                &format!("/api/v1/tasks/{item_id}"),
                Some(&cv),
                None,
            )
            .await
            .json();
        assert_eq!(task["occurrences"][0]["due_on"], "2026-06-30");
        let row = &task["occurrences"][0]["rows"][0];
        assert_eq!(row["can_report"], true);
        let reported = web
            .api(
                Method::POST,
                &format!("/api/v1/tracking/{}/report", row["id"]),
                Some(&cv),
                Some(
                    json!({"version": row["version"], "status": "in_progress", "progress_pct": 50}),
                ),
            )
            .await;
        assert_eq!(reported.status, StatusCode::OK, "{}", reported.body);
        let stale = web
            .api(
                Method::POST,
                &format!("/api/v1/tracking/{}/report", row["id"]),
                Some(&cv),
                Some(json!({"version": row["version"], "status": "done"})),
            )
            .await;
        assert_eq!(stale.status, StatusCode::CONFLICT);
        let work = web
            .api(Method::GET, "/api/v1/work?q=ra+soat", Some(&cv), None)
            .await
            .json();
        assert_eq!(work["total"], 1);
        assert_eq!(work["rows"][0]["progress_pct"], 50);
        let doc = web
            .api(Method::GET, "/api/v1/openapi.json", None, None)
            .await
            .json();
        assert!(doc["paths"]["/api/v1/tracking/{id}/report"].is_object());
    }
}
