//! Users over the API.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use cchc_app::AppError;
use cchc_app::users::{NewUser, UserUpdate};
use cchc_domain::roles::{Role, RoleGrant};
use cchc_domain::users::{User, UserProfile};

use crate::AppState;
use crate::api::{ApiJson, ApiPath, ApiQuery};
use crate::auth::ApiUser;
use crate::error::{ApiError, ErrorResponse};

#[derive(Serialize, Deserialize, ToSchema, Clone)]
pub struct RoleDto {
    /// admin, coordinator, leader, staff or viewer
    pub role: String,
    /// The unit (and its subtree) the role covers; null for the whole organisation.
    pub unit_id: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct UserDto {
    pub id: i64,
    pub username: String,
    pub full_name: String,
    pub email: Option<String>,
    pub unit_id: Option<i64>,
    pub is_active: bool,
    pub roles: Vec<RoleDto>,
    pub version: i64,
}

impl From<User> for UserDto {
    fn from(u: User) -> Self {
        UserDto {
            id: u.id,
            roles: u
                .roles
                .iter()
                .map(|g| RoleDto {
                    role: g.role.code().into(),
                    unit_id: g.unit_id,
                })
                .collect(),
            username: u.username,
            full_name: u.full_name,
            email: u.email,
            unit_id: u.unit_id,
            is_active: u.is_active,
            version: u.version,
        }
    }
}

fn grants(roles: Vec<RoleDto>) -> Result<Vec<RoleGrant>, AppError> {
    roles
        .into_iter()
        .map(|r| {
            Role::parse(&r.role)
                .map(|role| RoleGrant {
                    role,
                    unit_id: r.unit_id,
                })
                .ok_or_else(|| {
                    AppError::validation("roles", format!("Vai trò “{}” không hợp lệ.", r.role))
                })
        })
        .collect()
}

#[derive(Deserialize, ToSchema)]
pub struct UserCreate {
    pub username: String,
    pub password: String,
    pub full_name: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub unit_id: Option<i64>,
    #[serde(default)]
    pub roles: Vec<RoleDto>,
}

#[derive(Deserialize, ToSchema)]
pub struct UserChange {
    pub version: i64,
    pub full_name: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub unit_id: Option<i64>,
    pub is_active: bool,
    pub roles: Vec<RoleDto>,
}

#[derive(Serialize, ToSchema)]
pub struct UserPage {
    pub items: Vec<UserDto>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UserQuery {
    /// Words to find in name, username or email (diacritics ignored).
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub page: Option<i64>,
    #[serde(default)]
    pub per_page: Option<i64>,
}

#[utoipa::path(get, path = "/api/v1/users", tag = "users", params(UserQuery),
    responses((status = 200, body = UserPage), (status = 403, body = ErrorResponse)))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiQuery(q): ApiQuery<UserQuery>,
) -> Result<Json<UserPage>, ApiError> {
    let users = state.app.users(&actor, &q.q).await?;
    let per_page = q.per_page.unwrap_or(50).clamp(1, 500);
    let page = q.page.unwrap_or(1).max(1);
    let total = users.len() as i64;
    let items = users
        .into_iter()
        .skip(((page - 1) * per_page) as usize)
        .take(per_page as usize)
        .map(Into::into)
        .collect();
    Ok(Json(UserPage {
        items,
        total,
        page,
        per_page,
    }))
}

#[utoipa::path(post, path = "/api/v1/users", tag = "users", request_body = UserCreate,
    responses((status = 201, body = UserDto), (status = 403, body = ErrorResponse), (status = 409, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiJson(input): ApiJson<UserCreate>,
) -> Result<(StatusCode, Json<UserDto>), ApiError> {
    let new = NewUser {
        username: input.username,
        password: input.password,
        profile: UserProfile {
            full_name: input.full_name,
            email: input.email,
            unit_id: input.unit_id,
        },
        roles: grants(input.roles)?,
    };
    Ok((
        StatusCode::CREATED,
        Json(state.app.create_user(&actor, new).await?.into()),
    ))
}

#[utoipa::path(get, path = "/api/v1/users/{id}", tag = "users", params(("id" = i64, Path)),
    responses((status = 200, body = UserDto), (status = 403, body = ErrorResponse), (status = 404, body = ErrorResponse)))]
pub async fn show(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<UserDto>, ApiError> {
    Ok(Json(state.app.user(&actor, id).await?.into()))
}

#[utoipa::path(put, path = "/api/v1/users/{id}", tag = "users", params(("id" = i64, Path)), request_body = UserChange,
    responses((status = 200, body = UserDto), (status = 403, body = ErrorResponse), (status = 409, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub async fn update(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<UserChange>,
) -> Result<Json<UserDto>, ApiError> {
    let change = UserUpdate {
        profile: UserProfile {
            full_name: input.full_name,
            email: input.email,
            unit_id: input.unit_id,
        },
        is_active: input.is_active,
        roles: grants(input.roles)?,
    };
    Ok(Json(
        state
            .app
            .update_user(&actor, id, input.version, change)
            .await?
            .into(),
    ))
}
