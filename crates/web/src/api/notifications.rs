//! The caller's notifications over the API.

use axum::Json;
use axum::extract::State;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::api::ApiQuery;
use crate::auth::ApiUser;
use crate::error::{ApiError, ErrorResponse};

#[derive(Serialize, ToSchema)]
pub struct NotificationDto {
    pub id: i64,
    pub unit_id: Option<i64>,
    /// due_soon, overdue or adhoc
    pub kind: String,
    pub title: String,
    /// Plain text; app links are paths such as `/tasks/12`.
    pub body: String,
    pub link: String,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
}

#[derive(Serialize, ToSchema)]
pub struct NotificationPageDto {
    pub items: Vec<NotificationDto>,
    pub total: i64,
    /// Unread notifications in all (not only this page).
    pub unread: i64,
    pub page: i64,
    pub per_page: i64,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NotificationQuery {
    /// Only unread notifications.
    #[serde(default)]
    pub unread_only: bool,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

/// The caller's notifications, newest first.
#[utoipa::path(get, path = "/api/v1/notifications", tag = "notifications", params(NotificationQuery),
    responses((status = 200, body = NotificationPageDto), (status = 401, body = ErrorResponse)))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiQuery(q): ApiQuery<NotificationQuery>,
) -> Result<Json<NotificationPageDto>, ApiError> {
    let page = state
        .app
        .notifications(
            &actor,
            q.unread_only,
            q.page.unwrap_or(1),
            q.per_page.unwrap_or(50),
        )
        .await?;
    let items = page
        .items
        .into_iter()
        .map(|n| NotificationDto {
            id: n.id,
            unit_id: n.unit_id,
            kind: n.kind,
            title: n.title,
            body: n.body,
            link: n.link,
            created_at: n.created_at,
            read_at: n.read_at,
        })
        .collect();
    Ok(Json(NotificationPageDto {
        items,
        total: page.total,
        unread: page.unread,
        page: page.page,
        per_page: page.per_page,
    }))
}
