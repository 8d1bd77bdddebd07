//! Login and logout pages.

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::Cookie;
use serde::Deserialize;

use crate::AppState;
use crate::auth::{ClientIp, SESSION_COOKIE, session_cookie, session_token};
use crate::views::render;

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    error: Option<String>,
    username: String,
    next: String,
}

#[derive(Deserialize, Default)]
pub struct NextQuery {
    #[serde(default)]
    next: String,
}

/// Only paths on this site, so the login page cannot send users elsewhere.
fn safe_next(next: &str) -> String {
    if next.starts_with('/') && !next.starts_with("//") && !next.starts_with("/\\") {
        next.to_string()
    } else {
        "/".into()
    }
}

pub async fn form(Query(q): Query<NextQuery>) -> Response {
    render(&LoginPage {
        error: None,
        username: String::new(),
        next: safe_next(&q.next),
    })
}

#[derive(Deserialize)]
pub struct LoginForm {
    username: String,
    password: String,
    #[serde(default)]
    next: String,
}

pub async fn submit(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    jar: CookieJar,
    headers: HeaderMap,
    Form(f): Form<LoginForm>,
) -> Response {
    let agent = headers.get("user-agent").and_then(|v| v.to_str().ok());
    match state.app.login(&f.username, &f.password, &ip, agent).await {
        Ok(token) => {
            let jar = jar.add(session_cookie(token, state.config.secure_cookies));
            (jar, Redirect::to(&safe_next(&f.next))).into_response()
        }
        Err(error) => {
            let page = LoginPage {
                error: Some(error.to_string()),
                username: f.username,
                next: safe_next(&f.next),
            };
            (crate::error::status_of(&error), render(&page)).into_response()
        }
    }
}

pub async fn logout(
    State(state): State<AppState>,
    _user: crate::auth::PageUser,
    ClientIp(ip): ClientIp,
    jar: CookieJar,
) -> Response {
    if let Some(token) = session_token(&jar)
        && let Err(error) = state.app.logout(&token, Some(&ip)).await
    {
        tracing::warn!(%error, "logout failed");
    }
    let jar = jar.remove(Cookie::build(SESSION_COOKIE).path("/"));
    (jar, Redirect::to("/login")).into_response()
}
