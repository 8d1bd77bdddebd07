//! Periodic reports through the pages: the coordinator opens a round, a unit
//! writes (saved by the button and by the autosave endpoint), corrects a
//! figure and submits; the coordinator returns it, the unit submits again,
//! the coordinator accepts it and it is locked. Other units see none of it.

use axum::http::{Method, StatusCode};

use cchc_domain::reports::ReportStatus;
use cchc_testkit::reports as fixture;

use crate::support::{Reply, Web, enc, webs};

fn assert_has(reply: &Reply, parts: &[&str], db: &str) {
    for part in parts {
        assert!(
            reply.body.contains(part),
            "{part:?} missing on {db} ({}):\n{}",
            reply.status,
            reply.body
        );
    }
}

/// The number after `prefix` in `text`.
fn id_after(text: &str, prefix: &str) -> i64 {
    let rest = &text[text.find(prefix).expect(prefix) + prefix.len()..];
    rest.chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .expect("an id")
}

/// Opens the department's Q1 2026 round through the preview and the form.
async fn open_round(web: &Web, dm: &str, f: &fixture::ReportFixture) -> i64 {
    let db = web.t.db.name;
    let preview = web
        .page(
            Method::GET,
            &format!(
                "/reports/new?type_code=q1&year=2026&department_id={}&preview=1",
                f.o.root
            ),
            Some(dm),
            None,
        )
        .await;
    assert_eq!(preview.status, StatusCode::OK, "{db}");
    assert_has(
        &preview,
        &[
            "Xác nhận mở “Báo cáo quý I năm 2026”",
            "15/12/2025 – 14/03/2026",
            "10/03/2026",
            // 15/03/2026 is a Sunday: the department's deadline moves to Monday.
            "16/03/2026",
            "Ngày 10 của tháng cuối kỳ",
            "Văn phòng Sở",
            "Thanh tra Sở",
            "Lịch báo cáo định kỳ năm 2026",
        ],
        db,
    );
    let form = format!(
        "type_code=q1&year=2026&department_id={}&participants_shown=1&participant={}&participant={}&participant={}",
        f.o.root, f.o.inside, f.o.outside, f.plan.partner
    );
    let opened = web
        .page(Method::POST, "/reports", Some(dm), Some(&form))
        .await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.body);
    assert!(opened.location().ends_with("?ok=round_opened"));
    let again = web
        .page(Method::POST, "/reports", Some(dm), Some(&form))
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_has(&again, &["đã được mở"], db);
    id_after(opened.location(), "/reports/rounds/")
}

