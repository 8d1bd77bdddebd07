//! Units over the API.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use cchc_domain::units::{Unit, UnitDraft};

use crate::AppState;
use crate::api::{ApiJson, ApiPath, ApiQuery};
use crate::auth::ApiUser;
use crate::error::{ApiError, ErrorResponse};

#[derive(Serialize, ToSchema)]
pub struct UnitDto {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub short_name: Option<String>,
    pub aliases: Vec<String>,
    /// department, division, subordinate, district_committee, commune_committee, other
    pub kind: String,
    pub kind_label: String,
    pub parent_id: Option<i64>,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
    /// Send back on update (optimistic locking).
    pub version: i64,
}

impl From<Unit> for UnitDto {
    fn from(u: Unit) -> Self {
        UnitDto {
            id: u.id,
            kind: u.kind.code().into(),
            kind_label: u.kind.label().into(),
            code: u.code,
            name: u.name,
            short_name: u.short_name,
            aliases: u.aliases,
            parent_id: u.parent_id,
            valid_from: u.valid_from,
            valid_to: u.valid_to,
            version: u.version,
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct UnitInput {
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub short_name: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub kind: String,
    #[serde(default)]
    pub parent_id: Option<i64>,
    /// Defaults to today.
    #[serde(default)]
    pub valid_from: Option<NaiveDate>,
    /// Set to close the unit (merged, dissolved, renamed).
    #[serde(default)]
    pub valid_to: Option<NaiveDate>,
}

impl UnitInput {
    fn draft(self) -> UnitDraft {
        UnitDraft {
            code: self.code,
            name: self.name,
            short_name: self.short_name,
            aliases: self.aliases,
            kind: self.kind,
            parent_id: self.parent_id,
            valid_from: self.valid_from,
            valid_to: self.valid_to,
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct UnitUpdate {
    /// The `version` read with the unit; a stale one gives 409 conflict.
    pub version: i64,
    #[serde(flatten)]
    pub unit: UnitInput,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UnitQuery {
    /// Words to find in code, name, short name or aliases (diacritics ignored).
    #[serde(default)]
    pub q: String,
    /// Include closed units.
    #[serde(default)]
    pub include_closed: bool,
}

/// Units in tree order (parents first); with `q`, matches and their ancestors.
#[utoipa::path(get, path = "/api/v1/units", tag = "units", params(UnitQuery),
    responses((status = 200, body = Vec<UnitDto>), (status = 401, body = ErrorResponse)))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiQuery(q): ApiQuery<UnitQuery>,
) -> Result<Json<Vec<UnitDto>>, ApiError> {
    let rows = state.app.unit_tree(&actor, &q.q, q.include_closed).await?;
    Ok(Json(rows.into_iter().map(|r| r.unit.into()).collect()))
}

#[utoipa::path(post, path = "/api/v1/units", tag = "units", request_body = UnitInput,
    responses((status = 201, body = UnitDto), (status = 403, body = ErrorResponse), (status = 409, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiJson(input): ApiJson<UnitInput>,
) -> Result<(StatusCode, Json<UnitDto>), ApiError> {
    let unit = state.app.create_unit(&actor, input.draft()).await?;
    Ok((StatusCode::CREATED, Json(unit.into())))
}

#[utoipa::path(get, path = "/api/v1/units/{id}", tag = "units", params(("id" = i64, Path)),
    responses((status = 200, body = UnitDto), (status = 404, body = ErrorResponse)))]
pub async fn show(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<UnitDto>, ApiError> {
    Ok(Json(state.app.unit(&actor, id).await?.into()))
}

/// Edits, moves (`parent_id`) or closes (`valid_to`) a unit.
#[utoipa::path(put, path = "/api/v1/units/{id}", tag = "units", params(("id" = i64, Path)), request_body = UnitUpdate,
    responses((status = 200, body = UnitDto), (status = 403, body = ErrorResponse), (status = 409, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub async fn update(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<UnitUpdate>,
) -> Result<Json<UnitDto>, ApiError> {
    Ok(Json(
        state
            .app
            .update_unit(&actor, id, input.version, input.unit.draft())
            .await?
            .into(),
    ))
}
