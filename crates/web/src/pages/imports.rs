//! Plan import pages: upload a plan document, check its preview, map the
//! unit names nobody recognised, then store it; re-import a revised
//! document into a plan after checking the differences. Also the plan's
//! document downloads (.docx, .xlsx).
//!
//! The uploaded file is kept content-addressed by the app between the
//! steps; the forms carry its SHA-256 and name.

use askama::Template;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use serde::Deserialize;

use cchc_app::AppError;
use cchc_app::plans::{
    ImportDiff, ImportFile, ImportPreview, ImportSettings, PlanDocumentKind, UnitMapping,
};
use cchc_domain::actor::Actor;
use cchc_domain::roles::Role;
use cchc_office::plans::ItemPreview;

use super::opt_id;
use super::tasks::download_response;
use crate::AppState;
use crate::auth::PageUser;
use crate::views::{Chrome, PageError, date_vn, render};

/// Reads the file of an upload form (field `file`).
pub(crate) async fn read_upload(
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
    max_mb: usize,
) -> Result<ImportFile, AppError> {
    let too_large = || {
        AppError::validation(
            "file",
            format!("Tệp quá lớn hoặc bị lỗi khi tải lên (tối đa {max_mb} MB)."),
        )
    };
    let mut multipart =
        multipart.map_err(|_| AppError::validation("file", "Chọn tệp cần tải lên."))?;
    let mut file: Option<ImportFile> = None;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => {
                let name = field.name().unwrap_or_default().to_string();
                if name == "file" {
                    let file_name = field.file_name().unwrap_or_default().to_string();
                    let bytes = field.bytes().await.map_err(|_| too_large())?;
                    file = Some(ImportFile {
                        file_name,
                        bytes: bytes.to_vec(),
                    });
                }
            }
            Ok(None) => break,
            Err(_) => return Err(too_large()),
        }
    }
    match file {
        Some(f) if !f.bytes.is_empty() => Ok(f),
        _ => Err(AppError::validation("file", "Chọn tệp cần tải lên.")),
    }
}

/// A preview row: an item with its depth, formatted for the table.
pub struct PreviewRow {
    pub row: usize,
    pub depth: usize,
    pub number: String,
    pub content: String,
    pub is_section: bool,
    pub units: String,
    pub schedule: String,
    pub doubtful: bool,
    pub budget: String,
}

fn preview_rows(p: &ImportPreview) -> Vec<PreviewRow> {
    fn walk(items: &[ItemPreview], depth: usize, out: &mut Vec<PreviewRow>) {
        for i in items {
            let name = |r: &cchc_office::plans::UnitRef| {
                r.unit_name
                    .clone()
                    .unwrap_or_else(|| format!("{} (chưa khớp)", r.text))
            };
            let lead: Vec<String> = i.lead.iter().map(name).collect();
            let coop: Vec<String> = i.cooperating.iter().map(name).collect();
            let mut units = lead.join(", ");
            if !coop.is_empty() {
                units = format!("{units}; phối hợp: {}", coop.join(", "));
            }
            out.push(PreviewRow {
                row: i.row,
                depth,
                number: i.number.clone(),
                content: i.content.clone(),
                is_section: false,
                units,
                schedule: i
                    .schedule
                    .as_ref()
                    .map(|s| s.text.clone())
                    .unwrap_or_default(),
                doubtful: i.schedule.as_ref().is_some_and(|s| s.needs_decision)
                    || i.lead
                        .iter()
                        .chain(&i.cooperating)
                        .any(|u| u.unit_id.is_none()),
                budget: i
                    .budget_million_vnd
                    .map(|b| format!("{b}").replace('.', ","))
                    .unwrap_or_default(),
            });
            walk(&i.children, depth + 1, out);
        }
    }
    let mut out = Vec::new();
    for s in &p.preview.sections {
        out.push(PreviewRow {
            row: s.row,
            depth: 0,
            number: s.number.clone(),
            content: s.title.clone(),
            is_section: true,
            units: String::new(),
            schedule: String::new(),
            doubtful: false,
            budget: String::new(),
        });
        walk(&s.items, 1, &mut out);
    }
    out
}

