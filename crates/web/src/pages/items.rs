//! The coordinator's item editing: add, edit (with optimistic locking),
//! move, and delete after a confirmation page.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form as MultiForm;
use serde::Deserialize;

use cchc_app::AppError;
use cchc_app::plans::Move;
use cchc_domain::ValidationErrors;
use cchc_domain::actor::Actor;
use cchc_domain::plans::{ItemDraft, ItemKind, PlanItem, TaskRole, format_budget};

use super::{form_errors, opt_id};
use crate::AppState;
use crate::auth::PageUser;
use crate::views::{Chrome, PageError, render};

#[derive(Deserialize, Default, Clone)]
pub struct ItemForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    parent_id: String,
    #[serde(default)]
    area_id: String,
    #[serde(default)]
    number: String,
    #[serde(default)]
    content: String,
    #[serde(default)]
    indicator: String,
    #[serde(default)]
    output: String,
    #[serde(default)]
    budget: String,
    #[serde(default)]
    lead: Vec<i64>,
    #[serde(default)]
    cooperating: Vec<i64>,
    #[serde(default)]
    lead_text: String,
    #[serde(default)]
    start_text: String,
    #[serde(default)]
    end_text: String,
    #[serde(default)]
    note: String,
}

impl ItemForm {
    fn of(i: &PlanItem) -> ItemForm {
        ItemForm {
            version: i.version.to_string(),
            kind: i.kind.code().into(),
            parent_id: i.parent_id.map(|p| p.to_string()).unwrap_or_default(),
            area_id: i.area_id.map(|a| a.to_string()).unwrap_or_default(),
            number: i.number.clone(),
            content: i.content.clone(),
            indicator: i.indicator.clone(),
            output: i.output.clone(),
            budget: i.budget_vnd.map(format_budget).unwrap_or_default(),
            lead: i.unit_ids(TaskRole::Lead),
            cooperating: i.unit_ids(TaskRole::Cooperating),
            lead_text: i.lead_text.clone(),
            start_text: i.start_text.clone(),
            end_text: i.end_text.clone().unwrap_or_default(),
            note: i.note.clone(),
        }
    }

    fn draft(&self) -> ItemDraft {
        ItemDraft {
            parent_id: opt_id(&self.parent_id),
            area_id: opt_id(&self.area_id),
            kind: self.kind.clone(),
            number: self.number.clone(),
            content: self.content.clone(),
            indicator: self.indicator.clone(),
            output: self.output.clone(),
            budget: self.budget.clone(),
            lead_unit_ids: self.lead.clone(),
            cooperating_unit_ids: self.cooperating.clone(),
            lead_text: self.lead_text.clone(),
            cooperating_text: String::new(),
            start_text: self.start_text.clone(),
            end_text: Some(self.end_text.clone()).filter(|e| !e.trim().is_empty()),
            note: self.note.clone(),
            extra: Default::default(),
        }
    }
}

#[derive(Template)]
#[template(path = "items/form.html")]
struct FormPage {
    chrome: Chrome,
    plan_id: i64,
    plan_title: String,
    action: String,
    form: ItemForm,
    kinds: Vec<(&'static str, &'static str)>,
    parents: Vec<(String, String)>,
    areas: Vec<(String, String)>,
    units: Vec<(i64, String)>,
    errors: ValidationErrors,
    delete_url: Option<String>,
}

async fn form_page(
    state: &AppState,
    actor: &Actor,
    plan_id: i64,
    editing: Option<i64>,
    form: ItemForm,
    errors: ValidationErrors,
) -> Result<FormPage, PageError> {
    let view = state.app.plan(actor, plan_id).await?;
    if !view.can_manage {
        return Err(AppError::Forbidden.into());
    }
    let parents = view
        .items
        .iter()
        .filter(|r| Some(r.item.id) != editing)
        .map(|r| {
            let text: String = r.item.content.chars().take(90).collect();
            (
                r.item.id.to_string(),
                format!("{}{} {}", "— ".repeat(r.depth), r.item.number, text),
            )
        })
        .collect();
    let areas = state
        .app
        .areas()
        .await?
        .into_iter()
        .map(|a| (a.id.to_string(), a.name))
        .collect();
    let units = state
        .app
        .unit_tree(actor, "", false)
        .await?
        .into_iter()
        .map(|r| (r.unit.id, r.indented_name()))
        .collect();
    let (title, action) = match editing {
        Some(id) => ("Sửa mục kế hoạch", format!("/items/{id}")),
        None => ("Thêm mục kế hoạch", format!("/plans/{plan_id}/items")),
    };
    Ok(FormPage {
        chrome: Chrome::new(actor, "/plans", title),
        plan_id,
        plan_title: view.plan.title,
        action,
        form,
        kinds: ItemKind::ALL
            .iter()
            .map(|k| (k.code(), k.label()))
            .collect(),
        parents,
        areas,
        units,
        errors,
        delete_url: editing.map(|id| format!("/items/{id}/delete")),
    })
}

