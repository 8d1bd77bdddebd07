//! A report through the pages: the coordinator opens a round, a unit writes
//! (saved by the button and by the autosave endpoint), corrects a figure and
//! submits; the coordinator returns it, the unit submits again, the versions
//! are compared, the coordinator accepts it and it is locked; then the
//! timeliness table, the consolidated report and closing the round. Other
//! units and other roles are refused along the way.

use axum::http::{Method, StatusCode};

use cchc_domain::reports::ReportStatus;
use cchc_testkit::reports::{self as fixture, ReportFixture};

use super::assert_has;
use crate::support::{Reply, Web, enc, webs};

const TEXT: &str = "Cơ bản hoàn thành kế hoạch quý I";
const COMMENT: &str = "Bổ sung số hồ sơ được số hóa";

/// The people (sessions) and the report under test.
struct Flow<'a> {
    web: &'a Web,
    f: ReportFixture,
    /// The department's coordinator.
    dm: String,
    /// Staff and leader of `inside`, whose report it is.
    cv: String,
    ld: String,
    /// Staff of `outside`, another unit of the round.
    tts: String,
    round: i64,
    id: i64,
}

impl Flow<'_> {
    async fn get(&self, path: &str, session: &str) -> Reply {
        self.web.page(Method::GET, path, Some(session), None).await
    }

    async fn post(&self, path: &str, session: &str, form: &str) -> Reply {
        self.web
            .page(Method::POST, path, Some(session), Some(form))
            .await
    }

    fn has(&self, reply: &Reply, parts: &[&str]) {
        assert_has(reply, parts, self.web.t.db.name);
    }

    fn report(&self, rest: &str) -> String {
        format!("/reports/{}{rest}", self.id)
    }

    async fn version(&self) -> i64 {
        let view = self.web.t.app.unit_report(&self.f.staff, self.id).await;
        view.expect("report").report.version
    }
}

/// Opens the department's Q1 2026 round through the preview and the form.
async fn open(web: &Web) -> Flow<'_> {
    let f = fixture::build(&web.t.app).await;
    let dm = web.session("dm.syt").await;
    let cv = web.session("cv.vps").await;
    let mut flow = Flow {
        web,
        dm,
        ld: web.session("ld.vps").await,
        tts: web.session("cv.tts").await,
        cv,
        round: 0,
        id: 0,
        f,
    };
    let root = flow.f.o.root;
    let denied = flow
        .post(
            "/reports",
            &flow.cv,
            &format!("type_code=q1&year=2026&department_id={root}"),
        )
        .await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);
    let preview = flow
        .get(
            &format!("/reports/new?type_code=q1&year=2026&department_id={root}&preview=1"),
            &flow.dm,
        )
        .await;
    flow.has(
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
    );
    let o = &flow.f.o;
    let form = format!(
        "type_code=q1&year=2026&department_id={root}&participants_shown=1&participant={}&participant={}&participant={}",
        o.inside, o.outside, flow.f.plan.partner
    );
    let opened = flow.post("/reports", &flow.dm, &form).await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.body);
    let again = flow.post("/reports", &flow.dm, &form).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    flow.has(&again, &["đã được mở"]);
    let page = flow.get(opened.location(), &flow.dm).await;
    flow.has(
        &page,
        &[
            "Đã mở kỳ báo cáo",
            "Phòng Kế hoạch – Tài chính",
            "0/3",
            "Chưa đến hạn",
        ],
    );
    let views = web.t.app.report_rounds(&flow.f.staff, Some(2026)).await;
    let view = views.expect("rounds").remove(0);
    flow.round = view.round.id;
    flow.id = view.reports[0].report_id;
    flow
}

