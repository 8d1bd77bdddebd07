//! The rounds of a year, one round's units with where each report stands,
//! and closing a round.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Datelike;
use serde::Deserialize;

use cchc_app::reports::RoundView;
use cchc_domain::actor::Actor;
use cchc_domain::plans::PLAN_VIEW_ROLES;
use cchc_domain::reports::{ReportStatus, RoundStatus, Timeliness, rights};
use cchc_domain::roles::Role;

use super::{Badge, version_of};
use crate::AppState;
use crate::auth::PageUser;
use crate::views::{Chrome, PageError, Pager, datetime_hm_vn, opt_date_vn, render};

const ROUNDS_PER_PAGE: i64 = 20;
const UNITS_PER_PAGE: i64 = 50;

/// A year asked for in a query, within the years reports can have.
pub(crate) fn year_or(year: Option<i32>, today: chrono::NaiveDate) -> i32 {
    year.filter(|y| (2000..=2100).contains(y))
        .unwrap_or(today.year())
}

/// The items of page `page` (1-based, already clamped by [`Pager`]).
pub(crate) fn page_of<T>(items: Vec<T>, pager: &Pager, per_page: i64) -> Vec<T> {
    let skip = usize::try_from((pager.page - 1) * per_page).unwrap_or(0);
    let take = usize::try_from(per_page).unwrap_or(usize::MAX);
    items.into_iter().skip(skip).take(take).collect()
}

/// How many reports of a round stand where.
#[derive(Default)]
pub struct Counts {
    pub total: usize,
    pub sent: usize,
    pub waiting: usize,
    pub returned: usize,
    pub accepted: usize,
    pub late: usize,
    pub missing: usize,
}

impl Counts {
    fn of(view: &RoundView) -> Counts {
        let mut c = Counts {
            total: view.reports.len(),
            ..Counts::default()
        };
        for r in &view.reports {
            c.sent += usize::from(r.first_submitted_at.is_some());
            match r.status {
                ReportStatus::Submitted => c.waiting += 1,
                ReportStatus::Returned => c.returned += 1,
                ReportStatus::Accepted => c.accepted += 1,
                ReportStatus::Draft => {}
            }
            match r.timeliness {
                Timeliness::Late { .. } => c.late += 1,
                Timeliness::Missing => c.missing += 1,
                _ => {}
            }
        }
        c
    }
}

pub struct OwnReport {
    pub report_id: i64,
    pub unit_name: String,
    pub status: Badge,
}

pub struct RoundRow {
    pub id: i64,
    pub label: String,
    pub department: String,
    pub window: String,
    pub unit_deadline: String,
    pub status: Badge,
    pub counts: Counts,
    /// Reports the actor writes.
    pub own: Vec<OwnReport>,
}

fn round_row(actor: &Actor, view: RoundView) -> RoundRow {
    let counts = Counts::of(&view);
    let own = view
        .reports
        .iter()
        .filter(|r| rights(actor, view.round.unit_id, r.unit_id).fill)
        .map(|r| OwnReport {
            report_id: r.report_id,
            unit_name: r.unit_name.clone(),
            status: Badge::status(r.status),
        })
        .collect();
    RoundRow {
        id: view.round.id,
        window: view.round.window().label(),
        unit_deadline: opt_date_vn(view.round.unit_deadline),
        status: Badge::round(view.round.status),
        label: view.round.label,
        department: view.department_name,
        counts,
        own,
    }
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    year: Option<i32>,
    #[serde(default)]
    page: Option<i64>,
    #[serde(default)]
    ok: Option<String>,
}

#[derive(Template)]
#[template(path = "reports/list.html")]
struct ListPage {
    chrome: Chrome,
    year: i32,
    rows: Vec<RoundRow>,
    pager: Pager,
    can_open: bool,
}

/// `GET /reports?year=`: the rounds of a year, the latest first.
pub async fn list(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Query(q): Query<ListQuery>,
) -> Result<Response, PageError> {
    let year = year_or(q.year, state.app.today());
    let rounds = state.app.report_rounds(&actor, Some(year)).await?;
    let total = i64::try_from(rounds.len()).unwrap_or(i64::MAX);
    let pager = Pager::new(q.page.unwrap_or(1), ROUNDS_PER_PAGE, total);
    let rows = page_of(rounds, &pager, ROUNDS_PER_PAGE)
        .into_iter()
        .map(|v| round_row(&actor, v))
        .collect();
    Ok(render(&ListPage {
        chrome: Chrome::new(&actor, "/reports", format!("Báo cáo định kỳ năm {year}"))
            .with_notice(q.ok.as_deref()),
        can_open: actor.has_role(Role::Coordinator),
        year,
        rows,
        pager,
    }))
}

