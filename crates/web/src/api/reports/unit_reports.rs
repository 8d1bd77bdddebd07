//! One unit's report over the API: read it, save the draft, correct a
//! figure, submit, return or accept, and its versions with their diff.

use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use utoipa::IntoParams;

use cchc_app::AppError;
use cchc_domain::reports::FigureOverrideDraft;

use super::report_dto::{
    DraftInput, FieldChangeDto, FigureInput, ReportStateDto, ReturnInput, UnitReportDto,
    VersionDto, VersionInput,
};
use crate::AppState;
use crate::api::{ApiJson, ApiPath, ApiQuery};
use crate::auth::ApiUser;
use crate::error::{ApiError, ErrorResponse};

/// A unit's report: draft or submitted content, figures, versions, timeliness.
#[utoipa::path(get, path = "/api/v1/reports/{id}", tag = "reports", params(("id" = i64, Path)),
    responses((status = 200, body = UnitReportDto), (status = 404, body = ErrorResponse)))]
pub async fn show(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<UnitReportDto>, ApiError> {
    Ok(Json(state.app.unit_report(&actor, id).await?.into()))
}

/// The owning unit saves the draft's narratives (409 `conflict` when the
/// version is stale; unchanged text changes nothing).
#[utoipa::path(put, path = "/api/v1/reports/{id}/draft", tag = "reports", params(("id" = i64, Path)),
    request_body = DraftInput,
    responses((status = 200, body = ReportStateDto), (status = 403, body = ErrorResponse),
        (status = 409, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub async fn save_draft(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(i): ApiJson<DraftInput>,
) -> Result<Json<ReportStateDto>, ApiError> {
    let report = state
        .app
        .save_report_draft(&actor, id, i.version, i.texts)
        .await?;
    Ok(Json(report.into()))
}

/// The owning unit corrects a figure by hand with a reason (or, with a null
/// value, goes back to the computed one); the author and time are kept.
#[utoipa::path(put, path = "/api/v1/reports/{id}/figures", tag = "reports", params(("id" = i64, Path)),
    request_body = FigureInput,
    responses((status = 200, body = ReportStateDto), (status = 403, body = ErrorResponse),
        (status = 409, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub async fn set_figure(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(i): ApiJson<FigureInput>,
) -> Result<Json<ReportStateDto>, ApiError> {
    let version = i.version.ok_or_else(|| {
        AppError::validation("version", "Gửi kèm phiên bản (version) của báo cáo đã đọc.")
    })?;
    let draft = FigureOverrideDraft {
        field_key: i.field_key,
        value: i.value,
        note: i.note,
    };
    let report = state
        .app
        .set_report_figure(&actor, id, version, draft)
        .await?;
    Ok(Json(report.into()))
}

/// The owning unit submits: a new version keeps the narratives and figures.
#[utoipa::path(post, path = "/api/v1/reports/{id}/submit", tag = "reports", params(("id" = i64, Path)),
    request_body = VersionInput,
    responses((status = 200, body = ReportStateDto), (status = 403, body = ErrorResponse),
        (status = 409, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub async fn submit(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(i): ApiJson<VersionInput>,
) -> Result<Json<ReportStateDto>, ApiError> {
    Ok(Json(
        state.app.submit_report(&actor, id, i.version).await?.into(),
    ))
}

/// The coordinator returns a submitted report with a comment.
#[utoipa::path(post, path = "/api/v1/reports/{id}/return", tag = "reports", params(("id" = i64, Path)),
    request_body = ReturnInput,
    responses((status = 200, body = ReportStateDto), (status = 403, body = ErrorResponse),
        (status = 409, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub async fn send_back(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(i): ApiJson<ReturnInput>,
) -> Result<Json<ReportStateDto>, ApiError> {
    let report = state
        .app
        .return_report(&actor, id, i.version, &i.comment)
        .await?;
    Ok(Json(report.into()))
}

/// The coordinator accepts a submitted report; it is locked from then on.
#[utoipa::path(post, path = "/api/v1/reports/{id}/accept", tag = "reports", params(("id" = i64, Path)),
    request_body = VersionInput,
    responses((status = 200, body = ReportStateDto), (status = 403, body = ErrorResponse),
        (status = 409, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub async fn accept(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(i): ApiJson<VersionInput>,
) -> Result<Json<ReportStateDto>, ApiError> {
    Ok(Json(
        state.app.accept_report(&actor, id, i.version).await?.into(),
    ))
}

/// Every submitted version with its content and what the coordinator made of it, oldest first.
#[utoipa::path(get, path = "/api/v1/reports/{id}/versions", tag = "reports", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<VersionDto>), (status = 404, body = ErrorResponse)))]
pub async fn versions(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<Vec<VersionDto>>, ApiError> {
    let view = state.app.unit_report(&actor, id).await?;
    Ok(Json(view.versions.iter().map(Into::into).collect()))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DiffQuery {
    /// The older version's number.
    pub from: i64,
    /// The newer version's number.
    pub to: i64,
}

/// The fields that differ between two versions, in outline order.
#[utoipa::path(get, path = "/api/v1/reports/{id}/diff", tag = "reports", params(("id" = i64, Path), DiffQuery),
    responses((status = 200, body = Vec<FieldChangeDto>), (status = 404, body = ErrorResponse)))]
pub async fn diff(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(q): ApiQuery<DiffQuery>,
) -> Result<Json<Vec<FieldChangeDto>>, ApiError> {
    let changes = state.app.report_diff(&actor, id, q.from, q.to).await?;
    Ok(Json(changes.into_iter().map(Into::into).collect()))
}
