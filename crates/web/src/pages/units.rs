//! Organisation tree pages: browse and search, create, edit and move, close.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use cchc_app::AppError;
use cchc_app::units::TreeRow;
use cchc_domain::ValidationErrors;
use cchc_domain::actor::Actor;
use cchc_domain::roles::Role;
use cchc_domain::units::{Unit, UnitDraft, UnitKind, subtree_ids};

use super::{date_input, opt_id, opt_text};
use crate::AppState;
use crate::auth::PageUser;
use crate::error::status_of;
use crate::views::{Chrome, NoticeQuery, PageError, date_vn, opt_date_vn, render};

pub struct Row {
    id: i64,
    name: String,
    code: String,
    aliases: String,
    kind: &'static str,
    depth: usize,
    open: bool,
    matched: bool,
    valid_to: String,
}

impl From<TreeRow> for Row {
    fn from(r: TreeRow) -> Self {
        let mut names: Vec<String> = r.unit.short_name.iter().cloned().collect();
        names.extend(r.unit.aliases.iter().cloned());
        Row {
            id: r.unit.id,
            name: r.unit.name,
            code: r.unit.code,
            aliases: names.join("; "),
            kind: r.unit.kind.label(),
            depth: r.depth.min(8),
            open: r.open,
            matched: r.matched,
            valid_to: opt_date_vn(r.unit.valid_to),
        }
    }
}

#[derive(Template)]
#[template(path = "units/list.html")]
struct ListPage {
    chrome: Chrome,
    q: String,
    include_closed: bool,
    rows: Vec<Row>,
    can_create: bool,
}

#[derive(Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    closed: Option<String>,
    #[serde(default)]
    ok: Option<String>,
}

pub async fn list(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Query(q): Query<ListQuery>,
) -> Result<Response, PageError> {
    let include_closed = q.closed.is_some();
    let rows = state.app.unit_tree(&actor, &q.q, include_closed).await?;
    Ok(render(&ListPage {
        chrome: Chrome::new(&actor, "/units", "Cơ cấu tổ chức").with_notice(q.ok.as_deref()),
        q: q.q,
        include_closed,
        rows: rows.into_iter().map(Row::from).collect(),
        can_create: actor.has_role(Role::Admin),
    }))
}

#[derive(Template)]
#[template(path = "units/show.html")]
struct ShowPage {
    chrome: Chrome,
    unit: Unit,
    short_name: String,
    aliases: String,
    kind: &'static str,
    parent: Option<(i64, String)>,
    ancestors: Vec<(i64, String)>,
    children: Vec<(i64, String, bool)>,
    valid_from: String,
    valid_to: String,
    open: bool,
    can_manage: bool,
    show_history: bool,
}

pub async fn show(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, PageError> {
    let units = state.app.units(&actor).await?;
    let unit = units
        .iter()
        .find(|u| u.id == id)
        .cloned()
        .ok_or(AppError::NotFound("Không tìm thấy đơn vị."))?;
    let name_of = |id: i64| {
        units
            .iter()
            .find(|u| u.id == id)
            .map(|u| u.name.clone())
            .unwrap_or_default()
    };
    let mut ancestors = Vec::new();
    let mut cur = unit.parent_id;
    while let Some(p) = cur.filter(|p| !ancestors.iter().any(|(a, _)| a == p)) {
        ancestors.insert(0, (p, name_of(p)));
        cur = units.iter().find(|u| u.id == p).and_then(|u| u.parent_id);
    }
    let today = state.app.today();
    Ok(render(&ShowPage {
        chrome: Chrome::new(&actor, "/units", unit.name.clone()).with_notice(q.ok.as_deref()),
        short_name: unit.short_name.clone().unwrap_or_default(),
        aliases: unit.aliases.join("; "),
        kind: unit.kind.label(),
        parent: unit.parent_id.map(|p| (p, name_of(p))),
        ancestors,
        children: units
            .iter()
            .filter(|u| u.parent_id == Some(id))
            .map(|u| (u.id, u.name.clone(), u.is_open_on(today)))
            .collect(),
        valid_from: date_vn(unit.valid_from),
        valid_to: opt_date_vn(unit.valid_to),
        open: unit.is_open_on(today),
        can_manage: actor.covers(&[Role::Admin], id),
        show_history: actor.covers_all(&[Role::Admin]),
        unit,
    }))
}

/// The unit form as typed, so a rejected submission is shown back unchanged.
#[derive(Deserialize, Default)]
pub struct UnitForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    short_name: String,
    #[serde(default)]
    aliases: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    parent_id: String,
    #[serde(default)]
    valid_from: String,
    #[serde(default)]
    valid_to: String,
}

