//! The task page: occurrences and each unit's report, the forms to report,
//! confirm, return and date, evidence upload and download, and the history.

use askama::Template;
use axum::Form;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use cchc_app::AppError;
use cchc_app::tracking::{MAX_EVIDENCE_BYTES, TaskView};
use cchc_domain::plans::{TaskRole, format_budget};
use cchc_domain::tracking::{Review, Status, StatusUpdate};

use super::date_input;
use crate::AppState;
use crate::auth::PageUser;
use crate::views::{Chrome, NoticeQuery, PageError, datetime_vn, opt_date_vn, render};

/// What the template needs per unit row, already formatted.
pub struct RowCard {
    pub id: i64,
    pub version: i64,
    pub unit_name: String,
    pub lead: bool,
    pub status: String,
    pub status_label: &'static str,
    pub progress: i64,
    pub result: String,
    pub achieved: String,
    pub target_met: Option<bool>,
    pub reason: String,
    pub completed_on: String,
    pub review: &'static str,
    pub review_code: String,
    pub review_comment: String,
    pub can_report: bool,
    pub can_confirm: bool,
    pub can_return: bool,
    pub evidence: Vec<(i64, String, String, String)>,
}

pub struct OccCard {
    pub id: i64,
    pub version: i64,
    pub label: String,
    pub due: String,
    pub overdue: bool,
    pub decision: Option<&'static str>,
    pub event: Option<String>,
    pub rows: Vec<RowCard>,
}

#[derive(Template)]
#[template(path = "tasks/show.html")]
struct ShowPage {
    chrome: Chrome,
    view: TaskView,
    lead: String,
    cooperating: String,
    schedule: String,
    budget: String,
    targets: Vec<(String, String)>,
    occurrences: Vec<OccCard>,
    history: Vec<(String, String, String, String)>,
    statuses: Vec<(&'static str, &'static str)>,
    max_mb: usize,
    error: Option<String>,
}

fn action_label(action: &str) -> &'static str {
    match action {
        "report" => "Báo cáo kết quả",
        "confirm" => "Xác nhận hoàn thành",
        "return" => "Trả lại báo cáo",
        "upload" => "Tải lên tài liệu",
        "remove" => "Gỡ tài liệu",
        _ => "Cập nhật",
    }
}