#[derive(Deserialize)]
pub struct NewQuery {
    #[serde(default)]
    parent: Option<i64>,
}

pub async fn new_form(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(plan_id): Path<i64>,
    Query(q): Query<NewQuery>,
) -> Result<Response, PageError> {
    let form = ItemForm {
        kind: if q.parent.is_some() {
            "task"
        } else {
            "section"
        }
        .into(),
        parent_id: q.parent.map(|p| p.to_string()).unwrap_or_default(),
        ..Default::default()
    };
    let page = form_page(
        &state,
        &actor,
        plan_id,
        None,
        form,
        ValidationErrors::default(),
    )
    .await?;
    Ok(render(&page))
}

pub async fn create(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(plan_id): Path<i64>,
    MultiForm(form): MultiForm<ItemForm>,
) -> Result<Response, PageError> {
    match state.app.create_item(&actor, plan_id, form.draft()).await {
        Ok(item) => {
            let to = format!("/plans/{plan_id}?ok=created#item-{}", item.id);
            Ok(Redirect::to(&to).into_response())
        }
        Err(error) => {
            let (status, errors) = form_errors(error)?;
            let page = form_page(&state, &actor, plan_id, None, form, errors).await?;
            Ok((status, render(&page)).into_response())
        }
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let (plan, item) = state.app.item(&actor, id).await?;
    let page = form_page(
        &state,
        &actor,
        plan.id,
        Some(id),
        ItemForm::of(&item),
        ValidationErrors::default(),
    )
    .await?;
    Ok(render(&page))
}

pub async fn update(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
    MultiForm(form): MultiForm<ItemForm>,
) -> Result<Response, PageError> {
    let (plan, _) = state.app.item(&actor, id).await?;
    let version = form.version.trim().parse().unwrap_or(0);
    match state
        .app
        .update_item(&actor, id, version, form.draft())
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/plans/{}?ok=saved", plan.id)).into_response()),
        Err(error) => {
            let (status, errors) = form_errors(error)?;
            let page = form_page(&state, &actor, plan.id, Some(id), form, errors).await?;
            Ok((status, render(&page)).into_response())
        }
    }
}

#[derive(Deserialize)]
pub struct MoveForm {
    direction: Move,
}

pub async fn move_item(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
    Form(f): Form<MoveForm>,
) -> Result<Response, PageError> {
    let (plan, _) = state.app.item(&actor, id).await?;
    state.app.move_item(&actor, id, f.direction).await?;
    Ok(Redirect::to(&format!("/plans/{}#item-{id}", plan.id)).into_response())
}

#[derive(Template)]
#[template(path = "items/delete.html")]
struct DeletePage {
    chrome: Chrome,
    item: PlanItem,
    plan_id: i64,
    error: Option<String>,
}

pub async fn delete_form(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let (plan, item) = state.app.item(&actor, id).await?;
    if !plan.managed_by(&actor) {
        return Err(AppError::Forbidden.into());
    }
    Ok(render(&DeletePage {
        chrome: Chrome::new(&actor, "/plans", "Xóa mục kế hoạch"),
        plan_id: plan.id,
        item,
        error: None,
    }))
}

#[derive(Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    version: String,
}

pub async fn delete(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
    Form(f): Form<DeleteForm>,
) -> Result<Response, PageError> {
    let (plan, item) = state.app.item(&actor, id).await?;
    let version = f.version.trim().parse().unwrap_or(0);
    match state.app.delete_item(&actor, id, version).await {
        Ok(()) => Ok(Redirect::to(&format!("/plans/{}?ok=deleted", plan.id)).into_response()),
        Err(error) => {
            let (status, errors) = form_errors(error)?;
            let page = DeletePage {
                chrome: Chrome::new(&actor, "/plans", "Xóa mục kế hoạch"),
                plan_id: plan.id,
                item,
                error: Some(errors.summary()),
            };
            Ok((status, render(&page)).into_response())
        }
    }
}
