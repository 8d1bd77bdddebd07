//! The audit log over the API.

use axum::Json;
use axum::extract::State;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use cchc_store::audit::AuditFilter;

use crate::AppState;
use crate::api::ApiQuery;
use crate::auth::ApiUser;
use crate::error::{ApiError, ErrorResponse};

#[derive(Serialize, ToSchema)]
pub struct AuditEntryDto {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor_user_id: Option<i64>,
    pub actor_name: String,
    pub action: String,
    pub entity_type: String,
    pub entity_id: String,
    pub summary: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub ip: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct AuditPageDto {
    pub items: Vec<AuditEntryDto>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    pub entity_type: Option<String>,
    pub entity_id: Option<String>,
    pub action: Option<String>,
    pub actor_user_id: Option<i64>,
    /// RFC 3339 instant, inclusive.
    pub from: Option<DateTime<Utc>>,
    /// RFC 3339 instant, exclusive.
    pub to: Option<DateTime<Utc>>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

/// Newest first. Only for administrators of the whole organisation.
#[utoipa::path(get, path = "/api/v1/audit", tag = "audit", params(AuditQuery),
    responses((status = 200, body = AuditPageDto), (status = 403, body = ErrorResponse)))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiQuery(q): ApiQuery<AuditQuery>,
) -> Result<Json<AuditPageDto>, ApiError> {
    let filter = AuditFilter {
        entity_type: q.entity_type,
        entity_id: q.entity_id,
        action: q.action,
        actor_user_id: q.actor_user_id,
        from: q.from,
        to: q.to,
    };
    let page = state
        .app
        .audit_log(
            &actor,
            &filter,
            q.page.unwrap_or(1),
            q.per_page.unwrap_or(50),
        )
        .await?;
    let items = page
        .entries
        .into_iter()
        .map(|e| AuditEntryDto {
            id: e.id,
            at: e.at,
            actor_user_id: e.actor_user_id,
            actor_name: e.actor_name,
            action: e.action,
            entity_type: e.entity_type,
            entity_id: e.entity_id,
            summary: e.summary,
            before: e.before,
            after: e.after,
            ip: e.ip,
        })
        .collect();
    Ok(Json(AuditPageDto {
        items,
        total: page.total,
        page: page.page,
        per_page: page.per_page,
    }))
}