async fn unit_options(state: &AppState, actor: &Actor) -> Result<Vec<(String, String)>, PageError> {
    Ok(state
        .app
        .unit_tree(actor, "", false)
        .await?
        .into_iter()
        .map(|r| (r.unit.id.to_string(), r.indented_name()))
        .collect())
}

fn require_coordinator(actor: &Actor) -> Result<(), PageError> {
    if actor.has_role(Role::Coordinator) {
        Ok(())
    } else {
        Err(AppError::Forbidden.into())
    }
}

#[derive(Template)]
#[template(path = "imports/upload.html")]
struct UploadPage {
    chrome: Chrome,
    action: String,
    /// The plan re-imported into, if any.
    plan: Option<(i64, String)>,
    error: String,
}

async fn upload_page(
    state: &AppState,
    actor: &Actor,
    plan_id: Option<i64>,
    error: String,
) -> Result<UploadPage, PageError> {
    let plan = match plan_id {
        Some(id) => {
            let view = state.app.plan(actor, id).await?;
            if !view.can_manage {
                return Err(AppError::Forbidden.into());
            }
            Some((id, view.plan.title))
        }
        None => None,
    };
    let (title, action) = match &plan {
        Some((id, _)) => ("Cập nhật kế hoạch từ tệp", format!("/plans/{id}/reimport")),
        None => ("Nhập kế hoạch từ tệp", "/plans/import".to_string()),
    };
    Ok(UploadPage {
        chrome: Chrome::new(actor, "/plans", title),
        action,
        plan,
        error,
    })
}

/// `GET /plans/import`
pub async fn upload_form(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
) -> Result<Response, PageError> {
    require_coordinator(&actor)?;
    Ok(render(
        &upload_page(&state, &actor, None, String::new()).await?,
    ))
}

/// `GET /plans/{id}/reimport`
pub async fn reupload_form(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    require_coordinator(&actor)?;
    Ok(render(
        &upload_page(&state, &actor, Some(id), String::new()).await?,
    ))
}

/// The state a preview form carries between steps.
#[derive(Deserialize, Default, Clone)]
pub struct StepForm {
    #[serde(default)]
    sha256: String,
    #[serde(default)]
    file_name: String,
    #[serde(default)]
    issuing_unit_id: String,
    #[serde(default)]
    first_year: String,
    #[serde(default)]
    last_year: String,
    /// Parallel lists: a name as written and the unit chosen for it.
    #[serde(default)]
    map_text: Vec<String>,
    #[serde(default)]
    map_unit: Vec<String>,
}

impl StepForm {
    fn mappings(&self) -> Vec<UnitMapping> {
        self.map_text
            .iter()
            .zip(&self.map_unit)
            .filter_map(|(text, unit)| {
                Some(UnitMapping {
                    text: text.clone(),
                    unit_id: opt_id(unit)?,
                })
            })
            .collect()
    }
}

/// A name to map and the unit chosen for it so far.
pub struct MapRow {
    pub text: String,
    pub chosen: String,
    /// The fuzzy match proposed, if any.
    pub proposal: String,
}

#[derive(Template)]
#[template(path = "imports/preview.html")]
struct PreviewPage {
    chrome: Chrome,
    form: StepForm,
    plan_title: String,
    plan_number: String,
    issued_on: String,
    counts: cchc_app::plans::ImportCounts,
    rows: Vec<PreviewRow>,
    warnings: Vec<(String, String)>,
    map_rows: Vec<MapRow>,
    units: Vec<(String, String)>,
    error: String,
}

