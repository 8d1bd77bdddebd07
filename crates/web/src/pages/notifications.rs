//! The user's notifications: the list (newest first), marking read, and the
//! unread count the header's bell loads.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::AppState;
use crate::auth::PageUser;
use crate::views::{Chrome, PageError, Pager, datetime_vn, render};

const PER_PAGE: i64 = 20;

/// A piece of a notification's text: plain, or a link the text names.
pub struct Segment {
    text: String,
    href: Option<String>,
}

/// Splits text into lines of segments, making app paths (`/tasks/…`, `/my`)
/// and web addresses clickable.
pub fn linkify(body: &str) -> Vec<Vec<Segment>> {
    body.lines()
        .map(|line| {
            let mut out: Vec<Segment> = Vec::new();
            for (i, word) in line.split(' ').enumerate() {
                let link = word.starts_with("/tasks/")
                    || word == "/my"
                    || word.starts_with("https://")
                    || word.starts_with("http://");
                let sep = if i == 0 { "" } else { " " };
                match out.last_mut() {
                    Some(last) if !link && last.href.is_none() => {
                        last.text.push_str(sep);
                        last.text.push_str(word);
                    }
                    _ => {
                        if !sep.is_empty() {
                            out.push(Segment {
                                text: sep.into(),
                                href: None,
                            });
                        }
                        out.push(Segment {
                            text: word.into(),
                            href: link.then(|| word.to_string()),
                        });
                    }
                }
            }
            out
        })
        .collect()
}

pub struct Row {
    id: i64,
    title: String,
    lines: Vec<Vec<Segment>>,
    link: String,
    at: String,
    unread: bool,
}

#[derive(Template)]
#[template(path = "notifications/list.html")]
struct ListPage {
    chrome: Chrome,
    rows: Vec<Row>,
    pager: Pager,
    unread: i64,
    unread_only: bool,
}

#[derive(Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    page: Option<i64>,
    #[serde(default)]
    unread: Option<String>,
    #[serde(default)]
    ok: Option<String>,
}

/// `GET /notifications`
pub async fn list(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Query(q): Query<ListQuery>,
) -> Result<Response, PageError> {
    let unread_only = q.unread.as_deref() == Some("1");
    let page = state
        .app
        .notifications(&actor, unread_only, q.page.unwrap_or(1), PER_PAGE)
        .await?;
    let rows = page
        .items
        .into_iter()
        .map(|n| Row {
            id: n.id,
            lines: linkify(&n.body),
            title: n.title,
            link: n.link,
            at: datetime_vn(n.created_at),
            unread: n.read_at.is_none(),
        })
        .collect();
    Ok(render(&ListPage {
        chrome: Chrome::new(&actor, "/notifications", "Thông báo").with_notice(q.ok.as_deref()),
        rows,
        pager: Pager::new(page.page, page.per_page, page.total),
        unread: page.unread,
        unread_only,
    }))
}

/// `POST /notifications/{id}/read`
pub async fn mark_read(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    state.app.mark_notification_read(&actor, id).await?;
    Ok(Redirect::to("/notifications").into_response())
}

/// `POST /notifications/read-all`
pub async fn mark_all_read(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
) -> Result<Response, PageError> {
    state.app.mark_all_notifications_read(&actor).await?;
    Ok(Redirect::to("/notifications?ok=read").into_response())
}

/// `GET /notifications/unread`: the bell's badge, loaded by htmx after the page.
pub async fn unread_badge(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
) -> Result<Response, PageError> {
    let n = state.app.unread_notifications(&actor).await?;
    let html = if n == 0 {
        String::new()
    } else {
        let shown = if n > 99 {
            "99+".to_string()
        } else {
            n.to_string()
        };
        format!("<span class=\"bell-count\" title=\"{n} thông báo chưa đọc\">{shown}</span>")
    };
    Ok(([(header::CACHE_CONTROL, "no-store")], Html(html)).into_response())
}

#[cfg(test)]
mod tests {
    #[test]
    fn links_app_paths_and_addresses() {
        let lines = super::linkify("Chi tiết: /tasks/7 nhé\nXem https://a.vn/my");
        let first: Vec<(&str, Option<&str>)> = lines[0]
            .iter()
            .map(|s| (s.text.as_str(), s.href.as_deref()))
            .collect();
        assert_eq!(
            first,
            vec![
                ("Chi tiết:", None),
                (" ", None),
                ("/tasks/7", Some("/tasks/7")),
                (" ", None),
                ("nhé", None)
            ]
        );
        assert_eq!(lines[1][2].href.as_deref(), Some("https://a.vn/my"));
    }
}
