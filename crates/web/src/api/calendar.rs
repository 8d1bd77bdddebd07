//! The working-day calendar over the API: a year's days off and overrides,
//! working-day arithmetic, and overrides for administrators.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use cchc_app::AppError;
use cchc_app::calendar::NamedDay;
use cchc_domain::calendar::{OverrideDraft, OverrideRecord, override_kind_label};

use crate::AppState;
use crate::api::{ApiJson, ApiPath, ApiQuery};
use crate::auth::ApiUser;
use crate::error::{ApiError, ErrorResponse};

/// Largest |n| accepted by `working-days` (about 40 years of working days).
const MAX_WORKING_DAYS: i32 = 10_000;

#[derive(Serialize, ToSchema)]
pub struct NamedDayDto {
    pub date: NaiveDate,
    pub name: String,
    /// rule (Labour Code), official (government decision) or local (administrator).
    pub source: String,
    pub source_label: String,
}

impl From<NamedDay> for NamedDayDto {
    fn from(d: NamedDay) -> Self {
        let source = serde_json::to_value(d.source)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        NamedDayDto {
            date: d.date,
            name: d.name,
            source,
            source_label: d.source.label().into(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct OverrideDto {
    pub date: NaiveDate,
    /// day_off or working_day
    pub kind: String,
    pub kind_label: String,
    pub name: String,
    pub created_by: Option<i64>,
    pub created_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl From<OverrideRecord> for OverrideDto {
    fn from(o: OverrideRecord) -> Self {
        let kind = o.rule.kind.code();
        OverrideDto {
            date: o.rule.date,
            kind: kind.into(),
            kind_label: override_kind_label(kind).into(),
            name: o.rule.name().into(),
            created_by: o.created_by,
            created_by_name: o.created_by_name,
            created_at: o.created_at,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct CalendarYearDto {
    pub year: i32,
    /// Days off that are not plain weekend days: holidays, Tết, compensatory days, overrides.
    pub days_off: Vec<NamedDayDto>,
    /// Days made working days, e.g. a Saturday worked in a swap.
    pub working_days: Vec<NamedDayDto>,
    /// The administrator's overrides of the year.
    pub overrides: Vec<OverrideDto>,
}

/// Days off, swapped working days and stored overrides of one year.
#[utoipa::path(get, path = "/api/v1/calendar/{year}", tag = "calendar", params(("year" = i32, Path)),
    responses((status = 200, body = CalendarYearDto), (status = 422, body = ErrorResponse)))]
pub async fn year(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(year): ApiPath<i32>,
) -> Result<Json<CalendarYearDto>, ApiError> {
    let y = state.app.calendar_year(&actor, year).await?;
    Ok(Json(CalendarYearDto {
        year: y.year,
        days_off: y.days_off.into_iter().map(Into::into).collect(),
        working_days: y.working_days.into_iter().map(Into::into).collect(),
        overrides: y.overrides.into_iter().map(Into::into).collect(),
    }))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WorkingDaysQuery {
    /// The start date (e.g. the day a dossier was received), YYYY-MM-DD.
    pub from: NaiveDate,
    /// Working days to move: positive after `from`, negative before; 0 gives
    /// `from` itself when it is a working day, else the next working day.
    pub n: i32,
}

#[derive(Serialize, ToSchema)]
pub struct WorkingDaysDto {
    pub from: NaiveDate,
    pub n: i32,
    pub date: NaiveDate,
}

/// The date `n` working days from `from` on the calendar in force.
#[utoipa::path(get, path = "/api/v1/calendar/working-days", tag = "calendar", params(WorkingDaysQuery),
    responses((status = 200, body = WorkingDaysDto), (status = 400, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub async fn working_days(
    State(state): State<AppState>,
    ApiUser(_actor): ApiUser,
    ApiQuery(q): ApiQuery<WorkingDaysQuery>,
) -> Result<Json<WorkingDaysDto>, ApiError> {
    if q.n.abs() > MAX_WORKING_DAYS {
        let message = format!("Số ngày làm việc phải trong khoảng ±{MAX_WORKING_DAYS}.");
        return Err(AppError::validation("n", message).into());
    }
    let calendar = state.app.working_calendar().await?;
    let date = calendar
        .add_working_days(q.from, q.n)
        .ok_or_else(|| AppError::validation("n", "Kết quả nằm ngoài phạm vi lịch hỗ trợ."))?;
    Ok(Json(WorkingDaysDto {
        from: q.from,
        n: q.n,
        date,
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct OverrideInput {
    /// day_off (Ngày nghỉ) or working_day (Ngày làm việc bù)
    pub kind: String,
    /// Name or reason shown in the calendar, e.g. "Nghỉ bù Quốc khánh".
    pub name: String,
}

/// Makes a day a day off or a working day, replacing any earlier override of
/// that day. Only for administrators of the whole organisation.
#[utoipa::path(put, path = "/api/v1/calendar/overrides/{day}", tag = "calendar",
    params(("day" = NaiveDate, Path, description = "YYYY-MM-DD")), request_body = OverrideInput,
    responses((status = 200, body = OverrideDto), (status = 403, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub async fn put_override(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(day): ApiPath<NaiveDate>,
    ApiJson(input): ApiJson<OverrideInput>,
) -> Result<Json<OverrideDto>, ApiError> {
    let draft = OverrideDraft {
        day: Some(day),
        kind: input.kind,
        name: input.name,
    };
    Ok(Json(state.app.set_override(&actor, draft).await?.into()))
}

/// Removes the override of a day. Only for administrators of the whole organisation.
#[utoipa::path(delete, path = "/api/v1/calendar/overrides/{day}", tag = "calendar",
    params(("day" = NaiveDate, Path, description = "YYYY-MM-DD")),
    responses((status = 204), (status = 403, body = ErrorResponse), (status = 404, body = ErrorResponse)))]
pub async fn delete_override(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(day): ApiPath<NaiveDate>,
) -> Result<StatusCode, ApiError> {
    state.app.remove_override(&actor, day).await?;
    Ok(StatusCode::NO_CONTENT)
}
