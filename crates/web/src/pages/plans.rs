//! Plan pages: the list, the header form and the plan overview with its
//! progress by area and by unit and the item tree the coordinator edits.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use cchc_app::plans::{ItemRow, OverviewPage, PlanView, SECTION_PAGE_ITEMS};
use cchc_app::work::{Overview, Progress};
use cchc_domain::ValidationErrors;
use cchc_domain::actor::Actor;
use cchc_domain::plans::{ItemKind, Plan, PlanDraft, PlanStatus, format_budget};
use cchc_domain::roles::Role;
use cchc_domain::tracking::Status;

use super::{date_input, form_errors, opt_id};
use crate::AppState;
use crate::auth::PageUser;
use crate::views::{Chrome, PageError, Pager, date_vn, opt_date_vn, render};

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    ok: Option<String>,
}

#[derive(Template)]
#[template(path = "plans/list.html")]
struct ListPage {
    chrome: Chrome,
    q: String,
    plans: Vec<Plan>,
    can_create: bool,
}

pub async fn list(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Query(q): Query<ListQuery>,
) -> Result<Response, PageError> {
    let plans = state.app.plans(&actor, &q.q).await?;
    Ok(render(&ListPage {
        chrome: Chrome::new(&actor, "/plans", "Kế hoạch CCHC").with_notice(q.ok.as_deref()),
        can_create: actor.has_role(Role::Coordinator),
        q: q.q,
        plans,
    }))
}

#[derive(Deserialize, Default, Clone)]
pub struct PlanForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    number: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    issuing_unit_id: String,
    #[serde(default)]
    issued_on: String,
    #[serde(default)]
    first_year: String,
    #[serde(default)]
    last_year: String,
    #[serde(default)]
    legal_bases: String,
    #[serde(default)]
    status: String,
}

impl PlanForm {
    fn of(p: &Plan) -> PlanForm {
        PlanForm {
            version: p.version.to_string(),
            number: p.number.clone(),
            title: p.title.clone(),
            issuing_unit_id: p.issuing_unit_id.to_string(),
            issued_on: opt_date_vn(p.issued_on),
            first_year: p.first_year.to_string(),
            last_year: p.last_year.to_string(),
            legal_bases: p.legal_bases.join("\n"),
            status: p.status.code().into(),
        }
    }

    fn draft(&self) -> Result<PlanDraft, ValidationErrors> {
        Ok(PlanDraft {
            number: self.number.clone(),
            title: self.title.clone(),
            issuing_unit_id: opt_id(&self.issuing_unit_id),
            issued_on: date_input("issued_on", &self.issued_on)?,
            first_year: self.first_year.trim().parse().ok(),
            last_year: self.last_year.trim().parse().ok(),
            legal_bases: vec![self.legal_bases.clone()],
            status: Some(self.status.clone()),
        })
    }
}

#[derive(Template)]
#[template(path = "plans/form.html")]
struct FormPage {
    chrome: Chrome,
    action: String,
    cancel: String,
    form: PlanForm,
    units: Vec<(String, String)>,
    statuses: Vec<(&'static str, &'static str)>,
    errors: ValidationErrors,
}

async fn form_page(
    state: &AppState,
    actor: &Actor,
    id: Option<i64>,
    form: PlanForm,
    errors: ValidationErrors,
) -> Result<FormPage, PageError> {
    let units = state
        .app
        .unit_tree(actor, "", false)
        .await?
        .into_iter()
        .filter(|r| actor.covers(&[Role::Coordinator], r.unit.id))
        .map(|r| (r.unit.id.to_string(), r.indented_name()))
        .collect();
    let (title, action, cancel) = match id {
        Some(id) => (
            "Sửa thông tin kế hoạch",
            format!("/plans/{id}"),
            format!("/plans/{id}"),
        ),
        None => ("Tạo kế hoạch", "/plans".to_string(), "/plans".to_string()),
    };
    Ok(FormPage {
        chrome: Chrome::new(actor, "/plans", title),
        action,
        cancel,
        form,
        units,
        statuses: PlanStatus::ALL
            .iter()
            .map(|s| (s.code(), s.label()))
            .collect(),
        errors,
    })
}

pub async fn new_form(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
) -> Result<Response, PageError> {
    if !actor.has_role(Role::Coordinator) {
        return Err(cchc_app::AppError::Forbidden.into());
    }
    let year = state.app.today().format("%Y").to_string();
    let form = PlanForm {
        first_year: year.clone(),
        last_year: year,
        status: "draft".into(),
        issuing_unit_id: actor.unit_id.map(|u| u.to_string()).unwrap_or_default(),
        ..Default::default()
    };
    Ok(render(
        &form_page(&state, &actor, None, form, ValidationErrors::default()).await?,
    ))
}

pub async fn create(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Form(form): Form<PlanForm>,
) -> Result<Response, PageError> {
    let result = match form.draft() {
        Ok(d) => state.app.create_plan(&actor, d).await,
        Err(e) => Err(e.into()),
    };
    match result {
        Ok(plan) => Ok(Redirect::to(&format!("/plans/{}?ok=created", plan.id)).into_response()),
        Err(error) => {
            let (status, errors) = form_errors(error)?;
            let page = form_page(&state, &actor, None, form, errors).await?;
            Ok((status, render(&page)).into_response())
        }
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let view = state.app.plan(&actor, id).await?;
    if !view.can_manage {
        return Err(cchc_app::AppError::Forbidden.into());
    }
    let form = PlanForm::of(&view.plan);
    Ok(render(
        &form_page(&state, &actor, Some(id), form, ValidationErrors::default()).await?,
    ))
}

pub async fn update(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
    Form(form): Form<PlanForm>,
) -> Result<Response, PageError> {
    let version = form.version.trim().parse().unwrap_or(0);
    let result = match form.draft() {
        Ok(d) => state.app.update_plan(&actor, id, version, d).await,
        Err(e) => Err(e.into()),
    };
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/plans/{id}?ok=saved")).into_response()),
        Err(error) => {
            let (status, errors) = form_errors(error)?;
            let page = form_page(&state, &actor, Some(id), form, errors).await?;
            Ok((status, render(&page)).into_response())
        }
    }
}

