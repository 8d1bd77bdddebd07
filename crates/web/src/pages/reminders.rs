//! Reminders for coordinators and administrators: the log of reminders sent,
//! and the coordinator's form to remind chosen units.

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use cchc_app::AppError;
use cchc_app::reminders::{AdhocReminder, AdhocReport, EmailStatus, ReminderQuery};
use cchc_domain::ValidationErrors;
use cchc_domain::actor::Actor;
use cchc_domain::reminders::ReminderKind;
use cchc_domain::roles::Role;

use super::{opt_date, opt_text};
use crate::AppState;
use crate::auth::PageUser;
use crate::error::status_of;
use crate::views::{Chrome, PageError, Pager, date_vn, datetime_vn, render};

const PER_PAGE: i64 = 50;

#[derive(Deserialize)]
pub struct LogQuery {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    day: String,
    #[serde(default)]
    page: Option<i64>,
}

pub struct Row {
    day: String,
    at: String,
    unit: String,
    kind: &'static str,
    items: i64,
    recipients: i64,
    email: &'static str,
    email_to: String,
    sender: String,
    message: String,
}

#[derive(Template)]
#[template(path = "reminders/list.html")]
struct ListPage {
    chrome: Chrome,
    rows: Vec<Row>,
    pager: Pager,
    kind: String,
    day: String,
    query: String,
    kinds: Vec<(&'static str, &'static str)>,
    can_send: bool,
}

/// `GET /reminders`
pub async fn list(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Query(q): Query<LogQuery>,
) -> Result<Response, PageError> {
    let query = ReminderQuery {
        kind: opt_text(&q.kind),
        day: opt_date(&q.day),
        unit_id: None,
    };
    let page = state
        .app
        .reminder_log(&actor, &query, q.page.unwrap_or(1), PER_PAGE)
        .await?;
    let rows = page
        .rows
        .into_iter()
        .map(|r| Row {
            day: date_vn(r.day),
            at: datetime_vn(r.created_at),
            unit: r.unit_name,
            kind: ReminderKind::parse(&r.kind).map_or("", ReminderKind::label),
            items: r.items_count,
            recipients: r.recipients,
            email: EmailStatus::label_of(&r.email_status),
            email_to: r.email_to,
            sender: r.sender_name.unwrap_or_else(|| "Tự động".into()),
            message: r.message,
        })
        .collect();
    let query = [("kind", &q.kind), ("day", &q.day)]
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| {
            format!(
                "{k}={}",
                v.replace(|c: char| !c.is_ascii_alphanumeric() && c != '_', "-")
            )
        })
        .collect::<Vec<_>>()
        .join("&");
    Ok(render(&ListPage {
        chrome: Chrome::new(&actor, "/reminders", "Nhật ký nhắc việc"),
        pager: Pager::new(page.page, page.per_page, page.total),
        rows,
        kinds: ReminderKind::ALL
            .iter()
            .map(|k| (k.code(), k.label()))
            .collect(),
        can_send: actor.has_role(Role::Coordinator),
        query,
        kind: q.kind,
        day: q.day,
    }))
}

pub struct UnitOption {
    id: i64,
    name: String,
    checked: bool,
}

#[derive(Template)]
#[template(path = "reminders/form.html")]
struct FormPage {
    chrome: Chrome,
    units: Vec<UnitOption>,
    message: String,
    item_ids: Vec<i64>,
    errors: ValidationErrors,
    problem: Option<String>,
}

/// The form's fields: repeated `unit_id` and `item_id`, and `message`.
struct Fields {
    unit_ids: Vec<i64>,
    item_ids: Vec<i64>,
    message: String,
}

impl Fields {
    fn from_pairs(pairs: &[(String, String)]) -> Fields {
        let ids = |key: &str| {
            pairs
                .iter()
                .filter(|(k, _)| k == key)
                .filter_map(|(_, v)| v.trim().parse().ok())
                .collect()
        };
        Fields {
            unit_ids: ids("unit_id"),
            item_ids: ids("item_id"),
            message: pairs
                .iter()
                .find(|(k, _)| k == "message")
                .map(|(_, v)| v.clone())
                .unwrap_or_default(),
        }
    }
}

async fn form_page(
    state: &AppState,
    actor: &Actor,
    fields: Fields,
    errors: ValidationErrors,
    problem: Option<String>,
) -> Result<FormPage, PageError> {
    let units = state
        .app
        .reminder_units(actor)
        .await?
        .into_iter()
        .map(|u| UnitOption {
            checked: fields.unit_ids.contains(&u.id),
            id: u.id,
            name: u.name,
        })
        .collect();
    Ok(FormPage {
        chrome: Chrome::new(actor, "/reminders/new", "Gửi nhắc việc"),
        units,
        message: fields.message,
        item_ids: fields.item_ids,
        errors,
        problem,
    })
}

/// `GET /reminders/new` (`?unit_id=…&item_id=…` preselect units and tasks).
pub async fn new_form(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let page = form_page(
        &state,
        &actor,
        Fields::from_pairs(&pairs),
        ValidationErrors::default(),
        None,
    )
    .await?;
    Ok(render(&page))
}

#[derive(Template)]
#[template(path = "reminders/sent.html")]
struct SentPage {
    chrome: Chrome,
    report: AdhocReport,
}

/// `POST /reminders`: sends, then shows what went where.
pub async fn create(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let fields = Fields::from_pairs(&pairs);
    let input = AdhocReminder {
        unit_ids: fields.unit_ids.clone(),
        message: fields.message.clone(),
        item_ids: fields.item_ids.clone(),
    };
    match state.app.send_reminder(&actor, input).await {
        Ok(report) => Ok(render(&SentPage {
            chrome: Chrome::new(&actor, "/reminders/new", "Đã gửi nhắc việc"),
            report,
        })),
        Err(AppError::Validation(errors)) => {
            let status = status_of(&AppError::Validation(errors.clone()));
            let page = form_page(&state, &actor, fields, errors, None).await?;
            Ok((status, render(&page)).into_response())
        }
        Err(error @ AppError::Duplicate(_)) => {
            let status = status_of(&error);
            let page = form_page(
                &state,
                &actor,
                fields,
                ValidationErrors::default(),
                Some(error.to_string()),
            )
            .await?;
            Ok((status, render(&page)).into_response())
        }
        Err(error) => Err(error.into()),
    }
}