async fn preview_page(
    state: &AppState,
    actor: &Actor,
    form: StepForm,
    error: String,
) -> Result<Response, PageError> {
    let file = match staged(state, actor, &form, None).await? {
        Ok(f) => f,
        Err(upload_again) => return Ok(upload_again),
    };
    let mappings = form.mappings();
    let preview = match state.app.import_preview(actor, &file, &mappings).await {
        Ok(p) => p,
        Err(AppError::Validation(e)) => {
            let page = upload_page(state, actor, None, e.summary()).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response());
        }
        Err(e) => return Err(e.into()),
    };
    let chosen = |text: &str| {
        mappings
            .iter()
            .find(|m| m.text == text)
            .map(|m| m.unit_id.to_string())
            .unwrap_or_default()
    };
    let mut map_rows: Vec<MapRow> = mappings
        .iter()
        .map(|m| MapRow {
            text: m.text.clone(),
            chosen: m.unit_id.to_string(),
            proposal: String::new(),
        })
        .collect();
    for text in &preview.unmatched {
        if !map_rows.iter().any(|r| &r.text == text) {
            map_rows.push(MapRow {
                text: text.clone(),
                chosen: chosen(text),
                proposal: String::new(),
            });
        }
    }
    for (text, unit) in &preview.fuzzy {
        if !map_rows.iter().any(|r| &r.text == text) {
            map_rows.push(MapRow {
                text: text.clone(),
                chosen: String::new(),
                proposal: unit.clone(),
            });
        }
    }
    let mut form = form;
    if form.issuing_unit_id.is_empty() {
        form.issuing_unit_id = actor.unit_id.map(|u| u.to_string()).unwrap_or_default();
    }
    if let Some(period) = preview.preview.plan.period {
        if form.first_year.is_empty() {
            form.first_year = period.first_year().to_string();
        }
        if form.last_year.is_empty() {
            form.last_year = period.last_year().to_string();
        }
    }
    let info = &preview.preview.plan;
    let page = PreviewPage {
        chrome: Chrome::new(actor, "/plans", "Xem trước kế hoạch nhập từ tệp"),
        plan_title: info.title.clone().unwrap_or_default(),
        plan_number: info.number.clone().unwrap_or_default(),
        issued_on: info.issued_on.map(date_vn).unwrap_or_default(),
        counts: preview.counts,
        rows: preview_rows(&preview),
        warnings: preview
            .preview
            .warnings
            .iter()
            .map(|w| {
                (
                    w.row
                        .map(|r| format!("Dòng {r}"))
                        .unwrap_or_else(|| "Chung".into()),
                    w.message.clone(),
                )
            })
            .collect(),
        map_rows,
        units: unit_options(state, actor).await?,
        form,
        error,
    };
    Ok(render(&page))
}