fn page(
    actor: &cchc_domain::actor::Actor,
    view: TaskView,
    today: chrono::NaiveDate,
    error: Option<String>,
) -> ShowPage {
    let names = |role: TaskRole| {
        view.item
            .unit_ids(role)
            .iter()
            .filter_map(|u| view.unit_names.get(u).cloned())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let occurrences = view
        .occurrences
        .iter()
        .map(|o| OccCard {
            id: o.occurrence.id,
            version: o.occurrence.version,
            label: o.occurrence.label.clone(),
            due: opt_date_vn(o.occurrence.due_on),
            overdue: o.occurrence.due_on.is_some_and(|d| d < today)
                && o.rows
                    .iter()
                    .any(|r| !Status::parse(&r.row.status).is_some_and(Status::is_final)),
            decision: o.decision_message,
            event: o
                .occurrence
                .event_label
                .clone()
                .filter(|_| o.occurrence.due_on.is_none()),
            rows: o
                .rows
                .iter()
                .map(|r| {
                    let status = Status::parse(&r.row.status).unwrap_or(Status::NotStarted);
                    RowCard {
                        id: r.row.id,
                        version: r.row.version,
                        unit_name: r.unit_name.clone(),
                        lead: r.row.task_role() == TaskRole::Lead,
                        status: status.code().into(),
                        status_label: status.label(),
                        progress: r.row.progress_pct,
                        result: r.row.result_text.clone(),
                        achieved: r
                            .row
                            .achieved_value
                            .map(|v| v.to_string())
                            .unwrap_or_default(),
                        target_met: r.target_met,
                        reason: r.row.reason.clone(),
                        completed_on: opt_date_vn(r.row.completed_on),
                        review: Review::parse(&r.row.review).unwrap_or(Review::None).label(),
                        review_code: r.row.review.clone(),
                        review_comment: r.row.review_comment.clone(),
                        can_report: r.can_report,
                        can_confirm: r.can_confirm,
                        can_return: r.can_return,
                        evidence: view
                            .evidence
                            .iter()
                            .filter(|e| e.tracking_id == r.row.id)
                            .map(|e| {
                                (
                                    e.id,
                                    e.file_name.clone(),
                                    e.uploader_name.clone(),
                                    datetime_vn(e.uploaded_at),
                                )
                            })
                            .collect(),
                    }
                })
                .collect(),
        })
        .collect();
    let history = view
        .events
        .iter()
        .map(|e| {
            (
                datetime_vn(e.at),
                e.actor_name.clone(),
                action_label(&e.action).to_string(),
                e.note.clone(),
            )
        })
        .collect();
    ShowPage {
        chrome: Chrome::new(actor, "/plans", format!("Nhiệm vụ {}", view.item.number)),
        lead: names(TaskRole::Lead),
        cooperating: names(TaskRole::Cooperating),
        schedule: view.item.schedule().source_text(),
        budget: view.item.budget_vnd.map(format_budget).unwrap_or_default(),
        targets: view
            .target
            .parts
            .iter()
            .map(|p| {
                let m = p
                    .measure
                    .as_ref()
                    .map(|m| format!("{} {} {}", m.comparator.label(), m.value, m.unit))
                    .unwrap_or_default();
                (p.text.clone(), m)
            })
            .collect(),
        occurrences,
        history,
        statuses: Status::ALL.iter().map(|s| (s.code(), s.label())).collect(),
        max_mb: MAX_EVIDENCE_BYTES / 1024 / 1024,
        error,
        view,
    }
}

pub async fn show(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, PageError> {
    let view = state.app.task(&actor, id).await?;
    let mut p = page(&actor, view, state.app.today(), None);
    p.chrome = p.chrome.with_notice(q.ok.as_deref());
    Ok(render(&p))
}

/// Shows the task again with the error of a rejected form.
async fn rejected(
    state: &AppState,
    actor: &cchc_domain::actor::Actor,
    item_id: i64,
    error: AppError,
) -> Result<Response, PageError> {
    let (status, errors) = super::form_errors(error)?;
    let view = state.app.task(actor, item_id).await?;
    let p = page(actor, view, state.app.today(), Some(errors.summary()));
    Ok((status, render(&p)).into_response())
}

#[derive(Deserialize, Default)]
pub struct ReportForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    progress_pct: String,
    #[serde(default)]
    result_text: String,
    #[serde(default)]
    achieved_value: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    completed_on: String,
}

pub async fn report(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
    Form(f): Form<ReportForm>,
) -> Result<Response, PageError> {
    let item_id = state.app.item_of_tracking(&actor, id).await?;
    let version = f.version.trim().parse().unwrap_or(0);
    let result = match date_input("completed_on", &f.completed_on) {
        Ok(completed_on) => {
            let update = StatusUpdate {
                status: f.status,
                progress_pct: f.progress_pct.trim().parse().ok(),
                result_text: f.result_text,
                achieved_value: f.achieved_value.trim().replace(',', ".").parse().ok(),
                reason: f.reason,
                completed_on,
            };
            state.app.report(&actor, id, version, update).await
        }
        Err(e) => Err(e.into()),
    };
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/tasks/{item_id}?ok=reported")).into_response()),
        Err(error) => rejected(&state, &actor, item_id, error).await,
    }
}

#[derive(Deserialize, Default)]
pub struct ReviewForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    comment: String,
}

pub async fn confirm(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
    Form(f): Form<ReviewForm>,
) -> Result<Response, PageError> {
    let item_id = state.app.item_of_tracking(&actor, id).await?;
    let version = f.version.trim().parse().unwrap_or(0);
    match state.app.confirm(&actor, id, version).await {
        Ok(_) => Ok(Redirect::to(&format!("/tasks/{item_id}?ok=confirmed")).into_response()),
        Err(error) => rejected(&state, &actor, item_id, error).await,
    }
}

