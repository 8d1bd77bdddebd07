//! Plans, items, tasks, tracking and evidence over the API.

use axum::Json;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use cchc_app::AppError;
use cchc_app::work::WorkQuery;
use cchc_domain::plans::{ItemDraft, Plan, PlanDraft, PlanItem, TaskRole};
use cchc_domain::tracking::StatusUpdate;

use crate::AppState;
use crate::api::{ApiJson, ApiPath, ApiQuery};
use crate::auth::ApiUser;
use crate::error::{ApiError, ErrorResponse};

#[derive(Serialize, ToSchema)]
pub struct PlanDto {
    pub id: i64,
    pub number: String,
    pub title: String,
    pub issuing_unit_id: i64,
    pub issued_on: Option<NaiveDate>,
    pub first_year: i32,
    pub last_year: i32,
    pub legal_bases: Vec<String>,
    /// draft, issued, closed
    pub status: String,
    pub version: i64,
}

impl From<Plan> for PlanDto {
    fn from(p: Plan) -> Self {
        PlanDto {
            id: p.id,
            status: p.status.code().into(),
            number: p.number,
            title: p.title,
            issuing_unit_id: p.issuing_unit_id,
            issued_on: p.issued_on,
            first_year: p.first_year,
            last_year: p.last_year,
            legal_bases: p.legal_bases,
            version: p.version,
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct PlanInput {
    #[serde(default)]
    pub number: String,
    pub title: String,
    pub issuing_unit_id: i64,
    #[serde(default)]
    pub issued_on: Option<NaiveDate>,
    pub first_year: i32,
    #[serde(default)]
    pub last_year: Option<i32>,
    #[serde(default)]
    pub legal_bases: Vec<String>,
    /// draft (default), issued, closed
    #[serde(default)]
    pub status: Option<String>,
    /// Only on update: the version read with the plan.
    #[serde(default)]
    pub version: Option<i64>,
}

impl PlanInput {
    fn draft(self) -> PlanDraft {
        PlanDraft {
            number: self.number,
            title: self.title,
            issuing_unit_id: Some(self.issuing_unit_id),
            issued_on: self.issued_on,
            first_year: Some(self.first_year),
            last_year: self.last_year,
            legal_bases: self.legal_bases,
            status: self.status,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ItemDto {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub depth: usize,
    /// section, group, task
    pub kind: String,
    pub area_id: Option<i64>,
    pub number: String,
    pub content: String,
    pub indicator: String,
    pub output: String,
    pub budget_million_vnd: Option<f64>,
    pub lead_unit_ids: Vec<i64>,
    pub cooperating_unit_ids: Vec<i64>,
    pub lead_text: String,
    pub start_text: String,
    pub end_text: Option<String>,
    pub note: String,
    pub version: i64,
}

fn item_dto(i: PlanItem, depth: usize) -> ItemDto {
    ItemDto {
        lead_unit_ids: i.unit_ids(TaskRole::Lead),
        cooperating_unit_ids: i.unit_ids(TaskRole::Cooperating),
        id: i.id,
        parent_id: i.parent_id,
        depth,
        kind: i.kind.code().into(),
        area_id: i.area_id,
        number: i.number,
        content: i.content,
        indicator: i.indicator,
        output: i.output,
        budget_million_vnd: i.budget_vnd.map(|v| v as f64 / 1_000_000.0),
        lead_text: i.lead_text,
        start_text: i.start_text,
        end_text: i.end_text,
        note: i.note,
        version: i.version,
    }
}

#[derive(Serialize, ToSchema)]
pub struct PlanDetail {
    pub plan: PlanDto,
    pub can_manage: bool,
    /// The items the caller sees, in document order.
    pub items: Vec<ItemDto>,
}

#[derive(Deserialize, ToSchema)]
pub struct ItemInput {
    /// Only on update: the version read with the item.
    #[serde(default)]
    pub version: Option<i64>,
    #[serde(default)]
    pub parent_id: Option<i64>,
    #[serde(default)]
    pub area_id: Option<i64>,
    /// section, group, task
    pub kind: String,
    #[serde(default)]
    pub number: String,
    pub content: String,
    #[serde(default)]
    pub indicator: String,
    #[serde(default)]
    pub output: String,
    /// Million VND as written: "10", "1.234,5".
    #[serde(default)]
    pub budget: String,
    #[serde(default)]
    pub lead_unit_ids: Vec<i64>,
    #[serde(default)]
    pub cooperating_unit_ids: Vec<i64>,
    #[serde(default)]
    pub lead_text: String,
    #[serde(default)]
    pub start_text: String,
    #[serde(default)]
    pub end_text: Option<String>,
    #[serde(default)]
    pub note: String,
}

impl ItemInput {
    fn draft(self) -> ItemDraft {
        ItemDraft {
            parent_id: self.parent_id,
            area_id: self.area_id,
            kind: self.kind,
            number: self.number,
            content: self.content,
            indicator: self.indicator,
            output: self.output,
            budget: self.budget,
            lead_unit_ids: self.lead_unit_ids,
            cooperating_unit_ids: self.cooperating_unit_ids,
            lead_text: self.lead_text,
            cooperating_text: String::new(),
            start_text: self.start_text,
            end_text: self.end_text,
            note: self.note,
            extra: Default::default(),
        }
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PlanQuery {
    /// Words of the number or title (diacritics ignored).
    #[serde(default)]
    pub q: String,
}

/// Plans the caller sees.
#[utoipa::path(get, path = "/api/v1/plans", tag = "plans", params(PlanQuery),
    responses((status = 200, body = Vec<PlanDto>), (status = 401, body = ErrorResponse)))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiQuery(q): ApiQuery<PlanQuery>,
) -> Result<Json<Vec<PlanDto>>, ApiError> {
    let plans = state.app.plans(&actor, &q.q).await?;
    Ok(Json(plans.into_iter().map(Into::into).collect()))
}

#[utoipa::path(post, path = "/api/v1/plans", tag = "plans", request_body = PlanInput,
    responses((status = 201, body = PlanDto), (status = 403, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiJson(input): ApiJson<PlanInput>,
) -> Result<(StatusCode, Json<PlanDto>), ApiError> {
    let plan = state.app.create_plan(&actor, input.draft()).await?;
    Ok((StatusCode::CREATED, Json(plan.into())))
}

#[utoipa::path(get, path = "/api/v1/plans/{id}", tag = "plans", params(("id" = i64, Path)),
    responses((status = 200, body = PlanDetail), (status = 404, body = ErrorResponse)))]
pub async fn show(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<PlanDetail>, ApiError> {
    let view = state.app.plan(&actor, id).await?;
    Ok(Json(PlanDetail {
        can_manage: view.can_manage,
        items: view
            .items
            .into_iter()
            .map(|r| item_dto(r.item, r.depth))
            .collect(),
        plan: view.plan.into(),
    }))
}

#[utoipa::path(put, path = "/api/v1/plans/{id}", tag = "plans", params(("id" = i64, Path)), request_body = PlanInput,
    responses((status = 200, body = PlanDto), (status = 403, body = ErrorResponse), (status = 409, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub async fn update(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<PlanInput>,
) -> Result<Json<PlanDto>, ApiError> {
    let version = input.version.unwrap_or(0);
    Ok(Json(
        state
            .app
            .update_plan(&actor, id, version, input.draft())
            .await?
            .into(),
    ))
}

#[utoipa::path(post, path = "/api/v1/plans/{id}/items", tag = "plans", params(("id" = i64, Path)), request_body = ItemInput,
    responses((status = 201, body = ItemDto), (status = 403, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub async fn create_item(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<ItemInput>,
) -> Result<(StatusCode, Json<ItemDto>), ApiError> {
    let item = state.app.create_item(&actor, id, input.draft()).await?;
    Ok((StatusCode::CREATED, Json(item_dto(item, 0))))
}

#[utoipa::path(put, path = "/api/v1/items/{id}", tag = "plans", params(("id" = i64, Path)), request_body = ItemInput,
    responses((status = 200, body = ItemDto), (status = 403, body = ErrorResponse), (status = 409, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub async fn update_item(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<ItemInput>,
) -> Result<Json<ItemDto>, ApiError> {
    state.app.item(&actor, id).await?;
    let version = input.version.unwrap_or(0);
    let item = state
        .app
        .update_item(&actor, id, version, input.draft())
        .await?;
    Ok(Json(item_dto(item, 0)))
}

#[derive(Serialize, ToSchema)]
pub struct RowDto {
    pub id: i64,
    pub unit_id: i64,
    pub unit_name: String,
    /// lead, cooperating
    pub role: String,
    /// not_started, in_progress, done, done_late, not_done
    pub status: String,
    pub progress_pct: i64,
    pub result_text: String,
    pub achieved_value: Option<f64>,
    pub target_met: Option<bool>,
    pub reason: String,
    pub completed_on: Option<NaiveDate>,
    /// none, reported, confirmed, returned
    pub review: String,
    pub review_comment: String,
    pub version: i64,
    pub can_report: bool,
    pub can_confirm: bool,
    pub can_return: bool,
}

#[derive(Serialize, ToSchema)]
pub struct OccurrenceDto {
    pub id: i64,
    pub label: String,
    pub window_start: Option<NaiveDate>,
    /// The due date in force (a working day); null until decided.
    pub due_on: Option<NaiveDate>,
    /// "Cần xác định thời hạn: ..." when the coordinator must set the date.
    pub decision: Option<String>,
    pub event_label: Option<String>,
    pub event_on: Option<NaiveDate>,
    pub version: i64,
    pub rows: Vec<RowDto>,
}

#[derive(Serialize, ToSchema)]
pub struct EvidenceDto {
    pub id: i64,
    pub tracking_id: i64,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub uploader_name: String,
    pub uploaded_at: DateTime<Utc>,
}

impl From<cchc_store::tracking::EvidenceRow> for EvidenceDto {
    fn from(e: cchc_store::tracking::EvidenceRow) -> Self {
        EvidenceDto {
            id: e.id,
            tracking_id: e.tracking_id,
            file_name: e.file_name,
            content_type: e.content_type,
            size_bytes: e.size_bytes,
            sha256: e.sha256,
            uploader_name: e.uploader_name,
            uploaded_at: e.uploaded_at,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct TaskDto {
    pub plan_id: i64,
    pub item: ItemDto,
    pub can_manage: bool,
    pub occurrences: Vec<OccurrenceDto>,
    pub evidence: Vec<EvidenceDto>,
}

/// A task with its occurrences, each unit's report and the evidence.
#[utoipa::path(get, path = "/api/v1/tasks/{id}", tag = "tracking", params(("id" = i64, Path)),
    responses((status = 200, body = TaskDto), (status = 404, body = ErrorResponse)))]
pub async fn task(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<TaskDto>, ApiError> {
    let v = state.app.task(&actor, id).await?;
    let occurrences = v
        .occurrences
        .into_iter()
        .map(|o| OccurrenceDto {
            id: o.occurrence.id,
            label: o.occurrence.label,
            window_start: o.occurrence.window_start,
            due_on: o.occurrence.due_on,
            decision: o.decision_message.map(str::to_owned),
            event_label: o.occurrence.event_label,
            event_on: o.occurrence.event_on,
            version: o.occurrence.version,
            rows: o
                .rows
                .into_iter()
                .map(|r| RowDto {
                    id: r.row.id,
                    unit_id: r.row.unit_id,
                    unit_name: r.unit_name,
                    role: r.row.role,
                    status: r.row.status,
                    progress_pct: r.row.progress_pct,
                    result_text: r.row.result_text,
                    achieved_value: r.row.achieved_value,
                    target_met: r.target_met,
                    reason: r.row.reason,
                    completed_on: r.row.completed_on,
                    review: r.row.review,
                    review_comment: r.row.review_comment,
                    version: r.row.version,
                    can_report: r.can_report,
                    can_confirm: r.can_confirm,
                    can_return: r.can_return,
                })
                .collect(),
        })
        .collect();
    Ok(Json(TaskDto {
        plan_id: v.plan.id,
        can_manage: v.can_manage,
        item: item_dto(v.item, v.ancestors.len()),
        occurrences,
        evidence: v.evidence.into_iter().map(Into::into).collect(),
    }))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WorkParams {
    #[serde(default)]
    pub plan_id: Option<i64>,
    #[serde(default)]
    pub area_id: Option<i64>,
    #[serde(default)]
    pub unit_id: Option<i64>,
    /// not_started, in_progress, done, done_late, not_done
    #[serde(default)]
    pub status: Option<String>,
    /// Open and due within this many days from today.
    #[serde(default)]
    pub due_within: Option<i64>,
    #[serde(default)]
    pub overdue: bool,
    /// Occurrences without a due date.
    #[serde(default)]
    pub undated: bool,
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub page: Option<i64>,
    #[serde(default)]
    pub per_page: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct WorkRowDto {
    pub tracking_id: i64,
    pub occurrence_id: i64,
    pub item_id: i64,
    pub plan_id: i64,
    pub plan_title: String,
    pub item_number: String,
    pub content: String,
    pub area_name: Option<String>,
    pub unit_id: i64,
    pub unit_name: String,
    pub role: String,
    pub status: String,
    pub progress_pct: i64,
    pub review: String,
    pub label: String,
    pub due_on: Option<NaiveDate>,
    pub completed_on: Option<NaiveDate>,
    pub version: i64,
}

#[derive(Serialize, ToSchema)]
pub struct WorkPageDto {
    pub rows: Vec<WorkRowDto>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

/// Tracking rows the caller sees, filtered, soonest due first.
#[utoipa::path(get, path = "/api/v1/work", tag = "tracking", params(WorkParams),
    responses((status = 200, body = WorkPageDto), (status = 403, body = ErrorResponse)))]
pub async fn work(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiQuery(p): ApiQuery<WorkParams>,
) -> Result<Json<WorkPageDto>, ApiError> {
    let q = WorkQuery {
        plan_id: p.plan_id,
        area_id: p.area_id,
        unit_id: p.unit_id,
        status: p.status,
        due_within: p.due_within,
        overdue: p.overdue,
        undated: p.undated,
        q: p.q,
    };
    let page = state
        .app
        .work_list(&actor, &q, p.page.unwrap_or(1), p.per_page.unwrap_or(50))
        .await?;
    Ok(Json(WorkPageDto {
        total: page.total,
        page: page.page,
        per_page: page.per_page,
        rows: page
            .rows
            .into_iter()
            .map(|r| WorkRowDto {
                tracking_id: r.tracking_id,
                occurrence_id: r.occurrence_id,
                item_id: r.item_id,
                plan_id: r.plan_id,
                plan_title: r.plan_title,
                item_number: r.item_number,
                content: r.content,
                area_name: r.area_name,
                unit_id: r.unit_id,
                unit_name: r.unit_name,
                role: r.role,
                status: r.status,
                progress_pct: r.progress_pct,
                review: r.review,
                label: r.label,
                due_on: r.due_on,
                completed_on: r.completed_on,
                version: r.version,
            })
            .collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct ReportInput {
    pub version: i64,
    /// not_started, in_progress, done, done_late, not_done
    pub status: String,
    #[serde(default)]
    pub progress_pct: Option<i64>,
    #[serde(default)]
    pub result_text: String,
    #[serde(default)]
    pub achieved_value: Option<f64>,
    /// Required for not_done.
    #[serde(default)]
    pub reason: String,
    /// Defaults to today for done.
    #[serde(default)]
    pub completed_on: Option<NaiveDate>,
}

#[derive(Serialize, ToSchema)]
pub struct RowState {
    pub id: i64,
    pub status: String,
    pub review: String,
    pub version: i64,
}

fn row_state(r: cchc_store::tracking::TrackingRow) -> Json<RowState> {
    Json(RowState {
        id: r.id,
        status: r.status,
        review: r.review,
        version: r.version,
    })
}

/// A unit reports its part of an occurrence.
#[utoipa::path(post, path = "/api/v1/tracking/{id}/report", tag = "tracking", params(("id" = i64, Path)), request_body = ReportInput,
    responses((status = 200, body = RowState), (status = 403, body = ErrorResponse), (status = 409, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub async fn report(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(i): ApiJson<ReportInput>,
) -> Result<Json<RowState>, ApiError> {
    state.app.item_of_tracking(&actor, id).await?;
    let update = StatusUpdate {
        status: i.status,
        progress_pct: i.progress_pct,
        result_text: i.result_text,
        achieved_value: i.achieved_value,
        reason: i.reason,
        completed_on: i.completed_on,
    };
    Ok(row_state(
        state.app.report(&actor, id, i.version, update).await?,
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct ReviewInput {
    pub version: i64,
    /// Required to return a report.
    #[serde(default)]
    pub comment: String,
}

/// The lead unit's leader or the coordinator confirms the occurrence.
#[utoipa::path(post, path = "/api/v1/tracking/{id}/confirm", tag = "tracking", params(("id" = i64, Path)), request_body = ReviewInput,
    responses((status = 200, body = RowState), (status = 403, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub async fn confirm(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(i): ApiJson<ReviewInput>,
) -> Result<Json<RowState>, ApiError> {
    state.app.item_of_tracking(&actor, id).await?;
    Ok(row_state(state.app.confirm(&actor, id, i.version).await?))
}

/// The coordinator returns a unit's report with a comment.
#[utoipa::path(post, path = "/api/v1/tracking/{id}/return", tag = "tracking", params(("id" = i64, Path)), request_body = ReviewInput,
    responses((status = 200, body = RowState), (status = 403, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub async fn send_back(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(i): ApiJson<ReviewInput>,
) -> Result<Json<RowState>, ApiError> {
    state.app.item_of_tracking(&actor, id).await?;
    Ok(row_state(
        state
            .app
            .send_back(&actor, id, i.version, &i.comment)
            .await?,
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct DueInput {
    pub version: i64,
    /// The due date (moved to the next working day if it is a day off).
    #[serde(default)]
    pub due_on: Option<NaiveDate>,
    /// Or: when the event of an event-relative task happened.
    #[serde(default)]
    pub event_on: Option<NaiveDate>,
}

/// The coordinator dates an occurrence.
#[utoipa::path(put, path = "/api/v1/occurrences/{id}/due", tag = "tracking", params(("id" = i64, Path)), request_body = DueInput,
    responses((status = 200, description = "`{id, due_on, version}` of the occurrence"), (status = 403, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub async fn set_due(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(i): ApiJson<DueInput>,
) -> Result<Json<serde_json::Value>, ApiError> {
    state.app.item_of_occurrence(&actor, id).await?;
    let o = state
        .app
        .set_due(&actor, id, i.version, i.due_on, i.event_on)
        .await?;
    Ok(Json(
        serde_json::json!({"id": o.id, "due_on": o.due_on, "version": o.version}),
    ))
}

/// Uploads a file (`multipart/form-data`, field `file`) as evidence.
#[utoipa::path(post, path = "/api/v1/tracking/{id}/evidence", tag = "tracking", params(("id" = i64, Path)),
    responses((status = 201, body = EvidenceDto), (status = 403, body = ErrorResponse), (status = 422, body = ErrorResponse)))]
pub async fn upload(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<i64>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<(StatusCode, Json<EvidenceDto>), ApiError> {
    state.app.item_of_tracking(&actor, id).await?;
    state.app.check_report_right(&actor, id).await?;
    let bad = || {
        ApiError::from(AppError::validation(
            "file",
            "Gửi tệp trong trường “file” (multipart/form-data).",
        ))
    };
    let mut multipart = multipart.map_err(|_| bad())?;
    while let Ok(Some(field)) = multipart.next_field().await {
        if field.name() == Some("file") {
            let name = field.file_name().unwrap_or_default().to_string();
            let bytes = field.bytes().await.map_err(|_| bad())?;
            let e = state.app.add_evidence(&actor, id, &name, &bytes).await?;
            return Ok((StatusCode::CREATED, Json(e.into())));
        }
    }
    Err(bad())
}

/// Downloads an evidence file.
#[utoipa::path(get, path = "/api/v1/evidence/{id}", tag = "tracking", params(("id" = i64, Path)),
    responses((status = 200, description = "The file"), (status = 404, body = ErrorResponse)))]
pub async fn download(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Response, ApiError> {
    Ok(crate::pages::tasks::file_response(
        state.app.evidence_file(&actor, id).await?,
    ))
}
