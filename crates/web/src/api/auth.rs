//! API login, logout and the caller's own profile.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::api::ApiJson;
use crate::api::users::RoleDto;
use crate::auth::{ApiUser, ClientIp};
use crate::error::{ApiError, ErrorResponse};

#[derive(Deserialize, ToSchema)]
pub struct LoginRequest {
    pub username: String,
    pub password: String,
}

#[derive(Serialize, ToSchema)]
pub struct TokenResponse {
    /// Bearer token, valid for 30 days unless revoked by logout.
    pub token: String,
}

#[utoipa::path(post, path = "/api/v1/auth/login", tag = "auth", security(()), request_body = LoginRequest,
    responses((status = 200, body = TokenResponse), (status = 401, body = ErrorResponse), (status = 429, body = ErrorResponse)))]
pub async fn login(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ApiJson(req): ApiJson<LoginRequest>,
) -> Result<Json<TokenResponse>, ApiError> {
    let token = state
        .app
        .api_login(&req.username, &req.password, &ip)
        .await?;
    Ok(Json(TokenResponse { token }))
}

/// Revokes the token used for this request.
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "auth", responses((status = 204), (status = 401, body = ErrorResponse)))]
pub async fn logout(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    _caller: ApiUser,
    headers: axum::http::HeaderMap,
) -> Result<StatusCode, ApiError> {
    let token = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' ').map(|(_, t)| t.trim().to_string()))
        .unwrap_or_default();
    state.app.revoke_token(&token, Some(&ip)).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct MeResponse {
    pub id: i64,
    pub username: String,
    pub full_name: String,
    pub unit_id: Option<i64>,
    pub roles: Vec<RoleDto>,
}

#[utoipa::path(get, path = "/api/v1/me", tag = "auth", responses((status = 200, body = MeResponse), (status = 401, body = ErrorResponse)))]
pub async fn me(ApiUser(actor): ApiUser) -> Json<MeResponse> {
    Json(MeResponse {
        id: actor.user_id,
        username: actor.username,
        full_name: actor.full_name,
        unit_id: actor.unit_id,
        roles: actor
            .roles
            .iter()
            .map(|r| RoleDto {
                role: r.role.code().into(),
                unit_id: r.unit_id,
            })
            .collect(),
    })
}
