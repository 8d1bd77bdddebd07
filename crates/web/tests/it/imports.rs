//! Plan import and export through the pages: upload, preview, map a unit,
//! commit, then download the plan as .docx and .xlsx and re-import it.

use axum::http::{Method, StatusCode};

use cchc_domain::roles::Role;
use cchc_testkit::org;

use crate::support::{enc, webs};

const DAK_NONG: &[u8] =
    include_bytes!("../../../office/tests/fixtures/ke_hoach_cchc_dak_nong_2020.txt");

/// The value of the first `<input … name="{name}" value="…">`.
fn input_value(body: &str, name: &str) -> String {
    let at = body
        .find(&format!("name=\"{name}\" value=\""))
        .unwrap_or_else(|| panic!("input {name}"));
    let rest = &body[at + name.len() + 15..];
    rest[..rest.find('"').unwrap()].to_string()
}

/// Undoes the template's escaping of a value.
fn html_unescape(text: &str) -> String {
    text.replace("&#38;", "&")
        .replace("&amp;", "&")
        .replace("&#34;", "\"")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

#[tokio::test]
async fn a_coordinator_imports_a_plan_and_downloads_it() {
    for web in webs().await {
        let o = org::build(&web.t.app).await;
        org::user(&web.t.app, "dm", Role::Coordinator, None, Some(o.root)).await;
        org::user(
            &web.t.app,
            "cv",
            Role::Staff,
            Some(o.inside),
            Some(o.inside),
        )
        .await;
        let dm = web.session("dm").await;
        let cv = web.session("cv").await;

        let form = web
            .page(Method::GET, "/plans/import", Some(&dm), None)
            .await;
        assert_eq!(form.status, StatusCode::OK);
        assert!(form.body.contains("multipart/form-data"));
        let denied = web
            .page(Method::GET, "/plans/import", Some(&cv), None)
            .await;
        assert_eq!(denied.status, StatusCode::FORBIDDEN);

        // Not a plan: a clear error, nothing stored.
        let bad = web
            .upload("/plans/import", &dm, "anh.docx", b"\x89PNG....")
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("không phải tài liệu"), "{}", bad.body);

        let preview = web
            .upload("/plans/import", &dm, "ke_hoach_2020.txt", DAK_NONG)
            .await;
        assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
        assert!(preview.body.contains("CẢI CÁCH THỦ TỤC HÀNH CHÍNH"));
        assert!(preview.body.contains("9 phần"));
        assert!(
            preview.body.contains("Đơn vị cần xác định"),
            "unknown units listed"
        );
        let sha = input_value(&preview.body, "sha256");
        let unmatched = input_value(&preview.body, "map_text");
        let base = format!(
            "sha256={sha}&file_name=ke_hoach_2020.txt&issuing_unit_id={}&first_year=2020&last_year=2020",
            o.root
        );
        // Stored without choosing: the rows whose lead is unknown are named.
        let refused = web
            .page(Method::POST, "/plans/import/commit", Some(&dm), Some(&base))
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            refused
                .body
                .contains("chưa khớp đơn vị nào: hãy chọn đơn vị cho tên này")
        );
        assert!(
            web.t
                .app
                .plans(&org::actor(&web.t.app, "dm").await, "")
                .await
                .unwrap()
                .is_empty()
        );

        // Every unknown name mapped: the first to Thanh tra Sở, the rest to Văn phòng Sở.
        let names: Vec<String> = preview
            .body
            .match_indices("name=\"map_text\" value=\"")
            .map(|(at, m)| {
                let rest = &preview.body[at + m.len()..];
                rest[..rest.find('"').unwrap()].to_string()
            })
            .collect();
        let mut body = base.clone();
        for (i, name) in names.iter().enumerate() {
            let unit = if i == 0 { o.outside } else { o.inside };
            body.push_str(&format!(
                "&map_text={}&map_unit={unit}",
                enc(&html_unescape(name))
            ));
        }
        let again = web
            .page(
                Method::POST,
                "/plans/import/preview",
                Some(&dm),
                Some(&body),
            )
            .await;
        assert_eq!(again.status, StatusCode::OK);
        assert!(
            again
                .body
                .contains(&format!("value=\"{}\" selected", o.outside))
        );
        let done = web
            .page(Method::POST, "/plans/import/commit", Some(&dm), Some(&body))
            .await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
        let location = done.location().to_string();
        assert!(location.ends_with("?ok=imported"), "{location}");
        let plan_path = location.trim_end_matches("?ok=imported").to_string();
        let plan = web.page(Method::GET, &location, Some(&dm), None).await;
        assert!(plan.body.contains("Đã nhập kế hoạch từ tệp"));
        assert!(plan.body.contains("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC"));
        let alias = web
            .t
            .app
            .unit(&org::actor(&web.t.app, "dm").await, o.outside)
            .await
            .unwrap();
        assert!(
            alias.aliases.contains(&html_unescape(&unmatched)),
            "mapping remembered"
        );

        for (format, kind) in [("plan", "wordprocessingml"), ("xlsx", "spreadsheetml")] {
            let file = web
                .page(
                    Method::GET,
                    &format!("{plan_path}/export?format={format}"),
                    Some(&dm),
                    None,
                )
                .await;
            assert_eq!(file.status, StatusCode::OK);
            let content_type = file.headers["content-type"].to_str().unwrap();
            assert!(content_type.contains(kind), "{content_type}");
            assert!(
                file.headers["content-disposition"]
                    .to_str()
                    .unwrap()
                    .contains("filename*=UTF-8''")
            );
        }

        // The API: dry run answers the documented preview; export the plan.
        let dm_token = web.token("dm").await;
        let cv_token = web.token("cv").await;
        let dry = web
            .upload_api(
                "/api/v1/plans/import?dry_run=true",
                &dm_token,
                "ke_hoach_2020.txt",
                DAK_NONG,
            )
            .await;
        assert_eq!(dry.status, StatusCode::OK, "{}", dry.body);
        let json = dry.json();
        assert_eq!(json["sections"].as_array().unwrap().len(), 9);
        assert_eq!(
            json["sections"][0]["items"][0]["children"][4]["number"],
            "1.5"
        );
        assert!(json["warnings"].is_array() && json["plan"]["title"].is_string());
        let denied = web
            .upload_api(
                "/api/v1/plans/import?dry_run=true",
                &cv_token,
                "ke_hoach_2020.txt",
                DAK_NONG,
            )
            .await;
        assert_eq!(denied.status, StatusCode::FORBIDDEN);
        let xlsx = web
            .api(
                Method::GET,
                &format!("/api/v1{plan_path}/export?format=xlsx"),
                Some(&dm_token),
                None,
            )
            .await;
        assert_eq!(xlsx.status, StatusCode::OK);

        // Re-importing the same document changes nothing.
        let diff = web
            .upload(
                &format!("{plan_path}/reimport"),
                &dm,
                "ke_hoach_2020.txt",
                DAK_NONG,
            )
            .await;
        assert_eq!(diff.status, StatusCode::OK, "{}", diff.body);
        assert!(
            diff.body.contains("thêm 0 mục, sửa 0 mục, xóa 0 mục"),
            "{}",
            diff.body
        );
        assert!(diff.body.contains("không có gì để cập nhật"));
    }
}