pub async fn send_back(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
    Form(f): Form<ReviewForm>,
) -> Result<Response, PageError> {
    let item_id = state.app.item_of_tracking(&actor, id).await?;
    let version = f.version.trim().parse().unwrap_or(0);
    match state.app.send_back(&actor, id, version, &f.comment).await {
        Ok(_) => Ok(Redirect::to(&format!("/tasks/{item_id}?ok=returned")).into_response()),
        Err(error) => rejected(&state, &actor, item_id, error).await,
    }
}

#[derive(Deserialize, Default)]
pub struct DueForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    due_on: String,
    #[serde(default)]
    event_on: String,
}

pub async fn set_due(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
    Form(f): Form<DueForm>,
) -> Result<Response, PageError> {
    let item_id = state.app.item_of_occurrence(&actor, id).await?;
    let version = f.version.trim().parse().unwrap_or(0);
    let dates =
        date_input("due_on", &f.due_on).and_then(|d| Ok((d, date_input("event_on", &f.event_on)?)));
    let result = match dates {
        Ok((due, event)) => state.app.set_due(&actor, id, version, due, event).await,
        Err(e) => Err(e.into()),
    };
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/tasks/{item_id}?ok=saved")).into_response()),
        Err(error) => rejected(&state, &actor, item_id, error).await,
    }
}

pub async fn upload(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Response, PageError> {
    let item_id = state.app.item_of_tracking(&actor, id).await?;
    // Permission before the body: a stranger learns nothing from a bad upload.
    state.app.check_report_right(&actor, id).await?;
    let Ok(mut multipart) = multipart else {
        let e = AppError::validation("file", "Chọn tệp cần tải lên.");
        return rejected(&state, &actor, item_id, e).await;
    };
    let mut file: Option<(String, Vec<u8>)> = None;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) if field.name() == Some("file") => {
                let name = field.file_name().unwrap_or_default().to_string();
                match field.bytes().await {
                    Ok(bytes) => file = Some((name, bytes.to_vec())),
                    Err(_) => {
                        let e = AppError::validation(
                            "file",
                            format!(
                                "Tệp quá lớn hoặc bị lỗi khi tải lên (tối đa {} MB).",
                                MAX_EVIDENCE_BYTES / 1024 / 1024
                            ),
                        );
                        return rejected(&state, &actor, item_id, e).await;
                    }
                }
            }
            Ok(Some(_)) => {}
            Ok(None) => break,
            Err(_) => {
                let e = AppError::validation("file", "Không đọc được tệp tải lên.");
                return rejected(&state, &actor, item_id, e).await;
            }
        }
    }
    let Some((name, bytes)) = file.filter(|(n, _)| !n.is_empty()) else {
        return rejected(
            &state,
            &actor,
            item_id,
            AppError::validation("file", "Chọn tệp cần tải lên."),
        )
        .await;
    };
    match state.app.add_evidence(&actor, id, &name, &bytes).await {
        Ok(_) => Ok(Redirect::to(&format!("/tasks/{item_id}?ok=uploaded")).into_response()),
        Err(error) => rejected(&state, &actor, item_id, error).await,
    }
}

/// `Content-Disposition` with the Vietnamese file name (RFC 6266 / 5987).
pub(crate) fn attachment(name: &str) -> HeaderValue {
    let ascii: String = cchc_domain::text::fold(name)
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_ ".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded = crate::views::percent_encode(name, b"");
    HeaderValue::from_str(&format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static("attachment"))
}

/// An evidence file as a download, for the page and the API.
pub(crate) fn file_response(file: cchc_app::tracking::EvidenceFile) -> Response {
    download_response(&file.meta.content_type, &file.meta.file_name, file.content)
}

/// Bytes as a download under a (Vietnamese) file name.
pub(crate) fn download_response(content_type: &str, file_name: &str, bytes: Vec<u8>) -> Response {
    let content_type = HeaderValue::from_str(content_type)
        .unwrap_or_else(|_| HeaderValue::from_static("application/octet-stream"));
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CONTENT_DISPOSITION, attachment(file_name)),
        ],
        bytes,
    )
        .into_response()
}

pub async fn download(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    Ok(file_response(state.app.evidence_file(&actor, id).await?))
}

pub async fn remove(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let item_id = state.app.remove_evidence(&actor, id).await?;
    Ok(Redirect::to(&format!("/tasks/{item_id}?ok=removed")).into_response())
}
