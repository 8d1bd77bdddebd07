//! Report types, the rounds of a year, and rounds as the coordinator opens
//! and closes them.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{Datelike, NaiveDate};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use cchc_domain::reports::RoundDraft;

use super::dto::{PeriodDto, ReportTypeDto, RoundDetailDto, RoundDto};
use super::report_dto::VersionInput;
use crate::AppState;
use crate::api::{ApiJson, ApiPath, ApiQuery};
use crate::auth::ApiUser;
use crate::error::{ApiError, ErrorResponse};

/// Every report type with its rules and outline.
#[utoipa::path(get, path = "/api/v1/reports/types", tag = "reports",
    responses((status = 200, body = Vec<ReportTypeDto>)))]
pub async fn types(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
) -> Result<Json<Vec<ReportTypeDto>>, ApiError> {
    let types = state.app.report_types(&actor).await?;
    Ok(Json(types.into_iter().map(Into::into).collect()))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct YearQuery {
    /// The report year; default: this year.
    pub year: Option<i32>,
}

fn year_of(state: &AppState, year: Option<i32>) -> Result<i32, ApiError> {
    let year = year.unwrap_or_else(|| state.app.today().year());
    if (2000..=2100).contains(&year) {
        Ok(year)
    } else {
        Err(
            cchc_app::AppError::validation("year", "Năm báo cáo phải trong khoảng 2000 - 2100.")
                .into(),
        )
    }
}

/// The year's periodic rounds: window and deadlines from the types' rules
/// on the working-day calendar in force (whether opened or not).
#[utoipa::path(get, path = "/api/v1/reports/periods", tag = "reports", params(YearQuery),
    responses((status = 200, body = Vec<PeriodDto>), (status = 422, body = ErrorResponse)))]
pub async fn periods(
    State(state): State<AppState>,
    ApiUser(_actor): ApiUser,
    ApiQuery(q): ApiQuery<YearQuery>,
) -> Result<Json<Vec<PeriodDto>>, ApiError> {
    let year = year_of(&state, q.year)?;
    let periods = state.app.report_periods(year).await?;
    Ok(Json(periods.into_iter().map(Into::into).collect()))
}

/// The rounds of a year the caller sees (as the department's reader, or
/// through a report of one of its units), the latest first.
#[utoipa::path(get, path = "/api/v1/reports/rounds", tag = "reports", params(YearQuery),
    responses((status = 200, body = Vec<RoundDetailDto>), (status = 422, body = ErrorResponse)))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiQuery(q): ApiQuery<YearQuery>,
) -> Result<Json<Vec<RoundDetailDto>>, ApiError> {
    let year = year_of(&state, q.year)?;
    let rounds = state.app.report_rounds(&actor, Some(year)).await?;
    Ok(Json(rounds.into_iter().map(Into::into).collect()))
}

#[derive(Deserialize, ToSchema)]
pub struct RoundInput {
    /// A report type's code, e.g. "q1", "annual", "adhoc".
    pub type_code: String,
    /// The report year (periodic types).
    #[serde(default)]
    pub year: Option<i32>,
    /// The department collecting the reports; its coordinator opens the round.
    pub unit_id: i64,
    /// The units that report; default: the department's open direct subunits.
    #[serde(default)]
    pub unit_ids: Vec<i64>,
    /// Title of an ad-hoc report.
    #[serde(default)]
    pub label: String,
    /// Window of an ad-hoc report.
    #[serde(default)]
    pub window_start: Option<NaiveDate>,
    #[serde(default)]
    pub window_end: Option<NaiveDate>,
    /// Deadlines in place of the type's rules (required for ad-hoc reports).
    #[serde(default)]
    pub unit_deadline: Option<NaiveDate>,
    #[serde(default)]
    pub department_deadline: Option<NaiveDate>,
}

/// The coordinator opens a round; each reporting unit gets an empty draft.
#[utoipa::path(post, path = "/api/v1/reports/rounds", tag = "reports", request_body = RoundInput,
    responses((status = 201, body = RoundDetailDto), (status = 403, body = ErrorResponse),
        (status = 409, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub async fn open(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiJson(i): ApiJson<RoundInput>,
) -> Result<(StatusCode, Json<RoundDetailDto>), ApiError> {
    let draft = RoundDraft {
        type_code: i.type_code,
        year: i.year,
        unit_id: Some(i.unit_id),
        unit_ids: i.unit_ids,
        label: i.label,
        window_start: i.window_start,
        window_end: i.window_end,
        unit_deadline: i.unit_deadline,
        department_deadline: i.department_deadline,
    };
    let view = state.app.open_report_round(&actor, draft).await?;
    Ok((StatusCode::CREATED, Json(view.into())))
}

/// A round and the reports of it the caller sees.
#[utoipa::path(get, path = "/api/v1/reports/rounds/{id}", tag = "reports", params(("id" = i64, Path)),
    responses((status = 200, body = RoundDetailDto), (status = 404, body = ErrorResponse)))]
pub async fn show(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<RoundDetailDto>, ApiError> {
    Ok(Json(state.app.report_round(&actor, id).await?.into()))
}

/// The coordinator closes a round: nothing in it changes any more.
#[utoipa::path(post, path = "/api/v1/reports/rounds/{id}/close", tag = "reports", params(("id" = i64, Path)),
    request_body = VersionInput,
    responses((status = 200, body = RoundDto), (status = 403, body = ErrorResponse),
        (status = 409, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub async fn close(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(i): ApiJson<VersionInput>,
) -> Result<Json<RoundDto>, ApiError> {
    let round = state.app.close_report_round(&actor, id, i.version).await?;
    Ok(Json((&round).into()))
}