impl Flow<'_> {
    /// Only the unit's own report is listed and readable.
    async fn others_see_nothing(&self) {
        let list = self.get("/reports?year=2026", &self.cv).await;
        self.has(
            &list,
            &[
                "Báo cáo quý I năm 2026",
                &format!("<a href=\"{}\">Báo cáo của Văn phòng Sở", self.report("")),
            ],
        );
        let theirs = self
            .get(&format!("/reports/rounds/{}", self.round), &self.tts)
            .await;
        assert!(
            theirs.body.contains("Thanh tra Sở")
                && !theirs.body.contains(&format!("{}\"", self.report(""))),
            "another unit sees only its own report"
        );
        let status = self.get(&self.report(""), &self.tts).await.status;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }

    /// The Save button, a stale save, the autosave endpoint.
    async fn write(&self) {
        let r = self.get(&self.report(""), &self.cv).await;
        self.has(
            &r,
            &[
                "name=\"text.tong_quan.danh_gia\"",
                "/static/report-draft.js",
                "data-autosave",
                "Số nhiệm vụ đến hạn trong kỳ",
                "I. Kết quả chung",
            ],
        );
        let form = format!(
            "version=1&text.tong_quan.danh_gia={}&text.tthc.ket_qua={}",
            enc(TEXT),
            enc("Rà soát 10 thủ tục")
        );
        let saved = self.post(&self.report("/draft"), &self.cv, &form).await;
        assert_eq!(saved.location(), self.report("?ok=draft_saved"));
        let theirs = format!(
            "version=1&text.tong_quan.danh_gia={}",
            enc("Bản của lãnh đạo")
        );
        let stale = self.post(&self.report("/draft"), &self.ld, &theirs).await;
        assert_eq!(stale.status, StatusCode::CONFLICT);
        self.has(
            &stale,
            &[
                "Người dùng cv.vps lưu lúc 09:00",
                "Bản của lãnh đạo",
                "value=\"2\"",
            ],
        );
        let form = format!(
            "version=2&text.tong_quan.danh_gia={}&text.tthc.ket_qua={}",
            enc(TEXT),
            enc("Rà soát 12 thủ tục")
        );
        let auto = self.post(&self.report("/autosave"), &self.cv, &form).await;
        assert_eq!(auto.status, StatusCode::OK, "{}", auto.body);
        assert_eq!(auto.json()["version"], 3);
        assert_eq!(auto.json()["message"], "Đã lưu lúc 09:00");
        let stale = self
            .post(&self.report("/autosave"), &self.ld, "version=2")
            .await;
        assert_eq!(stale.status, StatusCode::CONFLICT);
        assert_eq!(stale.json()["error"]["code"], "conflict");
        assert_eq!(stale.json()["version"], 3);
        let unknown = self
            .post(&self.report("/autosave"), &self.cv, "version=3&text.x.y=z")
            .await;
        assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    }

    /// A figure corrected by hand shows its author, time and reason.
    async fn correct_a_figure(&self) {
        let bad = self
            .post(
                &self.report("/figures"),
                &self.cv,
                "version=3&field_key=tong_quan.tasks_due&value=m%C6%B0%E1%BB%9Di&note=x",
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        self.has(&bad, &["Số liệu “mười” không hợp lệ"]);
        let form = format!(
            "version=3&field_key=tong_quan.tasks_due&value=1.250&note={}",
            enc("Cộng hồ sơ giấy")
        );
        let fixed = self.post(&self.report("/figures"), &self.cv, &form).await;
        assert_eq!(fixed.status, StatusCode::SEE_OTHER, "{}", fixed.body);
        assert!(fixed.location().ends_with("#f-tong-quan-tasks-due"));
        let r = self.get(&self.report(""), &self.cv).await;
        self.has(
            &r,
            &[
                "<strong>1.250</strong>",
                "Đã điều chỉnh",
                "Người dùng cv.vps, 02/03/2026 09:00",
                "Lý do: Cộng hồ sơ giấy",
                "tự động: ",
            ],
        );
    }

    /// Confirmation, other units refused, sent; only the coordinator
    /// reviews, and a return needs a comment.
    async fn submit_and_return(&self) {
        let confirm = self.get(&self.report("/submit"), &self.cv).await;
        self.has(
            &confirm,
            &[
                "Xác nhận gửi báo cáo",
                "10/03/2026",
                "Đúng hạn",
                "value=\"4\"",
            ],
        );
        let theirs = self.get(&self.report("/submit"), &self.tts).await;
        assert_eq!(theirs.status, StatusCode::NOT_FOUND);
        let theirs = self
            .post(&self.report("/submit"), &self.tts, "version=4")
            .await;
        assert_eq!(theirs.status, StatusCode::NOT_FOUND);
        let sent = self
            .post(&self.report("/submit"), &self.cv, "version=4")
            .await;
        assert_eq!(sent.location(), self.report("?ok=report_submitted"));
        let waiting = self.get(&self.report(""), &self.cv).await;
        self.has(
            &waiting,
            &["đang chờ đầu mối CCHC tiếp nhận", "Chờ tiếp nhận"],
        );
        assert!(
            !waiting.body.contains("<textarea"),
            "no editing while it waits"
        );

        let v = format!("version={}", self.version().await);
        let by_leader = self.post(&self.report("/accept"), &self.ld, &v).await;
        assert_eq!(by_leader.status, StatusCode::FORBIDDEN);
        let ask = self.get(&self.report("/accept"), &self.cv).await;
        assert_eq!(ask.status, StatusCode::FORBIDDEN);
        let review = self.get(&self.report(""), &self.dm).await;
        self.has(
            &review,
            &[
                "Xem xét báo cáo",
                "Trả lại cho đơn vị",
                "Rà soát 12 thủ tục",
            ],
        );
        let empty = self
            .post(&self.report("/return"), &self.dm, &format!("{v}&comment=+"))
            .await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
        self.has(&empty, &["Ghi rõ lý do trả lại báo cáo."]);
        let form = format!("{v}&comment={}", enc(COMMENT));
        let returned = self.post(&self.report("/return"), &self.dm, &form).await;
        assert_eq!(returned.status, StatusCode::SEE_OTHER, "{}", returned.body);
        let r = self.get(&self.report(""), &self.cv).await;
        self.has(&r, &["Báo cáo bị trả lại", COMMENT, "<textarea"]);
    }

    /// The unit writes again and resubmits through "Lưu và gửi"; the two
    /// versions are compared.
    async fn resubmit_and_compare(&self) {
        let form = format!(
            "version={}&next=submit&text.tong_quan.danh_gia={}&text.tthc.ket_qua={}",
            self.version().await,
            enc(TEXT),
            enc("Rà soát 12 thủ tục; số hóa 1.180 hồ sơ")
        );
        let again = self.post(&self.report("/draft"), &self.cv, &form).await;
        assert_eq!(again.location(), self.report("/submit"));
        let v = format!("version={}", self.version().await);
        let resent = self.post(&self.report("/submit"), &self.ld, &v).await;
        assert_eq!(resent.status, StatusCode::SEE_OTHER, "{}", resent.body);

        let diff = self.get(&self.report("/diff"), &self.dm).await;
        self.has(
            &diff,
            &[
                "So sánh các lần gửi",
                "Lần 1",
                "Lần 2",
                "Kết quả thực hiện",
                "<ins>; số hóa 1.180 hồ sơ</ins>",
                "<strong>1</strong> mục thay đổi",
            ],
        );
        let first = self.get(&self.report("/versions/1"), &self.dm).await;
        self.has(
            &first,
            &["lần gửi 1", "Rà soát 12 thủ tục", "Bị trả lại", COMMENT],
        );
        let none = self.get(&self.report("/versions/9"), &self.dm).await;
        assert_eq!(none.status, StatusCode::NOT_FOUND);
    }

    /// Accepted: locked, and a late POST changes nothing.
    async fn accept_and_lock(&self) {
        let v = self.version().await;
        let ask = self.get(&self.report("/accept"), &self.dm).await;
        self.has(&ask, &["Xác nhận tiếp nhận", "được khóa"]);
        let accepted = self
            .post(&self.report("/accept"), &self.dm, &format!("version={v}"))
            .await;
        assert_eq!(accepted.location(), self.report("?ok=report_accepted"));
        let locked = self.get(&self.report(""), &self.cv).await;
        self.has(
            &locked,
            &[
                "Báo cáo đã được tiếp nhận và khóa",
                "Đã tiếp nhận",
                "số hóa 1.180 hồ sơ",
            ],
        );
        assert!(!locked.body.contains("<textarea") && !locked.body.contains("report-draft.js"));
        let app = &self.web.t.app;
        let before = app.unit_report(&self.f.staff, self.id).await.unwrap();
        let v = before.report.version;
        let text = enc("Sửa sau khi khóa");
        for (path, form) in [
            (
                "/draft",
                format!("version={v}&text.tong_quan.danh_gia={text}"),
            ),
            (
                "/figures",
                format!("version={v}&field_key=tong_quan.tasks_due&value=1&note=x"),
            ),
            ("/submit", format!("version={v}")),
        ] {
            let late = self.post(&self.report(path), &self.cv, &form).await;
            assert_eq!(late.status, StatusCode::UNPROCESSABLE_ENTITY, "{path}");
            self.has(
                &late,
                &["Báo cáo đã được tiếp nhận và khóa, không thể thay đổi."],
            );
        }
        let late = self
            .post(&self.report("/autosave"), &self.cv, &format!("version={v}"))
            .await;
        assert_eq!(late.status, StatusCode::UNPROCESSABLE_ENTITY);
        let after = app.unit_report(&self.f.staff, self.id).await.unwrap();
        assert_eq!(
            after.report, before.report,
            "nothing changed after the lock"
        );
        assert_eq!(after.report.status, ReportStatus::Accepted);
        assert_eq!(after.versions.len(), 2);
    }

    /// Timeliness, the consolidated report with a department figure, and
    /// closing the round.
    async fn overviews_and_close(&self) {
        let t = self.get("/reports/timeliness?year=2026", &self.dm).await;
        self.has(
            &t,
            &[
                "Tình hình gửi báo cáo năm 2026",
                "Văn phòng Sở",
                "Đúng hạn",
                "100%",
                "chưa đến hạn",
            ],
        );
        let later = self
            .get(
                "/reports/timeliness?year=2026&as_of=20%2F03%2F2026",
                &self.dm,
            )
            .await;
        self.has(&later, &["Không gửi", "Tính đến ngày 20/03/2026"]);
        let round = format!("/reports/rounds/{}", self.round);
        let c = self.get(&format!("{round}/consolidated"), &self.dm).await;
        self.has(
            &c,
            &[
                "Báo cáo tổng hợp: Báo cáo quý I năm 2026",
                "1 đơn vị: Văn phòng Sở",
                "số hóa 1.180 hồ sơ",
                "Thanh tra Sở",
                "Toàn cơ quan",
            ],
        );
        let hidden = self.get(&format!("{round}/consolidated"), &self.cv).await;
        assert_eq!(hidden.status, StatusCode::NOT_FOUND);
        let form = format!(
            "field_key=tthc.tthc_don_gian_hoa&value=7&note={}",
            enc("Theo quyết định công bố")
        );
        let dept = self
            .post(&format!("{round}/figures"), &self.dm, &form)
            .await;
        assert_eq!(dept.status, StatusCode::SEE_OTHER, "{}", dept.body);
        let c = self.get(&format!("{round}/consolidated"), &self.dm).await;
        self.has(&c, &["Lý do: Theo quyết định công bố", "Người dùng dm.syt"]);

        let ask = self.get(&format!("{round}/close"), &self.dm).await;
        self.has(
            &ask,
            &[
                "Xác nhận đóng kỳ báo cáo",
                "Còn 2 đơn vị chưa được tiếp nhận báo cáo.",
            ],
        );
        let view = self
            .web
            .t
            .app
            .report_round(&self.f.coordinator, self.round)
            .await;
        let v = format!("version={}", view.unwrap().round.version);
        let closed = self.post(&format!("{round}/close"), &self.dm, &v).await;
        assert_eq!(closed.status, StatusCode::SEE_OTHER, "{}", closed.body);
        let page = self.get(closed.location(), &self.dm).await;
        self.has(&page, &["Đã đóng kỳ báo cáo.", "Đã đóng"]);
        assert!(
            !page.body.contains("/close\""),
            "no close button on a closed round"
        );
    }
}

#[tokio::test]
async fn a_report_goes_from_draft_to_locked_through_the_pages() {
    for web in webs().await {
        let flow = open(&web).await;
        flow.others_see_nothing().await;
        flow.write().await;
        flow.correct_a_figure().await;
        flow.submit_and_return().await;
        flow.resubmit_and_compare().await;
        flow.accept_and_lock().await;
        flow.overviews_and_close().await;
    }
}
