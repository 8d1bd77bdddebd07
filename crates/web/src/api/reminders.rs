//! Ad-hoc reminders over the API.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use cchc_app::reminders::AdhocReminder;

use crate::AppState;
use crate::api::ApiJson;
use crate::auth::ApiUser;
use crate::error::{ApiError, ErrorResponse};

#[derive(Deserialize, ToSchema)]
pub struct ReminderInput {
    /// Units to remind; the caller must be a coordinator covering each.
    pub unit_ids: Vec<i64>,
    /// The text (Vietnamese), at most 2000 characters.
    pub message: String,
    /// Tasks (plan item ids) to list under the message.
    #[serde(default)]
    pub item_ids: Vec<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct SentReminderDto {
    pub reminder_id: i64,
    pub unit_id: i64,
    pub unit_name: String,
    /// People notified in the app.
    pub recipients: usize,
    /// sent, failed or skipped (no SMTP or no address)
    pub email_status: String,
}

#[derive(Serialize, ToSchema)]
pub struct ReminderReportDto {
    pub sent: Vec<SentReminderDto>,
    /// Units that already got this text today, so were not reminded again.
    pub already_sent: Vec<String>,
}

/// Reminds units of their work, in the app and by email. The same text goes
/// to a unit at most once a day (409 `duplicate` when every unit already has it).
#[utoipa::path(post, path = "/api/v1/reminders", tag = "reminders", request_body = ReminderInput,
    responses((status = 201, body = ReminderReportDto), (status = 403, body = ErrorResponse),
        (status = 409, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiJson(input): ApiJson<ReminderInput>,
) -> Result<(StatusCode, Json<ReminderReportDto>), ApiError> {
    let report = state
        .app
        .send_reminder(
            &actor,
            AdhocReminder {
                unit_ids: input.unit_ids,
                message: input.message,
                item_ids: input.item_ids,
            },
        )
        .await?;
    let sent = report
        .sent
        .into_iter()
        .map(|s| SentReminderDto {
            reminder_id: s.reminder_id,
            unit_id: s.unit_id,
            unit_name: s.unit_name,
            recipients: s.recipients,
            email_status: s.email_status.code().into(),
        })
        .collect();
    Ok((
        StatusCode::CREATED,
        Json(ReminderReportDto {
            sent,
            already_sent: report.already_sent,
        }),
    ))
}