pub struct UnitRow {
    pub report_id: i64,
    pub unit_name: String,
    pub status: Badge,
    pub submissions: i64,
    pub first_submitted: String,
    pub last_submitted: String,
    pub timeliness: Badge,
}

#[derive(Template)]
#[template(path = "reports/round.html")]
struct RoundPage {
    chrome: Chrome,
    id: i64,
    year: i32,
    label: String,
    department: String,
    window: String,
    unit_deadline: String,
    department_deadline: String,
    status: Badge,
    open: bool,
    opened: String,
    counts: Counts,
    rows: Vec<UnitRow>,
    pager: Pager,
    can_manage: bool,
    can_consolidate: bool,
}

#[derive(Deserialize, Default)]
pub struct RoundQuery {
    #[serde(default)]
    page: Option<i64>,
    #[serde(default)]
    ok: Option<String>,
}

/// `GET /reports/rounds/{id}`: the round and its units' reports.
pub async fn show(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
    Query(q): Query<RoundQuery>,
) -> Result<Response, PageError> {
    let view = state.app.report_round(&actor, id).await?;
    let counts = Counts::of(&view);
    let total = i64::try_from(view.reports.len()).unwrap_or(i64::MAX);
    let pager = Pager::new(q.page.unwrap_or(1), UNITS_PER_PAGE, total);
    let round = view.round;
    let rows = page_of(view.reports, &pager, UNITS_PER_PAGE)
        .into_iter()
        .map(|r| UnitRow {
            report_id: r.report_id,
            status: Badge::status(r.status),
            submissions: r.submissions,
            first_submitted: r.first_submitted_at.map(datetime_hm_vn).unwrap_or_default(),
            last_submitted: r.submitted_at.map(datetime_hm_vn).unwrap_or_default(),
            timeliness: Badge::timeliness(r.timeliness),
            unit_name: r.unit_name,
        })
        .collect();
    Ok(render(&RoundPage {
        chrome: Chrome::new(&actor, "/reports", round.label.clone()).with_notice(q.ok.as_deref()),
        id,
        year: round.year,
        department: view.department_name,
        window: round.window().label(),
        unit_deadline: opt_date_vn(round.unit_deadline),
        department_deadline: opt_date_vn(round.department_deadline),
        status: Badge::round(round.status),
        open: round.status == RoundStatus::Open,
        opened: format!(
            "{}, {}",
            round.opened_by_name,
            datetime_hm_vn(round.opened_at)
        ),
        can_manage: view.can_manage,
        can_consolidate: actor.covers(&PLAN_VIEW_ROLES, round.unit_id),
        label: round.label,
        counts,
        rows,
        pager,
    }))
}

#[derive(Template)]
#[template(path = "reports/close.html")]
struct ClosePage {
    chrome: Chrome,
    id: i64,
    label: String,
    version: i64,
    open: bool,
    not_accepted: usize,
    error: Option<String>,
}

async fn close_page(
    state: &AppState,
    actor: &Actor,
    id: i64,
    error: Option<String>,
) -> Result<ClosePage, PageError> {
    let view = state.app.report_round(actor, id).await?;
    if !view.can_manage {
        return Err(cchc_app::AppError::Forbidden.into());
    }
    let counts = Counts::of(&view);
    Ok(ClosePage {
        chrome: Chrome::new(actor, "/reports", format!("Đóng {}", view.round.label)),
        id,
        version: view.round.version,
        open: view.round.status == RoundStatus::Open,
        not_accepted: counts.total - counts.accepted,
        label: view.round.label,
        error,
    })
}

/// `GET /reports/rounds/{id}/close`: asks the coordinator to confirm.
pub async fn close_form(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    Ok(render(&close_page(&state, &actor, id, None).await?))
}

#[derive(Deserialize, Default)]
pub struct VersionForm {
    #[serde(default)]
    version: String,
}

/// `POST /reports/rounds/{id}/close`
pub async fn close(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
    Form(f): Form<VersionForm>,
) -> Result<Response, PageError> {
    match state
        .app
        .close_report_round(&actor, id, version_of(&f.version))
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/reports/rounds/{id}?ok=round_closed")).into_response()),
        Err(error) => {
            let (status, errors) = super::super::form_errors(error)?;
            let page = close_page(&state, &actor, id, Some(errors.summary())).await?;
            Ok((status, render(&page)).into_response())
        }
    }
}
