//! A unit's report: its sections with narratives and figures, the draft saved
//! by a button or by the autosave script (`/static/report-draft.js`), figure
//! corrections, and the versions submitted so far.

use std::collections::BTreeMap;

use askama::Template;
use axum::Form;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use serde_json::json;

use cchc_app::AppError;
use cchc_app::reports::UnitReportView;
use cchc_domain::actor::Actor;
use cchc_domain::reports::{FigureOverrideDraft, ReportStatus, RoundStatus};

use super::sections::{SectionCard, anchor, cards};
use super::{Badge, field, version_of};
use crate::AppState;
use crate::auth::PageUser;
use crate::error::ApiError;
use crate::pages::form_errors;
use crate::views::{Chrome, NoticeQuery, PageError, datetime_hm_vn, opt_date_vn, render, time_vn};

pub struct VersionRow {
    pub number: i64,
    pub submitted_at: String,
    pub submitted_by: String,
    pub outcome: Option<Badge>,
    pub comment: String,
    pub reviewed: String,
}

#[derive(Template)]
#[template(path = "reports/report.html")]
pub(super) struct ReportPage {
    chrome: Chrome,
    id: i64,
    version: i64,
    round_id: i64,
    year: i32,
    round_label: String,
    unit_name: String,
    department_name: String,
    window: String,
    unit_deadline: String,
    status: Badge,
    timeliness: Badge,
    saved: String,
    first_submitted: String,
    submissions: i64,
    review_comment: String,
    reviewed: String,
    returned: bool,
    accepted: bool,
    waiting: bool,
    round_open: bool,
    sections: Vec<SectionCard>,
    editable: bool,
    can_review: bool,
    versions: Vec<VersionRow>,
    error: Option<String>,
    /// The return comment typed before an error.
    comment: String,
}

/// What a rejected form brings back to the page.
#[derive(Default)]
pub(super) struct Extra {
    /// The narratives as typed, shown instead of the saved ones.
    pub texts: Option<BTreeMap<String, String>>,
    pub error: Option<String>,
    pub comment: String,
}

fn by_at(name: &str, at: Option<chrono::DateTime<chrono::Utc>>) -> String {
    match at {
        Some(at) if name.is_empty() => datetime_hm_vn(at),
        Some(at) => format!("{name}, {}", datetime_hm_vn(at)),
        None => String::new(),
    }
}

pub(super) fn report_page(actor: &Actor, view: UnitReportView, extra: Extra) -> ReportPage {
    let r = &view.report;
    let texts = extra.texts.as_ref().unwrap_or(&r.texts);
    let versions = view
        .versions
        .iter()
        .rev()
        .map(|v| VersionRow {
            number: v.number,
            submitted_at: datetime_hm_vn(v.submitted_at),
            submitted_by: v.submitted_by_name.clone(),
            outcome: v.outcome.map(Badge::outcome),
            comment: v.review_comment.clone(),
            reviewed: by_at(&v.reviewed_by_name, v.reviewed_at),
        })
        .collect();
    ReportPage {
        chrome: Chrome::new(
            actor,
            "/reports",
            format!("Báo cáo của {} – {}", view.unit_name, view.round.label),
        ),
        id: r.id,
        version: r.version,
        round_id: view.round.id,
        year: view.round.year,
        window: view.round.window().label(),
        unit_deadline: opt_date_vn(view.round.unit_deadline),
        status: Badge::status(r.status),
        timeliness: Badge::timeliness(view.timeliness),
        saved: by_at(&r.saved_by_name, r.saved_at),
        first_submitted: r.first_submitted_at.map(datetime_hm_vn).unwrap_or_default(),
        submissions: r.submissions,
        review_comment: r.review_comment.clone(),
        reviewed: by_at(&r.reviewed_by_name, r.reviewed_at),
        returned: r.status == ReportStatus::Returned,
        accepted: r.status == ReportStatus::Accepted,
        waiting: r.status == ReportStatus::Submitted,
        round_open: view.round.status == RoundStatus::Open,
        sections: cards(&view.round.outline, texts, &view.figures),
        editable: view.can_edit,
        can_review: view.can_review,
        versions,
        error: extra.error,
        comment: extra.comment,
        round_label: view.round.label,
        unit_name: view.unit_name,
        department_name: view.department_name,
    }
}

/// The report page again with the error of a rejected form.
pub(super) async fn rejected(
    state: &AppState,
    actor: &Actor,
    id: i64,
    error: AppError,
    mut extra: Extra,
) -> Result<Response, PageError> {
    let (status, errors) = form_errors(error)?;
    let view = state.app.unit_report(actor, id).await?;
    extra.error = Some(errors.summary());
    Ok((status, render(&report_page(actor, view, extra))).into_response())
}

