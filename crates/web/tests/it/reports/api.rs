//! Periodic reports over the JSON API, end to end: types and periods, a
//! round opened, a report saved, corrected, submitted, returned, submitted
//! again and accepted (then locked), its versions and diff, timeliness, the
//! consolidated report with a department figure, and closing the round.

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

use cchc_testkit::reports as fixture;

use crate::support::{Reply, Web, webs};

struct Api<'a> {
    web: &'a Web,
}

impl Api<'_> {
    async fn call(&self, method: Method, path: &str, token: &str, body: Option<Value>) -> Reply {
        self.web
            .api(method, &format!("/api/v1{path}"), Some(token), body)
            .await
    }

    /// A call that must answer `status`; its JSON.
    async fn ok(
        &self,
        status: StatusCode,
        method: Method,
        path: &str,
        token: &str,
        body: Option<Value>,
    ) -> Value {
        let reply = self.call(method.clone(), path, token, body).await;
        assert_eq!(
            reply.status, status,
            "{method} {path} on {}: {}",
            self.web.t.db.name, reply.body
        );
        reply.json()
    }
}

#[tokio::test]
async fn a_report_round_runs_end_to_end_over_the_api() {
    for web in webs().await {
        let db = web.t.db.name;
        let f = fixture::build(&web.t.app).await;
        let api = Api { web: &web };
        let dm = web.token("dm.syt").await;
        let cv = web.token("cv.vps").await;
        let ld = web.token("ld.vps").await;
        let tts = web.token("cv.tts").await;
        let gd = web.token("gd").await;
        let (get, post, put) = (Method::GET, Method::POST, Method::PUT);
        let ok = StatusCode::OK;

        let types = api.ok(ok, get.clone(), "/reports/types", &cv, None).await;
        assert_eq!(types[0]["code"], "q1");
        assert_eq!(
            types[0]["outline"][0]["fields"][0]["key"],
            "tong_quan.danh_gia"
        );
        assert_eq!(types[0]["outline"][0]["fields"][0]["required"], true);
        assert_eq!(types[0]["outline"][0]["fields"][1]["metric"], "tasks_due");
        let periods = api
            .ok(ok, get.clone(), "/reports/periods?year=2026", &cv, None)
            .await;
        assert_eq!(periods[0]["label"], "Báo cáo quý I năm 2026");
        assert_eq!(periods[0]["window_start"], "2025-12-15");
        assert_eq!(periods[0]["department_deadline"], "2026-03-16");
        let bad_year = api
            .call(get.clone(), "/reports/periods?year=1999", &cv, None)
            .await;
        assert_eq!(bad_year.status, StatusCode::UNPROCESSABLE_ENTITY);

        let open = json!({"type_code": "q1", "year": 2026, "unit_id": f.o.root});
        let refused = api
            .call(post.clone(), "/reports/rounds", &cv, Some(open.clone()))
            .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{db}");
        let round = api
            .ok(
                StatusCode::CREATED,
                post.clone(),
                "/reports/rounds",
                &dm,
                Some(open.clone()),
            )
            .await;
        assert_eq!(round["round"]["label"], "Báo cáo quý I năm 2026");
        assert_eq!(round["reports"].as_array().unwrap().len(), 3);
        let round_id = round["round"]["id"].as_i64().unwrap();
        let dup = api
            .call(post.clone(), "/reports/rounds", &dm, Some(open))
            .await;
        assert_eq!(dup.status, StatusCode::CONFLICT);
        assert_eq!(dup.json()["error"]["code"], "duplicate");

        let mine = api
            .ok(ok, get.clone(), "/reports/rounds?year=2026", &cv, None)
            .await;
        assert_eq!(
            mine[0]["reports"].as_array().unwrap().len(),
            1,
            "own report only"
        );
        let id = mine[0]["reports"][0]["report_id"].as_i64().unwrap();
        let path = |rest: &str| format!("/reports/{id}{rest}");
        assert_eq!(
            api.call(get.clone(), &path(""), &tts, None).await.status,
            StatusCode::NOT_FOUND,
            "another unit cannot read it"
        );
        let report = api.ok(ok, get.clone(), &path(""), &cv, None).await;
        assert_eq!(report["can_edit"], true);
        assert_eq!(report["timeliness"]["status"], "not_due");
        assert!(report["figures"]["tong_quan.tasks_due"]["computed"].is_i64());
        let v = report["report"]["version"].clone();

        let texts = json!({"tong_quan.danh_gia": "Cơ bản hoàn thành", "tthc.ket_qua": "Rà soát 10 thủ tục"});
        let saved = api
            .ok(
                ok,
                put.clone(),
                &path("/draft"),
                &cv,
                Some(json!({"version": v, "texts": texts})),
            )
            .await;
        assert_eq!(saved["texts"]["tthc.ket_qua"], "Rà soát 10 thủ tục");
        let stale = api
            .call(
                put.clone(),
                &path("/draft"),
                &ld,
                Some(json!({"version": v, "texts": {}})),
            )
            .await;
        assert_eq!(stale.status, StatusCode::CONFLICT);
        assert_eq!(stale.json()["error"]["code"], "conflict");
        let no_reason = api
            .call(
                put.clone(),
                &path("/figures"),
                &cv,
                Some(json!({"version": saved["version"], "field_key": "tong_quan.tasks_due", "value": 3})),
            )
            .await;
        assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(no_reason.json()["error"]["fields"][0]["field"], "note");
        let fixed = api
            .ok(
                ok,
                put.clone(),
                &path("/figures"),
                &cv,
                Some(json!({"version": saved["version"], "field_key": "tong_quan.tasks_due", "value": 3, "note": "Hồ sơ giấy"})),
            )
            .await;
        let shown = api.ok(ok, get.clone(), &path(""), &cv, None).await;
        let due = &shown["figures"]["tong_quan.tasks_due"];
        assert_eq!(due["value"], 3);
        assert_eq!(
            due["computed"],
            report["figures"]["tong_quan.tasks_due"]["computed"]
        );
        assert_eq!(due["manual"]["by_name"], "Người dùng cv.vps");
        assert_eq!(due["manual"]["note"], "Hồ sơ giấy");

        assert_eq!(
            api.call(
                post.clone(),
                &path("/submit"),
                &tts,
                Some(json!({"version": fixed["version"]}))
            )
            .await
            .status,
            StatusCode::NOT_FOUND
        );
        let sent = api
            .ok(
                ok,
                post.clone(),
                &path("/submit"),
                &cv,
                Some(json!({"version": fixed["version"]})),
            )
            .await;
        assert_eq!(sent["status"], "submitted");
        assert_eq!(
            api.call(
                post.clone(),
                &path("/accept"),
                &ld,
                Some(json!({"version": sent["version"]}))
            )
            .await
            .status,
            StatusCode::FORBIDDEN,
            "only the coordinator accepts"
        );
        let returned = api
            .ok(
                ok,
                post.clone(),
                &path("/return"),
                &dm,
                Some(json!({"version": sent["version"], "comment": "Bổ sung số liệu số hóa"})),
            )
            .await;
        assert_eq!(returned["status"], "returned");
        assert_eq!(returned["review_comment"], "Bổ sung số liệu số hóa");
        let texts = json!({"tong_quan.danh_gia": "Cơ bản hoàn thành", "tthc.ket_qua": "Rà soát 10 thủ tục; số hóa 900 hồ sơ"});
        let saved = api
            .ok(
                ok,
                put.clone(),
                &path("/draft"),
                &cv,
                Some(json!({"version": returned["version"], "texts": texts})),
            )
            .await;
        let sent = api
            .ok(
                ok,
                post.clone(),
                &path("/submit"),
                &ld,
                Some(json!({"version": saved["version"]})),
            )
            .await;
        assert_eq!(sent["submissions"], 2);

        let versions = api.ok(ok, get.clone(), &path("/versions"), &gd, None).await;
        assert_eq!(versions.as_array().unwrap().len(), 2);
        assert_eq!(versions[0]["outcome"], "returned");
        assert_eq!(versions[0]["figures"]["tong_quan.tasks_due"]["value"], 3);
        let diff = api
            .ok(ok, get.clone(), &path("/diff?from=1&to=2"), &gd, None)
            .await;
        assert_eq!(
            diff,
            json!([{"key": "tthc.ket_qua", "section": "Cải cách thủ tục hành chính", "label": "Kết quả thực hiện",
                "kind": "changed", "before": "Rà soát 10 thủ tục", "after": "Rà soát 10 thủ tục; số hóa 900 hồ sơ"}])
        );
        assert_eq!(
            api.call(get.clone(), &path("/diff?from=1&to=7"), &gd, None)
                .await
                .status,
            StatusCode::NOT_FOUND
        );

        let accepted = api
            .ok(
                ok,
                post.clone(),
                &path("/accept"),
                &dm,
                Some(json!({"version": sent["version"]})),
            )
            .await;
        assert_eq!(accepted["status"], "accepted");
        let locked = api
            .call(
                put.clone(),
                &path("/draft"),
                &cv,
                Some(
                    json!({"version": accepted["version"], "texts": {"tong_quan.danh_gia": "Sửa"}}),
                ),
            )
            .await;
        assert_eq!(locked.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            locked.json()["error"]["message"],
            "Báo cáo đã được tiếp nhận và khóa, không thể thay đổi."
        );
        let after = api.ok(ok, get.clone(), &path(""), &cv, None).await;
        assert_eq!(
            after["report"]["version"], accepted["version"],
            "nothing changed"
        );
        assert_eq!(after["can_edit"], false);

        let table = api
            .ok(
                ok,
                get.clone(),
                "/reports/timeliness?year=2026&as_of=2026-03-20",
                &dm,
                None,
            )
            .await;
        assert_eq!(table["rounds"][0]["round_id"], round_id);
        let rows = table["rows"].as_array().unwrap();
        let row = |name: &str| {
            rows.iter()
                .find(|r| r["unit_name"] == name)
                .unwrap()
                .clone()
        };
        assert_eq!(row("Văn phòng Sở")["cells"][0]["status"], "on_time");
        assert_eq!(row("Văn phòng Sở")["percent_on_time"], 100);
        assert_eq!(row("Thanh tra Sở")["cells"][0]["status"], "missing");
        assert_eq!(row("Thanh tra Sở")["percent_on_time"], 0);

        let cons = api
            .ok(
                ok,
                get.clone(),
                &format!("/reports/rounds/{round_id}/consolidated"),
                &gd,
                None,
            )
            .await;
        assert_eq!(cons["included_units"], json!(["Văn phòng Sở"]));
        assert_eq!(cons["pending_units"].as_array().unwrap().len(), 2);
        let tthc = cons["sections"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["key"] == "tthc")
            .unwrap()
            .clone();
        assert_eq!(
            tthc["fields"][0]["contributions"][0]["text"],
            "Rà soát 10 thủ tục; số hóa 900 hồ sơ"
        );
        assert_eq!(
            api.call(
                get.clone(),
                &format!("/reports/rounds/{round_id}/consolidated"),
                &cv,
                None
            )
            .await
            .status,
            StatusCode::NOT_FOUND
        );
        let dept = api
            .ok(
                ok,
                put.clone(),
                &format!("/reports/rounds/{round_id}/figures"),
                &dm,
                Some(json!({"field_key": "tthc.tthc_don_gian_hoa", "value": 7, "note": "Theo quyết định công bố"})),
            )
            .await;
        assert_eq!(dept["tthc.tthc_don_gian_hoa"]["value"], 7);
        assert_eq!(
            dept["tthc.tthc_don_gian_hoa"]["manual"]["by_name"],
            "Người dùng dm.syt"
        );

        let shown = api
            .ok(
                ok,
                get.clone(),
                &format!("/reports/rounds/{round_id}"),
                &dm,
                None,
            )
            .await;
        assert_eq!(shown["can_manage"], true);
        let closed = api
            .ok(
                ok,
                post.clone(),
                &format!("/reports/rounds/{round_id}/close"),
                &dm,
                Some(json!({"version": shown["round"]["version"]})),
            )
            .await;
        assert_eq!(closed["status"], "closed");
        let too_late = api
            .call(
                put.clone(),
                &format!("/reports/rounds/{round_id}/figures"),
                &dm,
                Some(json!({"field_key": "tthc.tthc_don_gian_hoa", "value": null})),
            )
            .await;
        assert_eq!(too_late.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
}