impl UnitForm {
    fn from_unit(u: &Unit) -> Self {
        UnitForm {
            version: u.version.to_string(),
            code: u.code.clone(),
            name: u.name.clone(),
            short_name: u.short_name.clone().unwrap_or_default(),
            aliases: u.aliases.join("; "),
            kind: u.kind.code().into(),
            parent_id: u.parent_id.map(|p| p.to_string()).unwrap_or_default(),
            valid_from: date_vn(u.valid_from),
            valid_to: opt_date_vn(u.valid_to),
        }
    }

    fn draft(&self) -> Result<UnitDraft, AppError> {
        let mut errors = ValidationErrors::default();
        let mut date = |field, value: &str| {
            date_input(field, value).unwrap_or_else(|e| {
                errors.add(field, e.summary());
                None
            })
        };
        let valid_from = date("valid_from", &self.valid_from);
        let valid_to = date("valid_to", &self.valid_to);
        errors.into_result()?;
        Ok(UnitDraft {
            code: self.code.clone(),
            name: self.name.clone(),
            short_name: opt_text(&self.short_name),
            aliases: vec![self.aliases.clone()],
            kind: self.kind.clone(),
            parent_id: opt_id(&self.parent_id),
            valid_from,
            valid_to,
        })
    }
}

#[derive(Template)]
#[template(path = "units/form.html")]
struct FormPage {
    chrome: Chrome,
    action: String,
    cancel: String,
    version: String,
    form: UnitForm,
    kinds: Vec<(&'static str, &'static str)>,
    parents: Vec<(String, String)>,
    errors: ValidationErrors,
}

/// Open units as parent choices, indented by depth, leaving out `exclude` and its subtree.
async fn parent_options(
    state: &AppState,
    actor: &Actor,
    exclude: Option<i64>,
) -> Result<Vec<(String, String)>, AppError> {
    let rows = state.app.unit_tree(actor, "", false).await?;
    let links: Vec<_> = rows.iter().map(|r| (r.unit.id, r.unit.parent_id)).collect();
    let excluded = exclude.map(|e| subtree_ids(&links, e)).unwrap_or_default();
    Ok(rows
        .into_iter()
        .filter(|r| !excluded.contains(&r.unit.id))
        .map(|r| (r.unit.id.to_string(), r.indented_name()))
        .collect())
}

async fn form_page(
    state: &AppState,
    actor: &Actor,
    id: Option<i64>,
    form: UnitForm,
    errors: ValidationErrors,
) -> Result<FormPage, AppError> {
    let (title, action, cancel) = match id {
        Some(id) => (
            "Sửa thông tin đơn vị".to_string(),
            format!("/units/{id}"),
            format!("/units/{id}"),
        ),
        None => (
            "Thêm đơn vị".to_string(),
            "/units".to_string(),
            "/units".to_string(),
        ),
    };
    Ok(FormPage {
        chrome: Chrome::new(actor, "/units", title),
        action,
        cancel,
        version: form.version.clone(),
        kinds: UnitKind::ALL
            .iter()
            .map(|k| (k.code(), k.label()))
            .collect(),
        parents: parent_options(state, actor, id).await?,
        form,
        errors,
    })
}

/// Re-renders the form for validation and conflict errors; other errors become an error page.
async fn rejected(
    state: &AppState,
    actor: &Actor,
    id: Option<i64>,
    form: UnitForm,
    error: AppError,
) -> Result<Response, PageError> {
    let errors = match error {
        AppError::Validation(errors) => errors,
        AppError::Conflict | AppError::Duplicate(_) => {
            ValidationErrors::single("form", error.to_string())
        }
        other => return Err(other.into()),
    };
    let status = if errors.for_field("form").is_some() {
        status_of(&AppError::Conflict)
    } else {
        status_of(&AppError::Validation(errors.clone()))
    };
    let page = form_page(state, actor, id, form, errors).await?;
    Ok((status, render(&page)).into_response())
}