/// `GET /reports/{id}`
pub async fn show(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, PageError> {
    let view = state.app.unit_report(&actor, id).await?;
    let mut page = report_page(&actor, view, Extra::default());
    page.chrome = page.chrome.with_notice(q.ok.as_deref());
    Ok(render(&page))
}

/// The draft form: `version`, one `text.<section>.<field>` per narrative,
/// and `next=submit` to go on to submitting.
struct DraftForm {
    version: i64,
    texts: BTreeMap<String, String>,
    then_submit: bool,
}

impl DraftForm {
    fn parse(pairs: &[(String, String)]) -> DraftForm {
        DraftForm {
            version: version_of(field(pairs, "version")),
            texts: pairs
                .iter()
                .filter_map(|(k, v)| k.strip_prefix("text.").map(|k| (k.to_string(), v.clone())))
                .collect(),
            then_submit: field(pairs, "next") == "submit",
        }
    }
}

/// The message when someone else saved the report in between.
fn conflict_message(view: &UnitReportView) -> String {
    let who = if view.report.saved_by_name.is_empty() {
        "người khác".to_string()
    } else {
        view.report.saved_by_name.clone()
    };
    let when = view
        .report
        .saved_at
        .map(|at| format!(" lúc {}", time_vn(at)))
        .unwrap_or_default();
    format!(
        "Báo cáo vừa được {who} lưu{when} trong lúc bạn sửa, nên nội dung của bạn chưa được lưu. \
         Hãy tải lại trang để xem bản mới nhất, hoặc lưu đè bằng nội dung của bạn."
    )
}

/// `POST /reports/{id}/draft`: the Save button (works without JavaScript).
pub async fn save_draft(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let form = DraftForm::parse(&pairs);
    let result = state
        .app
        .save_report_draft(&actor, id, form.version, form.texts.clone())
        .await;
    match result {
        Ok(_) if form.then_submit => {
            Ok(Redirect::to(&format!("/reports/{id}/submit")).into_response())
        }
        Ok(_) => Ok(Redirect::to(&format!("/reports/{id}?ok=draft_saved")).into_response()),
        Err(AppError::Conflict) => {
            // The page keeps what was typed, now on the latest version: saving
            // again overwrites knowingly.
            let view = state.app.unit_report(&actor, id).await?;
            let extra = Extra {
                error: Some(conflict_message(&view)),
                texts: Some(form.texts),
                comment: String::new(),
            };
            let page = report_page(&actor, view, extra);
            Ok((StatusCode::CONFLICT, render(&page)).into_response())
        }
        Err(error) => {
            let extra = Extra {
                texts: Some(form.texts),
                ..Extra::default()
            };
            rejected(&state, &actor, id, error, extra).await
        }
    }
}

/// `POST /reports/{id}/autosave`: the same save for the script, answered
/// in JSON: `{version, saved_at, message}`, or an error with, on a conflict,
/// the version now current.
pub async fn autosave(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let form = DraftForm::parse(&pairs);
    match state
        .app
        .save_report_draft(&actor, id, form.version, form.texts)
        .await
    {
        Ok(report) => {
            let at = time_vn(report.saved_at.unwrap_or_else(|| state.app.now()));
            Json(json!({
                "version": report.version,
                "saved_at": at,
                "message": format!("Đã lưu lúc {at}"),
            }))
            .into_response()
        }
        Err(AppError::Conflict) => match state.app.unit_report(&actor, id).await {
            Ok(view) => (
                StatusCode::CONFLICT,
                Json(json!({
                    "error": {"code": "conflict", "message": conflict_message(&view)},
                    "version": view.report.version,
                })),
            )
                .into_response(),
            Err(error) => ApiError::from(error).into_response(),
        },
        Err(error) => ApiError::from(error).into_response(),
    }
}

#[derive(Deserialize, Default)]
pub struct FigureForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    field_key: String,
    #[serde(default)]
    value: String,
    #[serde(default)]
    note: String,
    /// Set by "Bỏ điều chỉnh": the correction goes, the computed value is back.
    #[serde(default)]
    remove: String,
}

impl FigureForm {
    /// The correction asked for; the value as written in Vietnamese ("1.250").
    pub(super) fn draft(&self) -> Result<FigureOverrideDraft, AppError> {
        let value = if self.remove.is_empty() {
            let typed: String = self
                .value
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '.')
                .collect();
            if typed.is_empty() {
                return Err(AppError::validation("value", "Nhập số liệu điều chỉnh."));
            }
            Some(typed.parse().map_err(|_| {
                AppError::validation(
                    "value",
                    format!(
                        "Số liệu “{}” không hợp lệ; nhập số nguyên, ví dụ 1.250.",
                        self.value.trim()
                    ),
                )
            })?)
        } else {
            None
        };
        Ok(FigureOverrideDraft {
            field_key: self.field_key.clone(),
            value,
            note: self.note.clone(),
        })
    }

    pub(super) fn notice(&self) -> &'static str {
        if self.remove.is_empty() {
            "figure_saved"
        } else {
            "figure_restored"
        }
    }

    pub(super) fn anchor(&self) -> String {
        anchor(&self.field_key)
    }
}

/// `POST /reports/{id}/figures`: a unit corrects (or restores) a figure.
pub async fn set_figure(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
    Form(f): Form<FigureForm>,
) -> Result<Response, PageError> {
    let result = match f.draft() {
        Ok(draft) => {
            state
                .app
                .set_report_figure(&actor, id, version_of(&f.version), draft)
                .await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => Ok(
            Redirect::to(&format!("/reports/{id}?ok={}#{}", f.notice(), f.anchor()))
                .into_response(),
        ),
        Err(error) => rejected(&state, &actor, id, error, Extra::default()).await,
    }
}