#[tokio::test]
async fn a_report_goes_from_draft_to_locked_through_the_pages() {
    for web in webs().await {
        let db = web.t.db.name;
        let app = &web.t.app;
        let f = fixture::build(app).await;
        let dm = web.session("dm.syt").await;
        let cv = web.session("cv.vps").await;
        let ld = web.session("ld.vps").await;
        let tts = web.session("cv.tts").await;
        let get = |path: String, s: &str| {
            let s = s.to_string();
            let web = &web;
            async move { web.page(Method::GET, &path, Some(&s), None).await }
        };
        let post = |path: String, s: &str, form: String| {
            let s = s.to_string();
            let web = &web;
            async move { web.page(Method::POST, &path, Some(&s), Some(&form)).await }
        };

        let denied = post(
            "/reports".into(),
            &cv,
            format!("type_code=q1&year=2026&department_id={}", f.o.root),
        )
        .await;
        assert_eq!(denied.status, StatusCode::FORBIDDEN, "{db}");
        let round = open_round(&web, &dm, &f).await;
        let page = get(format!("/reports/rounds/{round}?ok=round_opened"), &dm).await;
        assert_has(
            &page,
            &[
                "Đã mở kỳ báo cáo",
                "Phòng Kế hoạch – Tài chính",
                "0/3",
                "Chưa đến hạn",
            ],
            db,
        );
        let list = get("/reports?year=2026".into(), &cv).await;
        assert_has(
            &list,
            &["Báo cáo quý I năm 2026", "Báo cáo của Văn phòng Sở"],
            db,
        );
        let id = app.report_round(&f.staff, round).await.unwrap().reports[0].report_id;
        assert!(list.body.contains(&format!(
            "<a href=\"/reports/{id}\">Báo cáo của Văn phòng Sở"
        )));
        let theirs = get(format!("/reports/rounds/{round}"), &tts).await;
        assert!(
            theirs.body.contains("Thanh tra Sở")
                && !theirs.body.contains(&format!("/reports/{id}\"")),
            "another unit sees only its own report"
        );
        assert_eq!(
            get(format!("/reports/{id}"), &tts).await.status,
            StatusCode::NOT_FOUND
        );

        // Writing: the Save button, a stale save, the autosave endpoint.
        let r = get(format!("/reports/{id}"), &cv).await;
        assert_has(
            &r,
            &[
                "name=\"text.tong_quan.danh_gia\"",
                "/static/report-draft.js",
                "data-autosave",
                "Số nhiệm vụ đến hạn trong kỳ",
                "I. Kết quả chung",
            ],
            db,
        );
        let text = "Cơ bản hoàn thành kế hoạch quý I";
        let saved = post(
            format!("/reports/{id}/draft"),
            &cv,
            format!(
                "version=1&text.tong_quan.danh_gia={}&text.tthc.ket_qua={}",
                enc(text),
                enc("Rà soát 10 thủ tục")
            ),
        )
        .await;
        assert_eq!(
            saved.location(),
            format!("/reports/{id}?ok=draft_saved"),
            "{}",
            saved.body
        );
        let stale = post(
            format!("/reports/{id}/draft"),
            &ld,
            format!(
                "version=1&text.tong_quan.danh_gia={}",
                enc("Bản của lãnh đạo")
            ),
        )
        .await;
        assert_eq!(stale.status, StatusCode::CONFLICT);
        assert_has(
            &stale,
            &[
                "Người dùng cv.vps lưu lúc 09:00",
                "Bản của lãnh đạo",
                "value=\"2\"",
            ],
            db,
        );
        let auto = post(
            format!("/reports/{id}/autosave"),
            &cv,
            format!(
                "version=2&text.tong_quan.danh_gia={}&text.tthc.ket_qua={}",
                enc(text),
                enc("Rà soát 12 thủ tục")
            ),
        )
        .await;
        assert_eq!(auto.status, StatusCode::OK, "{}", auto.body);
        assert_eq!(auto.json()["version"], 3);
        assert_eq!(auto.json()["message"], "Đã lưu lúc 09:00");
        let auto_stale = post(format!("/reports/{id}/autosave"), &ld, "version=2".into()).await;
        assert_eq!(auto_stale.status, StatusCode::CONFLICT);
        assert_eq!(auto_stale.json()["error"]["code"], "conflict");
        assert_eq!(auto_stale.json()["version"], 3);
        let unknown = post(
            format!("/reports/{id}/autosave"),
            &cv,
            "version=3&text.x.y=z".into(),
        )
        .await;
        assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);

        // A figure corrected by hand shows its author, time and reason.
        let bad = post(
            format!("/reports/{id}/figures"),
            &cv,
            "version=3&field_key=tong_quan.tasks_due&value=m%C6%B0%E1%BB%9Di&note=x".into(),
        )
        .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_has(&bad, &["Số liệu “mười” không hợp lệ"], db);
        let fixed = post(
            format!("/reports/{id}/figures"),
            &cv,
            format!(
                "version=3&field_key=tong_quan.tasks_due&value=1.250&note={}",
                enc("Cộng hồ sơ giấy")
            ),
        )
        .await;
        assert_eq!(fixed.status, StatusCode::SEE_OTHER, "{}", fixed.body);
        assert!(fixed.location().ends_with("#f-tong-quan-tasks-due"));
        let r = get(format!("/reports/{id}"), &cv).await;
        assert_has(
            &r,
            &[
                "<strong>1.250</strong>",
                "Đã điều chỉnh",
                "Người dùng cv.vps, 02/03/2026 09:00",
                "Lý do: Cộng hồ sơ giấy",
                "tự động: ",
            ],
            db,
        );

        // Submitting: confirmation, other units refused, then sent.
        let confirm = get(format!("/reports/{id}/submit"), &cv).await;
        assert_has(
            &confirm,
            &[
                "Xác nhận gửi báo cáo",
                "10/03/2026",
                "Đúng hạn",
                "value=\"4\"",
            ],
            db,
        );
        assert_eq!(
            get(format!("/reports/{id}/submit"), &tts).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            post(format!("/reports/{id}/submit"), &tts, "version=4".into())
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        let version = || async { app.unit_report(&f.staff, id).await.unwrap().report.version };
        let sent = post(format!("/reports/{id}/submit"), &cv, "version=4".into()).await;
        assert_eq!(
            sent.location(),
            format!("/reports/{id}?ok=report_submitted"),
            "{}",
            sent.body
        );
        let waiting = get(format!("/reports/{id}"), &cv).await;
        assert_has(
            &waiting,
            &["đang chờ đầu mối CCHC tiếp nhận", "Chờ tiếp nhận"],
            db,
        );
        assert!(
            !waiting.body.contains("<textarea"),
            "no editing while it waits"
        );

        // Only the coordinator reviews; a return needs a comment.
        let v = version().await;
        assert_eq!(
            post(format!("/reports/{id}/accept"), &ld, format!("version={v}"))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            get(format!("/reports/{id}/accept"), &cv).await.status,
            StatusCode::FORBIDDEN
        );
        let review = get(format!("/reports/{id}"), &dm).await;
        assert_has(
            &review,
            &[
                "Xem xét báo cáo",
                "Trả lại cho đơn vị",
                "Rà soát 12 thủ tục",
            ],
            db,
        );
        let empty = post(
            format!("/reports/{id}/return"),
            &dm,
            format!("version={v}&comment=+"),
        )
        .await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_has(&empty, &["Ghi rõ lý do trả lại báo cáo."], db);
        let comment = "Bổ sung số hồ sơ được số hóa";
        let returned = post(
            format!("/reports/{id}/return"),
            &dm,
            format!("version={v}&comment={}", enc(comment)),
        )
        .await;
        assert_eq!(returned.status, StatusCode::SEE_OTHER, "{}", returned.body);
        let r = get(format!("/reports/{id}"), &cv).await;
        assert_has(&r, &["Báo cáo bị trả lại", comment, "<textarea"], db);

        // The unit writes again and resubmits through "Lưu và gửi".
        let v = version().await;
        let again = post(
            format!("/reports/{id}/draft"),
            &cv,
            format!(
                "version={v}&next=submit&text.tong_quan.danh_gia={}&text.tthc.ket_qua={}",
                enc(text),
                enc("Rà soát 12 thủ tục; số hóa 1.180 hồ sơ")
            ),
        )
        .await;
        assert_eq!(again.location(), format!("/reports/{id}/submit"));
        let v = version().await;
        let resent = post(format!("/reports/{id}/submit"), &ld, format!("version={v}")).await;
        assert_eq!(resent.status, StatusCode::SEE_OTHER, "{}", resent.body);

        // Versions and their diff.
        let diff = get(format!("/reports/{id}/diff"), &dm).await;
        assert_has(
            &diff,
            &[
                "So sánh các lần gửi",
                "Lần 1",
                "Lần 2",
                "Kết quả thực hiện",
                "<ins>; số hóa 1.180 hồ sơ</ins>",
                "<strong>1</strong> mục thay đổi",
            ],
            db,
        );
        let first = get(format!("/reports/{id}/versions/1"), &dm).await;
        assert_has(
            &first,
            &["lần gửi 1", "Rà soát 12 thủ tục", "Bị trả lại", comment],
            db,
        );
        assert_eq!(
            get(format!("/reports/{id}/versions/9"), &dm).await.status,
            StatusCode::NOT_FOUND
        );

        // Accepted: locked, and a late POST changes nothing.
        let v = version().await;
        let ask = get(format!("/reports/{id}/accept"), &dm).await;
        assert_has(&ask, &["Xác nhận tiếp nhận", "được khóa"], db);
        let accepted = post(format!("/reports/{id}/accept"), &dm, format!("version={v}")).await;
        assert_eq!(
            accepted.location(),
            format!("/reports/{id}?ok=report_accepted"),
            "{}",
            accepted.body
        );
        let locked = get(format!("/reports/{id}"), &cv).await;
        assert_has(
            &locked,
            &[
                "Báo cáo đã được tiếp nhận và khóa",
                "Đã tiếp nhận",
                "số hóa 1.180 hồ sơ",
            ],
            db,
        );
        assert!(!locked.body.contains("<textarea") && !locked.body.contains("report-draft.js"));
        let before = app.unit_report(&f.staff, id).await.unwrap();
        let v = before.report.version;
        for (path, form) in [
            (
                "draft",
                format!(
                    "version={v}&text.tong_quan.danh_gia={}",
                    enc("Sửa sau khi khóa")
                ),
            ),
            (
                "figures",
                format!("version={v}&field_key=tong_quan.tasks_due&value=1&note=x"),
            ),
            ("submit", format!("version={v}")),
        ] {
            let late = post(format!("/reports/{id}/{path}"), &cv, form).await;
            assert_eq!(
                late.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{path} on {db}"
            );
            assert_has(
                &late,
                &["Báo cáo đã được tiếp nhận và khóa, không thể thay đổi."],
                db,
            );
        }
        let late = post(
            format!("/reports/{id}/autosave"),
            &cv,
            format!("version={v}"),
        )
        .await;
        assert_eq!(late.status, StatusCode::UNPROCESSABLE_ENTITY);
        let after = app.unit_report(&f.staff, id).await.unwrap();
        assert_eq!(
            after.report, before.report,
            "nothing changed after the lock"
        );
        assert_eq!(after.report.status, ReportStatus::Accepted);
        assert_eq!(after.versions.len(), 2);

        // Timeliness, consolidation, and closing the round.
        let t = get("/reports/timeliness?year=2026".into(), &dm).await;
        assert_has(
            &t,
            &[
                "Tình hình gửi báo cáo năm 2026",
                "Văn phòng Sở",
                "Đúng hạn",
                "100%",
                "chưa đến hạn",
            ],
            db,
        );
        let late_view = get(
            "/reports/timeliness?year=2026&as_of=20%2F03%2F2026".into(),
            &dm,
        )
        .await;
        assert_has(&late_view, &["Không gửi", "Tính đến ngày 20/03/2026"], db);
        let c = get(format!("/reports/rounds/{round}/consolidated"), &dm).await;
        assert_has(
            &c,
            &[
                "Báo cáo tổng hợp: Báo cáo quý I năm 2026",
                "1 đơn vị: Văn phòng Sở",
                "số hóa 1.180 hồ sơ",
                "Thanh tra Sở",
                "Toàn cơ quan",
            ],
            db,
        );
        assert_eq!(
            get(format!("/reports/rounds/{round}/consolidated"), &cv)
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        let dept = post(
            format!("/reports/rounds/{round}/figures"),
            &dm,
            format!(
                "field_key=tthc.tthc_don_gian_hoa&value=7&note={}",
                enc("Theo quyết định công bố")
            ),
        )
        .await;
        assert_eq!(dept.status, StatusCode::SEE_OTHER, "{}", dept.body);
        let c = get(format!("/reports/rounds/{round}/consolidated"), &dm).await;
        assert_has(
            &c,
            &["Lý do: Theo quyết định công bố", "Người dùng dm.syt"],
            db,
        );
        let ask = get(format!("/reports/rounds/{round}/close"), &dm).await;
        assert_has(
            &ask,
            &[
                "Xác nhận đóng kỳ báo cáo",
                "Còn 2 đơn vị chưa được tiếp nhận báo cáo.",
            ],
            db,
        );
        let rv = app
            .report_round(&f.coordinator, round)
            .await
            .unwrap()
            .round
            .version;
        let closed = post(
            format!("/reports/rounds/{round}/close"),
            &dm,
            format!("version={rv}"),
        )
        .await;
        assert_eq!(closed.status, StatusCode::SEE_OTHER, "{}", closed.body);
        let page = get(format!("/reports/rounds/{round}?ok=round_closed"), &dm).await;
        assert_has(&page, &["Đã đóng kỳ báo cáo.", "Đã đóng"], db);
        assert!(
            !page.body.contains("/close\""),
            "no close button on a closed round"
        );
    }
}

#[tokio::test]
async fn opening_a_round_explains_what_is_missing() {
    for web in webs().await {
        let db = web.t.db.name;
        let f = fixture::build(&web.t.app).await;
        let dm = web.session("dm.syt").await;
        let adhoc = web
            .page(
                Method::GET,
                &format!(
                    "/reports/new?type_code=adhoc&year=2026&department_id={}&window_start=31%2F03%2F2026&window_end=01%2F03%2F2026&preview=1",
                    f.o.root
                ),
                Some(&dm),
                None,
            )
            .await;
        assert_has(
            &adhoc,
            &[
                "Nhập tên báo cáo đột xuất.",
                "Ngày kết thúc phải từ ngày bắt đầu trở đi.",
                "Nhập hạn gửi báo cáo của đơn vị.",
            ],
            db,
        );
        assert!(!adhoc.body.contains("Xác nhận mở kỳ báo cáo"));
        let form_with = |deadline: &str| {
            format!(
                "type_code=adhoc&year=2026&department_id={}&label={}&window_start=01%2F03%2F2026&window_end=31%2F03%2F2026&unit_deadline={}",
                f.o.root,
                enc("Báo cáo rà soát thủ tục hành chính"),
                enc(deadline)
            )
        };
        let form = form_with("03/04/2026");
        let preview = web
            .page(
                Method::GET,
                &format!("/reports/new?{form}&preview=1"),
                Some(&dm),
                None,
            )
            .await;
        assert_has(
            &preview,
            &[
                "Xác nhận mở “Báo cáo rà soát thủ tục hành chính”",
                "01/03/2026 – 31/03/2026",
            ],
            db,
        );
        let none = web
            .page(
                Method::POST,
                "/reports",
                Some(&dm),
                Some(&format!("{form}&participants_shown=1")),
            )
            .await;
        assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_has(&none, &["Chọn ít nhất một đơn vị báo cáo."], db);
        let bad_date = web
            .page(
                Method::POST,
                "/reports",
                Some(&dm),
                Some(&form_with("31/02/2026")),
            )
            .await;
        assert_eq!(bad_date.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_has(&bad_date, &["Ngày “31/02/2026” không hợp lệ"], db);
        let opened = web
            .page(
                Method::POST,
                "/reports",
                Some(&dm),
                Some(&format!("{form}&participant={}", f.o.inside)),
            )
            .await;
        assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.body);
        let round = web
            .page(Method::GET, opened.location(), Some(&dm), None)
            .await;
        assert_has(
            &round,
            &[
                "Báo cáo rà soát thủ tục hành chính",
                "Văn phòng Sở",
                "03/04/2026",
                "0/1",
            ],
            db,
        );
        assert!(
            !round.body.contains("Thanh tra Sở"),
            "only the unit ticked reports"
        );

        let cv = web.session("cv.vps").await;
        let list = web.page(Method::GET, "/reports", Some(&cv), None).await;
        assert_has(
            &list,
            &[
                "Báo cáo định kỳ năm 2026",
                "Báo cáo rà soát thủ tục hành chính",
            ],
            db,
        );
        assert!(
            !list.body.contains("/reports/new"),
            "only coordinators open rounds"
        );
        let empty = web
            .page(Method::GET, "/reports?year=2024", Some(&cv), None)
            .await;
        assert_has(&empty, &["Chưa có kỳ báo cáo nào của năm 2024"], db);
        assert_eq!(
            web.page(Method::GET, "/reports/new", Some(&cv), None)
                .await
                .status,
            StatusCode::FORBIDDEN
        );
    }
}