#[derive(Deserialize)]
pub struct NewQuery {
    #[serde(default)]
    parent: Option<i64>,
}

pub async fn new_form(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Query(q): Query<NewQuery>,
) -> Result<Response, PageError> {
    if !state.app.can_manage_units_under(&actor, q.parent) && !actor.has_role(Role::Admin) {
        return Err(AppError::Forbidden.into());
    }
    let form = UnitForm {
        kind: if q.parent.is_some() {
            "division".into()
        } else {
            "department".into()
        },
        parent_id: q.parent.map(|p| p.to_string()).unwrap_or_default(),
        valid_from: date_vn(state.app.today()),
        ..Default::default()
    };
    Ok(render(
        &form_page(&state, &actor, None, form, ValidationErrors::default()).await?,
    ))
}

pub async fn create(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Form(form): Form<UnitForm>,
) -> Result<Response, PageError> {
    let created = match form.draft() {
        Ok(draft) => state.app.create_unit(&actor, draft).await,
        Err(error) => Err(error),
    };
    match created {
        Ok(unit) => Ok(Redirect::to(&format!("/units/{}?ok=created", unit.id)).into_response()),
        Err(error) => rejected(&state, &actor, None, form, error).await,
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let unit = state.app.unit(&actor, id).await?;
    if !actor.covers(&[Role::Admin], id) {
        return Err(AppError::Forbidden.into());
    }
    let page = form_page(
        &state,
        &actor,
        Some(id),
        UnitForm::from_unit(&unit),
        ValidationErrors::default(),
    )
    .await?;
    Ok(render(&page))
}

pub async fn update(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
    Form(form): Form<UnitForm>,
) -> Result<Response, PageError> {
    let version = form.version.trim().parse().unwrap_or(0);
    let updated = match form.draft() {
        Ok(draft) => state.app.update_unit(&actor, id, version, draft).await,
        Err(error) => Err(error),
    };
    match updated {
        Ok(_) => Ok(Redirect::to(&format!("/units/{id}?ok=saved")).into_response()),
        Err(error) => rejected(&state, &actor, Some(id), form, error).await,
    }
}

#[derive(Template)]
#[template(path = "units/close.html")]
struct ClosePage {
    chrome: Chrome,
    id: i64,
    name: String,
    version: i64,
    valid_to: String,
    error: Option<String>,
}

pub async fn close_form(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let unit = state.app.unit(&actor, id).await?;
    if !actor.covers(&[Role::Admin], id) {
        return Err(AppError::Forbidden.into());
    }
    Ok(render(&ClosePage {
        chrome: Chrome::new(&actor, "/units", "Đóng đơn vị"),
        id,
        name: unit.name,
        version: unit.version,
        valid_to: date_vn(state.app.today()),
        error: None,
    }))
}

#[derive(Deserialize)]
pub struct CloseForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    valid_to: String,
}

pub async fn close(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
    Form(f): Form<CloseForm>,
) -> Result<Response, PageError> {
    let unit = state.app.unit(&actor, id).await?;
    let mut form = UnitForm::from_unit(&unit);
    form.valid_to = f.valid_to.clone();
    let version = f.version.trim().parse().unwrap_or(0);
    let updated = match form.draft() {
        Ok(mut draft) => {
            draft.valid_to = draft.valid_to.or(Some(state.app.today()));
            state.app.update_unit(&actor, id, version, draft).await
        }
        Err(error) => Err(error),
    };
    match updated {
        Ok(_) => Ok(Redirect::to(&format!("/units/{id}?ok=closed")).into_response()),
        Err(error @ (AppError::Validation(_) | AppError::Conflict)) => {
            let page = ClosePage {
                chrome: Chrome::new(&actor, "/units", "Đóng đơn vị"),
                id,
                name: unit.name,
                version: unit.version,
                valid_to: f.valid_to,
                error: Some(error.to_string()),
            };
            Ok((status_of(&error), render(&page)).into_response())
        }
        Err(error) => Err(error.into()),
    }
}
