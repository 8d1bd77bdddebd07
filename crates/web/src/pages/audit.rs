//! The audit log viewer, with filters and pagination.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use chrono::{Duration, NaiveTime};
use serde::Deserialize;

use cchc_domain::audit::{ACTIONS, ENTITIES, action_label, entity_label};
use cchc_store::audit::AuditFilter;

use super::{opt_date, opt_text};
use crate::AppState;
use crate::auth::PageUser;
use crate::views::{Chrome, PageError, Pager, datetime_vn, render};

const PER_PAGE: i64 = 50;

#[derive(Deserialize, Default)]
pub struct FilterForm {
    #[serde(default)]
    entity: String,
    #[serde(default)]
    entity_id: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    page: Option<i64>,
}

impl FilterForm {
    /// Dates are Vietnamese calendar days (UTC+7); `to` includes the whole day.
    pub fn to_filter(&self) -> AuditFilter {
        let start_of =
            |d: chrono::NaiveDate| d.and_time(NaiveTime::MIN).and_utc() - Duration::hours(7);
        AuditFilter {
            entity_type: opt_text(&self.entity),
            entity_id: opt_text(&self.entity_id),
            action: opt_text(&self.action),
            actor_user_id: None,
            from: opt_date(&self.from).map(start_of),
            to: opt_date(&self.to).map(|d| start_of(d) + Duration::days(1)),
        }
    }

    fn query_string(&self) -> String {
        [
            ("entity", &self.entity),
            ("entity_id", &self.entity_id),
            ("action", &self.action),
            ("from", &self.from),
            ("to", &self.to),
        ]
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| {
            format!(
                "{k}={}",
                v.chars()
                    .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                    .collect::<String>()
            )
        })
        .collect::<Vec<_>>()
        .join("&")
    }
}

pub struct Row {
    at: String,
    actor: String,
    action: String,
    entity: String,
    entity_id: String,
    summary: String,
    before: String,
    after: String,
    ip: String,
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    chrome: Chrome,
    filter: FilterForm,
    query: String,
    rows: Vec<Row>,
    pager: Pager,
    entities: Vec<(&'static str, &'static str)>,
    actions: Vec<(&'static str, &'static str)>,
}

fn pretty(value: &Option<serde_json::Value>) -> String {
    value
        .as_ref()
        .and_then(|v| serde_json::to_string_pretty(v).ok())
        .unwrap_or_default()
}

pub async fn list(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Query(f): Query<FilterForm>,
) -> Result<Response, PageError> {
    let page = state
        .app
        .audit_log(&actor, &f.to_filter(), f.page.unwrap_or(1), PER_PAGE)
        .await?;
    let rows = page
        .entries
        .iter()
        .map(|e| Row {
            at: datetime_vn(e.at),
            actor: e.actor_name.clone(),
            action: action_label(&e.action).to_string(),
            entity: entity_label(&e.entity_type).to_string(),
            entity_id: e.entity_id.clone(),
            summary: e.summary.clone(),
            before: pretty(&e.before),
            after: pretty(&e.after),
            ip: e.ip.clone().unwrap_or_default(),
        })
        .collect();
    Ok(render(&AuditPage {
        chrome: Chrome::new(&actor, "/audit", "Nhật ký hệ thống"),
        query: f.query_string(),
        pager: Pager::new(page.page, page.per_page, page.total),
        rows,
        entities: ENTITIES.to_vec(),
        actions: ACTIONS.to_vec(),
        filter: f,
    }))
}