pub async fn renumber(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    state.app.renumber_plan(&actor, id).await?;
    Ok(Redirect::to(&format!("/plans/{id}?ok=renumbered")).into_response())
}

/// A row of the item tree as the overview shows it.
pub struct TreeRow {
    pub id: i64,
    pub depth: usize,
    pub number: String,
    pub content: String,
    pub kind: ItemKind,
    pub is_task: bool,
    pub lead: String,
    pub schedule: String,
    pub budget: String,
    /// A heading repeated from the section's previous page.
    pub continued: bool,
}

/// A section of a large plan in the overview's section bar.
pub struct SectionLink {
    pub id: i64,
    pub label: String,
    pub current: bool,
}

/// A progress line with the counts in status order.
pub struct ProgressRow {
    pub id: Option<i64>,
    pub name: String,
    pub counts: Vec<i64>,
    pub total: i64,
    pub overdue: i64,
    pub percent: i64,
}

fn progress_rows(groups: &[Progress]) -> Vec<ProgressRow> {
    groups
        .iter()
        .map(|g| ProgressRow {
            id: g.id,
            name: g.name.clone(),
            counts: Status::ALL.iter().map(|s| g.count(s.code())).collect(),
            total: g.total,
            overdue: g.overdue,
            percent: g.percent_done(),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "plans/show.html")]
struct ShowPage {
    chrome: Chrome,
    plan: Plan,
    issued_on: String,
    can_manage: bool,
    whole: bool,
    rows: Vec<TreeRow>,
    /// For a large plan: its sections, one shown at a time.
    sections: Vec<SectionLink>,
    /// Pages of the section shown, when it has more than one.
    pager: Option<Pager>,
    section: Option<i64>,
    statuses: Vec<&'static str>,
    totals: ProgressRow,
    by_area: Vec<ProgressRow>,
    by_unit: Vec<ProgressRow>,
    total_budget: String,
}

fn tree_rows(state_units: &[cchc_domain::units::Unit], view: &PlanView) -> Vec<TreeRow> {
    let name = |id: i64| {
        state_units
            .iter()
            .find(|u| u.id == id)
            .map(|u| u.short_name.clone().unwrap_or_else(|| u.name.clone()))
            .unwrap_or_default()
    };
    view.items
        .iter()
        .map(
            |ItemRow {
                 item,
                 depth,
                 continued,
             }| TreeRow {
                id: item.id,
                depth: *depth,
                continued: *continued,
                number: item.number.clone(),
                content: item.content.lines().next().unwrap_or_default().to_string(),
                kind: item.kind,
                is_task: item.kind == ItemKind::Task,
                lead: item
                    .unit_ids(cchc_domain::plans::TaskRole::Lead)
                    .into_iter()
                    .map(name)
                    .collect::<Vec<_>>()
                    .join(", "),
                schedule: item.schedule().source_text(),
                budget: item.budget_vnd.map(format_budget).unwrap_or_default(),
            },
        )
        .collect()
}

#[derive(Deserialize, Default)]
pub struct ShowQuery {
    #[serde(default)]
    ok: Option<String>,
    #[serde(default)]
    section: Option<String>,
    #[serde(default)]
    page: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
    Query(q): Query<ShowQuery>,
) -> Result<Response, PageError> {
    let section = q.section.as_deref().and_then(|s| s.trim().parse().ok());
    let page_no = q.page.as_deref().and_then(|p| p.trim().parse().ok());
    let OverviewPage {
        page,
        overview: Overview {
            totals,
            by_area,
            by_unit,
        },
        units,
    } = state
        .app
        .plan_overview_page(&actor, id, section, page_no.unwrap_or(1))
        .await?;
    let view = &page.view;
    Ok(render(&ShowPage {
        chrome: Chrome::new(&actor, "/plans", view.plan.title.clone()).with_notice(q.ok.as_deref()),
        issued_on: view
            .plan
            .issued_on
            .map(date_vn)
            .unwrap_or_else(|| "chưa ghi".into()),
        rows: tree_rows(&units, view),
        sections: page
            .sections
            .iter()
            .map(|t| SectionLink {
                id: t.id,
                label: format!(
                    "{} {}",
                    t.number,
                    t.content.lines().next().unwrap_or_default()
                )
                .trim()
                .to_string(),
                current: page.section == Some(t.id),
            })
            .collect(),
        pager: (!page.sections.is_empty() && page.section_items > SECTION_PAGE_ITEMS)
            .then(|| Pager::new(page.page, SECTION_PAGE_ITEMS, page.section_items)),
        section: page.section,
        statuses: Status::ALL.iter().map(|s| s.label()).collect(),
        totals: progress_rows(std::slice::from_ref(&totals)).remove(0),
        by_area: progress_rows(&by_area),
        by_unit: progress_rows(&by_unit),
        total_budget: format_budget(page.budget_total_vnd),
        can_manage: view.can_manage,
        whole: view.whole,
        plan: view.plan.clone(),
    }))
}