/// The file a step form names, or (when it is gone) the upload page again
/// with the reason, for a new plan or for re-importing into `plan_id`.
async fn staged(
    state: &AppState,
    actor: &Actor,
    form: &StepForm,
    plan_id: Option<i64>,
) -> Result<Result<ImportFile, Response>, PageError> {
    match state
        .app
        .staged_import(actor, &form.sha256, &form.file_name)
        .await
    {
        Ok(f) => Ok(Ok(f)),
        Err(AppError::NotFound(message)) => {
            let page = upload_page(state, actor, plan_id, message.into()).await?;
            Ok(Err(
                (StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response()
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /plans/import`: the upload; shows its preview.
pub async fn upload(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Response, PageError> {
    require_coordinator(&actor)?;
    let file = match read_upload(multipart, 20).await {
        Ok(f) => f,
        Err(e) => {
            let page = upload_page(&state, &actor, None, e.to_string()).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response());
        }
    };
    let sha256 = state.app.stage_import(&actor, &file).await?;
    let form = StepForm {
        sha256,
        file_name: file.file_name,
        ..Default::default()
    };
    preview_page(&state, &actor, form, String::new()).await
}

/// `POST /plans/import/preview`: the preview again with the units mapped so far.
pub async fn preview(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Form(form): Form<StepForm>,
) -> Result<Response, PageError> {
    preview_page(&state, &actor, form, String::new()).await
}

/// `POST /plans/import/commit`: stores the plan.
pub async fn commit(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Form(form): Form<StepForm>,
) -> Result<Response, PageError> {
    let file = match state
        .app
        .staged_import(&actor, &form.sha256, &form.file_name)
        .await
    {
        Ok(f) => f,
        Err(AppError::NotFound(_)) => {
            return preview_page(&state, &actor, form, String::new()).await;
        }
        Err(e) => return Err(e.into()),
    };
    let settings = ImportSettings {
        issuing_unit_id: opt_id(&form.issuing_unit_id),
        first_year: form.first_year.trim().parse().ok(),
        last_year: form.last_year.trim().parse().ok(),
        mappings: form.mappings(),
    };
    match state.app.import_plan(&actor, &file, &settings).await {
        Ok(plan) => Ok(Redirect::to(&format!("/plans/{}?ok=imported", plan.id)).into_response()),
        Err(AppError::Validation(e)) => {
            let mut page = preview_page(&state, &actor, form, e.summary()).await?;
            *page.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(page)
        }
        Err(AppError::Forbidden) => {
            let page = preview_page(
                &state,
                &actor,
                form,
                "Bạn không phải đầu mối CCHC của đơn vị ban hành đã chọn.".into(),
            )
            .await?;
            Ok(page)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "imports/diff.html")]
struct DiffPage {
    chrome: Chrome,
    plan_id: i64,
    plan_title: String,
    form: StepForm,
    diff: ImportDiff,
    applied: bool,
    error: String,
}

async fn diff_page(
    state: &AppState,
    actor: &Actor,
    plan_id: i64,
    form: StepForm,
    apply: bool,
) -> Result<Response, PageError> {
    let view = state.app.plan(actor, plan_id).await?;
    if !view.can_manage {
        return Err(AppError::Forbidden.into());
    }
    let file = match staged(state, actor, &form, Some(plan_id)).await? {
        Ok(f) => f,
        Err(upload_again) => return Ok(upload_again),
    };
    let mappings = form.mappings();
    let result = if apply {
        state
            .app
            .reimport_plan(actor, plan_id, &file, &mappings)
            .await
    } else {
        state
            .app
            .reimport_preview(actor, plan_id, &file, &mappings)
            .await
    };
    let (diff, error) = match result {
        Ok(d) => (d, String::new()),
        Err(AppError::Validation(e)) => (ImportDiff::default(), e.summary()),
        Err(e) => return Err(e.into()),
    };
    let page = DiffPage {
        chrome: Chrome::new(actor, "/plans", "Cập nhật kế hoạch từ tệp"),
        plan_id,
        plan_title: view.plan.title,
        form,
        diff,
        applied: apply && error.is_empty(),
        error,
    };
    Ok(render(&page))
}

/// `POST /plans/{id}/reimport`: the upload of a revised document.
pub async fn reupload(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Response, PageError> {
    require_coordinator(&actor)?;
    let file = match read_upload(multipart, 20).await {
        Ok(f) => f,
        Err(e) => {
            let page = upload_page(&state, &actor, Some(id), e.to_string()).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response());
        }
    };
    let sha256 = state.app.stage_import(&actor, &file).await?;
    let form = StepForm {
        sha256,
        file_name: file.file_name,
        ..Default::default()
    };
    diff_page(&state, &actor, id, form, false).await
}

/// `POST /plans/{id}/reimport/apply`
pub async fn apply(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
    Form(form): Form<StepForm>,
) -> Result<Response, PageError> {
    diff_page(&state, &actor, id, form, true).await
}

#[derive(Deserialize)]
pub struct ExportQuery {
    #[serde(default)]
    format: String,
}

/// `GET /plans/{id}/export?format=plan|appendix|xlsx`
pub async fn export(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
    Query(q): Query<ExportQuery>,
) -> Result<Response, PageError> {
    let format = if q.format.is_empty() {
        "plan"
    } else {
        q.format.as_str()
    };
    let kind = PlanDocumentKind::parse(format).ok_or_else(|| {
        AppError::validation("format", "Chọn định dạng: plan, appendix hoặc xlsx.")
    })?;
    let doc = state.app.plan_document(&actor, id, kind, "").await?;
    Ok(download_response(doc.media_type, &doc.file_name, doc.bytes))
}
