use axum::http::{Method, StatusCode};

use cchc_domain::roles::Role;
use cchc_testkit::org;

use crate::support::{enc, webs};

#[tokio::test]
async fn login_page_flow_and_logout() {
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
        let home = web.page(Method::GET, "/units?q=abc", None, None).await;
        assert_eq!(home.status, StatusCode::SEE_OTHER);
        assert_eq!(home.location(), "/login?next=/units%3Fq%3Dabc");

        let form = web
            .page(Method::GET, "/login?next=/units", None, None)
            .await;
        assert!(form.body.contains("Đăng nhập") && form.body.contains("value=\"/units\""));
        let wrong = web
            .page(
                Method::POST,
                "/login",
                None,
                Some("username=cv&password=sai&next=/units"),
            )
            .await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
        assert!(
            wrong
                .body
                .contains("Tên đăng nhập hoặc mật khẩu không đúng."),
            "{}",
            web.t.db.name
        );

        let ok = web
            .page(
                Method::POST,
                "/login",
                None,
                Some(&format!(
                    "username=cv&password={}&next=/units",
                    org::PASSWORD
                )),
            )
            .await;
        assert_eq!(ok.location(), "/units");
        let session = ok.session_cookie().expect("cookie");
        let page = web.page(Method::GET, "/", Some(&session), None).await;
        assert!(page.body.contains("Xin chào, Người dùng cv"));
        assert!(
            page.body.contains("Chuyên viên")
                && page.body.contains("Văn phòng Sở và các đơn vị trực thuộc")
        );

        // An open redirect through ?next= is not possible.
        let evil = web
            .page(
                Method::POST,
                "/login",
                None,
                Some(&format!(
                    "username=cv&password={}&next=//evil.example",
                    org::PASSWORD
                )),
            )
            .await;
        assert_eq!(evil.location(), "/");

        let out = web
            .page(Method::POST, "/logout", Some(&session), Some(""))
            .await;
        assert_eq!(out.location(), "/login");
        assert_eq!(
            web.page(Method::GET, "/", Some(&session), None)
                .await
                .status,
            StatusCode::SEE_OTHER
        );
    }
}

#[tokio::test]
async fn unit_tree_search_create_and_conflict() {
    for web in webs().await {
        let o = org::build(&web.t.app).await;
        org::user(&web.t.app, "qt", Role::Admin, None, None).await;
        let s = web.session("qt").await;
        let tree = web
            .page(Method::GET, "/units?q=van+phong", Some(&s), None)
            .await;
        assert!(
            tree.body.contains("Văn phòng Sở") && !tree.body.contains("Thanh tra Sở"),
            "{}",
            web.t.db.name
        );
        let none = web
            .page(Method::GET, "/units?q=khong+co", Some(&s), None)
            .await;
        assert!(
            none.body
                .contains("Không có đơn vị nào khớp với “khong co”")
        );

        let bad = web
            .page(
                Method::POST,
                "/units",
                Some(&s),
                Some("code=&name=&kind=division&valid_from=2024-01-01"),
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.body.contains("Mã đơn vị không được để trống."));

        let form = format!(
            "code=PC&name={}&kind=division&parent_id={}&valid_from=2024-01-01&aliases={}",
            enc("Phòng Pháp chế"),
            o.root,
            enc("PC; Pháp chế")
        );
        let made = web
            .page(Method::POST, "/units", Some(&s), Some(&form))
            .await;
        assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
        let shown = web.page(Method::GET, made.location(), Some(&s), None).await;
        assert!(
            shown.body.contains("Đã tạo mới thành công.") && shown.body.contains("PC; Pháp chế")
        );
        assert!(
            shown.body.contains("01/01/2024"),
            "dates shown as dd/mm/yyyy"
        );

        let id = made
            .location()
            .trim_start_matches("/units/")
            .split('?')
            .next()
            .unwrap()
            .to_string();
        let edit = format!(
            "version=1&code=PC&name={}&kind=division&parent_id={}&valid_from=2024-01-01",
            enc("Phòng Pháp chế mới"),
            o.root
        );
        assert_eq!(
            web.page(Method::POST, &format!("/units/{id}"), Some(&s), Some(&edit))
                .await
                .status,
            StatusCode::SEE_OTHER
        );
        let stale = web
            .page(Method::POST, &format!("/units/{id}"), Some(&s), Some(&edit))
            .await;
        assert_eq!(stale.status, StatusCode::CONFLICT);
        assert!(stale.body.contains("đã được người khác thay đổi"));
    }
}

