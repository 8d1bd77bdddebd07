//! Plan import and export over the API: the same use cases as the pages.

use axum::Json;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa::IntoParams;

use cchc_app::AppError;
use cchc_app::plans::{ImportSettings, PlanDocumentKind};

use crate::AppState;
use crate::api::{ApiPath, ApiQuery};
use crate::auth::ApiUser;
use crate::error::{ApiError, ErrorResponse};
use crate::pages::imports::read_upload;
use crate::pages::tasks::download_response;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportParams {
    /// Only read the file: answer its preview (or the differences), store nothing.
    #[serde(default)]
    pub dry_run: bool,
    /// The issuing unit of a new plan (default: the caller's unit).
    #[serde(default)]
    pub issuing_unit_id: Option<i64>,
    /// Re-import into this plan: its differences with the document.
    #[serde(default)]
    pub into: Option<i64>,
}

/// Imports a plan document sent as multipart field `file` (.docx, .xlsx,
/// .txt). With `dry_run`, answers the preview documented in README (or,
/// with `into`, the differences); otherwise stores it all or nothing and
/// answers `{"plan_id": …}` (or the applied differences).
#[utoipa::path(post, path = "/api/v1/plans/import", tag = "plans", params(ImportParams),
    request_body(content_type = "multipart/form-data", description = "Field `file`: the plan document"),
    responses((status = 200, description = "Preview or differences (JSON)"),
        (status = 201, description = "`{\"plan_id\": 12}`"),
        (status = 403, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub async fn import(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiQuery(p): ApiQuery<ImportParams>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Response, ApiError> {
    if !actor.has_role(cchc_domain::roles::Role::Coordinator) {
        return Err(AppError::Forbidden.into());
    }
    let file = read_upload(multipart, 20).await?;
    let app = &state.app;
    Ok(match (p.into, p.dry_run) {
        (Some(plan), true) => {
            Json(app.reimport_preview(&actor, plan, &file, &[]).await?).into_response()
        }
        (Some(plan), false) => {
            Json(app.reimport_plan(&actor, plan, &file, &[]).await?).into_response()
        }
        (None, true) => Json(app.import_preview(&actor, &file, &[]).await?.preview).into_response(),
        (None, false) => {
            let settings = ImportSettings {
                issuing_unit_id: p.issuing_unit_id,
                ..Default::default()
            };
            let plan = app.import_plan(&actor, &file, &settings).await?;
            (
                StatusCode::CREATED,
                Json(serde_json::json!({ "plan_id": plan.id })),
            )
                .into_response()
        }
    })
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportParams {
    /// `plan` (.docx, default), `appendix` (.docx) or `xlsx`.
    #[serde(default)]
    pub format: Option<String>,
}

/// A plan as a document, with the items the caller sees.
#[utoipa::path(get, path = "/api/v1/plans/{id}/export", tag = "plans",
    params(("id" = i64, Path), ExportParams),
    responses((status = 200, description = "The .docx or .xlsx file"),
        (status = 404, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub async fn export(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(p): ApiQuery<ExportParams>,
) -> Result<Response, ApiError> {
    let kind = PlanDocumentKind::parse(p.format.as_deref().unwrap_or("plan")).ok_or_else(|| {
        AppError::validation("format", "Chọn định dạng: plan, appendix hoặc xlsx.")
    })?;
    let doc = state.app.plan_document(&actor, id, kind, "").await?;
    Ok(download_response(doc.media_type, &doc.file_name, doc.bytes))
}
