//! Moving a unit's report on: the unit submits it (after a confirmation
//! page), the coordinator accepts it (after a confirmation page: it locks
//! the report) or returns it with a comment.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use cchc_app::AppError;
use cchc_app::reports::UnitReportView;
use cchc_domain::actor::Actor;
use cchc_domain::reports::{ReportRights, Timeliness, rights, timeliness};

use super::report::{Extra, rejected};
use super::version_of;
use crate::AppState;
use crate::auth::PageUser;
use crate::pages::form_errors;
use crate::views::{Chrome, PageError, opt_date_vn, render};

/// Which confirmation the page asks for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Submit,
    Accept,
}

#[derive(Template)]
#[template(path = "reports/confirm.html")]
struct ConfirmPage {
    chrome: Chrome,
    id: i64,
    version: i64,
    round_label: String,
    unit_name: String,
    submit: bool,
    /// The step is possible now; otherwise `blocked` says why not.
    ready: bool,
    blocked: String,
    /// Required narratives still empty (submitting).
    missing: Vec<String>,
    deadline: String,
    /// How the report would count if sent today.
    sent_today: String,
    sent_today_late: bool,
    submissions: i64,
    error: Option<String>,
}

fn report_rights(actor: &Actor, view: &UnitReportView) -> ReportRights {
    rights(actor, view.round.unit_id, view.report.unit_id)
}

async fn confirm_page(
    state: &AppState,
    actor: &Actor,
    id: i64,
    step: Step,
    error: Option<String>,
) -> Result<ConfirmPage, PageError> {
    let view = state.app.unit_report(actor, id).await?;
    let r = report_rights(actor, &view);
    let (allowed, ready, blocked) = match step {
        Step::Submit => (
            r.fill,
            view.can_edit,
            "Báo cáo đã gửi, đã được tiếp nhận hoặc kỳ báo cáo đã đóng nên không gửi được.",
        ),
        Step::Accept => (
            r.review,
            view.can_review,
            "Chỉ tiếp nhận được báo cáo đơn vị đã gửi và đang chờ tiếp nhận, trong kỳ báo cáo chưa đóng.",
        ),
    };
    if !allowed {
        return Err(AppError::Forbidden.into());
    }
    let missing = if step == Step::Submit {
        view.round.outline.missing_required(&view.report.texts)
    } else {
        Vec::new()
    };
    let today = timeliness(
        view.round.unit_deadline,
        view.report
            .first_submitted_at
            .map(cchc_domain::reminders::vietnam_day)
            .or(Some(state.app.today())),
        state.app.today(),
    );
    let title = match step {
        Step::Submit => "Gửi báo cáo",
        Step::Accept => "Tiếp nhận báo cáo",
    };
    Ok(ConfirmPage {
        chrome: Chrome::new(actor, "/reports", format!("{title} – {}", view.unit_name)),
        id,
        version: view.report.version,
        submit: step == Step::Submit,
        ready,
        blocked: blocked.into(),
        missing,
        deadline: opt_date_vn(view.round.unit_deadline),
        sent_today: today.label(),
        sent_today_late: matches!(today, Timeliness::Late { .. }),
        submissions: view.report.submissions,
        round_label: view.round.label,
        unit_name: view.unit_name,
        error,
    })
}

/// `GET /reports/{id}/submit`: what submitting means, and the button.
pub async fn submit_form(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    Ok(render(
        &confirm_page(&state, &actor, id, Step::Submit, None).await?,
    ))
}

/// `GET /reports/{id}/accept`: the coordinator confirms the lock.
pub async fn accept_form(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    Ok(render(
        &confirm_page(&state, &actor, id, Step::Accept, None).await?,
    ))
}

#[derive(Deserialize, Default)]
pub struct ReviewForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    comment: String,
}

async fn confirm_rejected(
    state: &AppState,
    actor: &Actor,
    id: i64,
    step: Step,
    error: AppError,
) -> Result<Response, PageError> {
    let (status, errors) = form_errors(error)?;
    let page = confirm_page(state, actor, id, step, Some(errors.summary())).await?;
    Ok((status, render(&page)).into_response())
}

/// `POST /reports/{id}/submit`
pub async fn submit(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
    Form(f): Form<ReviewForm>,
) -> Result<Response, PageError> {
    match state
        .app
        .submit_report(&actor, id, version_of(&f.version))
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/reports/{id}?ok=report_submitted")).into_response()),
        Err(error) => confirm_rejected(&state, &actor, id, Step::Submit, error).await,
    }
}

/// `POST /reports/{id}/accept`
pub async fn accept(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
    Form(f): Form<ReviewForm>,
) -> Result<Response, PageError> {
    match state
        .app
        .accept_report(&actor, id, version_of(&f.version))
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/reports/{id}?ok=report_accepted")).into_response()),
        Err(error) => confirm_rejected(&state, &actor, id, Step::Accept, error).await,
    }
}

/// `POST /reports/{id}/return`: back to the unit with the coordinator's comment.
pub async fn send_back(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
    Form(f): Form<ReviewForm>,
) -> Result<Response, PageError> {
    match state
        .app
        .return_report(&actor, id, version_of(&f.version), &f.comment)
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/reports/{id}?ok=report_returned")).into_response()),
        Err(error) => {
            let extra = Extra {
                comment: f.comment,
                ..Extra::default()
            };
            rejected(&state, &actor, id, error, extra).await
        }
    }
}