#[tokio::test]
async fn user_pages_create_edit_and_audit_trail() {
    for web in webs().await {
        let o = org::build(&web.t.app).await;
        org::user(&web.t.app, "qt", Role::Admin, None, None).await;
        let s = web.session("qt").await;
        let form = format!(
            "username=binh&full_name={}&password=mat-khau-123&unit_id={1}&role_0=leader&scope_0={1}&role_1=&scope_1=all",
            enc("Trần Bình"),
            o.inside
        );
        let made = web
            .page(Method::POST, "/users", Some(&s), Some(&form))
            .await;
        assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
        let list = web
            .page(Method::GET, "/users?q=tran+binh", Some(&s), None)
            .await;
        assert!(
            list.body.contains("Trần Bình") && list.body.contains("Lãnh đạo đơn vị (Văn phòng Sở)"),
            "{}",
            web.t.db.name
        );

        let dup = web
            .page(Method::POST, "/users", Some(&s), Some(&form))
            .await;
        assert_eq!(dup.status, StatusCode::CONFLICT);
        assert!(dup.body.contains("Tên đăng nhập này đã có người dùng."));

        let audit = web
            .page(Method::GET, "/audit?entity=user", Some(&s), None)
            .await;
        assert!(audit.body.contains("Tạo người dùng binh (Trần Bình)"));
        assert!(audit.body.contains("Chi tiết thay đổi"));
    }
}

#[tokio::test]
async fn forbidden_pages_say_so_in_vietnamese() {
    let web = webs().await.remove(0);
    let o = org::build(&web.t.app).await;
    org::user(&web.t.app, "cv", Role::Staff, Some(o.inside), None).await;
    let s = web.session("cv").await;
    let r = web.page(Method::GET, "/audit", Some(&s), None).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(
        r.body.contains("Không có quyền truy cập")
            && r.body
                .contains("Bạn không có quyền thực hiện thao tác này.")
    );
    let nav = web.page(Method::GET, "/", Some(&s), None).await;
    assert!(
        !nav.body.contains("href=\"/audit\""),
        "staff do not see admin links"
    );
}

/// A plan too large to show whole: a section bar, pages of a section with
/// their heading repeated, and the progress tables on every page.
#[tokio::test]
async fn a_large_plan_is_shown_by_section_and_page() {
    use cchc_domain::plans::{ItemDraft, PlanDraft};
    use cchc_testkit::plans::{coordinator, task};
    for w in webs().await {
        let app = &w.t.app;
        let o = org::build(app).await;
        org::user(app, "dm", Role::Coordinator, None, Some(o.inside)).await;
        let dm = w.session("dm").await;
        let c = coordinator();
        let plan = app
            .create_plan(
                &c,
                PlanDraft {
                    title: "Kế hoạch nhiều nhiệm vụ".into(),
                    issuing_unit_id: Some(o.root),
                    first_year: Some(2026),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        let mut sections = Vec::new();
        for (n, title) in ["CẢI CÁCH THỂ CHẾ", "CẢI CÁCH TTHC"]
            .into_iter()
            .enumerate()
        {
            let section = ItemDraft {
                kind: "section".into(),
                number: ["I", "II"][n].into(),
                content: title.into(),
                ..Default::default()
            };
            let s = app.create_item(&c, plan.id, section).await.unwrap();
            for i in 0..160 {
                let mut t = task(&format!("Việc {n}-{i}"), &[o.inside], &[], "", "");
                t.parent_id = Some(s.id);
                t.number = format!("{}.", i + 1);
                app.create_item(&c, plan.id, t).await.unwrap();
            }
            sections.push(s.id);
        }
        let first = w
            .page(Method::GET, &format!("/plans/{}", plan.id), Some(&dm), None)
            .await;
        assert_eq!(first.status, StatusCode::OK, "{}", first.body);
        let body = &first.body;
        assert!(body.contains("hiển thị theo từng phần"), "section bar");
        assert!(body.contains("Việc 0-98") && !body.contains("Việc 0-99<"));
        assert!(body.contains("161 mục trong phần này · trang 1/2"));
        let next = format!("/plans/{}?section={}&amp;page=2", plan.id, sections[0]);
        assert!(body.contains(&next), "link to page 2");
        assert!(body.contains("Tiến độ thực hiện"), "progress on the page");

        let second = w
            .page(
                Method::GET,
                &format!("/plans/{}?section={}&page=2", plan.id, sections[0]),
                Some(&dm),
                None,
            )
            .await;
        assert_eq!(second.status, StatusCode::OK);
        let body = &second.body;
        assert!(body.contains("CẢI CÁCH THỂ CHẾ <em>(tiếp theo)</em>"));
        assert!(body.contains("Việc 0-99<") && body.contains("Việc 0-159<"));
        assert!(!body.contains("Việc 1-0<"), "not the next section");
        assert!(body.contains("trang 2/2") && body.contains("Trang trước"));

        // The unit's 320 tasks have no dates yet: "my unit" shows the first
        // 200 and says there are more.
        org::user(app, "cv", Role::Staff, Some(o.inside), Some(o.inside)).await;
        let cv = w.session("cv").await;
        let my = w.page(Method::GET, "/my", Some(&cv), None).await;
        assert_eq!(my.status, StatusCode::OK);
        assert!(my.body.contains(">200+</span>"), "count of a cut list");
        assert!(my.body.contains("href=\"/work?undated=true\""));
        assert!(my.body.contains(">0</span>"), "nothing overdue");
    }
}
