use axum::body::Body;
use axum::http::{Method, Request, StatusCode};

use crate::support::webs;

#[tokio::test]
async fn cross_site_form_posts_are_rejected() {
    let web = webs().await.remove(0);
    for (header, value) in [
        ("sec-fetch-site", "cross-site"),
        ("origin", "https://evil.example"),
    ] {
        let request = Request::builder()
            .method(Method::POST)
            .uri("/login")
            .header("host", "127.0.0.1:8080")
            .header(header, value)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from("username=a&password=b"))
            .unwrap();
        assert_eq!(
            web.send(request).await.status,
            StatusCode::FORBIDDEN,
            "{header}: {value}"
        );
    }
    // Same-origin posts pass the check (and fail only on the wrong password).
    let r = web
        .page(Method::POST, "/login", None, Some("username=a&password=b"))
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn pages_carry_security_headers_and_session_cookie_flags() {
    let web = webs().await.remove(0);
    let r = web.page(Method::GET, "/login", None, None).await;
    let csp = r.headers["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("script-src 'self';") && csp.contains("frame-ancestors 'none'"),
        "{csp}"
    );
    assert!(!csp.contains("unsafe-inline"));
    assert_eq!(r.headers["x-content-type-options"], "nosniff");
    assert_eq!(r.headers["referrer-policy"], "same-origin");
    assert!(
        !r.body.contains("<script>") && !r.body.contains("onclick"),
        "no inline scripts"
    );

    let o = cchc_testkit::org::build(&web.t.app).await;
    cchc_testkit::org::user(
        &web.t.app,
        "cv",
        cchc_domain::roles::Role::Staff,
        Some(o.inside),
        None,
    )
    .await;
    let login = web
        .page(
            Method::POST,
            "/login",
            None,
            Some(&format!(
                "username=cv&password={}",
                cchc_testkit::org::PASSWORD
            )),
        )
        .await;
    let cookie = login.headers["set-cookie"].to_str().unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
}

#[tokio::test]
async fn oversized_bodies_are_refused() {
    let web = webs().await.remove(0);
    let big = "x".repeat(3 * 1024 * 1024);
    let r = web
        .page(
            Method::POST,
            "/login",
            None,
            Some(&format!("username={big}&password=b")),
        )
        .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn health_and_static_assets() {
    let web = webs().await.remove(0);
    let h = web.page(Method::GET, "/healthz", None, None).await;
    assert_eq!((h.status, h.body.as_str()), (StatusCode::OK, "ok"));
    let css = web.page(Method::GET, "/static/app.css", None, None).await;
    assert_eq!(css.headers["content-type"], "text/css; charset=utf-8");
    let js = web
        .page(Method::GET, "/static/htmx.min.js", None, None)
        .await;
    assert!(js.body.contains("htmx"));
    assert_eq!(
        web.page(Method::GET, "/static/../Cargo.toml", None, None)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}
