//! The department's report of a round, assembled from the units' accepted
//! reports: what each unit wrote per section, and the department's figures
//! (its own data with the coordinator's corrections) beside the units' ones.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use cchc_app::AppError;
use cchc_domain::actor::Actor;
use cchc_domain::plans::roman;
use cchc_domain::reports::{ConsolidatedField, RoundStatus};

use super::Badge;
use super::report::FigureForm;
use super::sections::{ManualCard, anchor, figure_parts};
use crate::AppState;
use crate::auth::PageUser;
use crate::pages::form_errors;
use crate::views::{Chrome, NoticeQuery, PageError, date_vn, number_vn, opt_date_vn, render};

pub struct Contribution {
    pub unit_name: String,
    pub text: String,
}

pub struct UnitValue {
    pub unit_name: String,
    pub value: String,
}

pub struct ConsField {
    pub key: String,
    pub anchor: String,
    pub label: String,
    pub is_text: bool,
    pub contributions: Vec<Contribution>,
    pub unit: String,
    pub value: String,
    pub automatic: bool,
    pub computed: String,
    pub manual: Option<ManualCard>,
    pub by_unit: Vec<UnitValue>,
    pub units_total: String,
}

pub struct ConsSection {
    pub number: String,
    pub title: String,
    pub fields: Vec<ConsField>,
    pub has_figures: bool,
}

fn cons_field(f: ConsolidatedField) -> ConsField {
    match f {
        ConsolidatedField::Text {
            key,
            label,
            contributions,
        } => ConsField {
            anchor: anchor(&key),
            key,
            label,
            is_text: true,
            contributions: contributions
                .into_iter()
                .map(|c| Contribution {
                    unit_name: c.unit_name,
                    text: c.text,
                })
                .collect(),
            unit: String::new(),
            value: String::new(),
            automatic: false,
            computed: String::new(),
            manual: None,
            by_unit: Vec::new(),
            units_total: String::new(),
        },
        ConsolidatedField::Figure {
            key,
            label,
            unit,
            department,
            by_unit,
            units_total,
        } => {
            let (value, computed, manual) = figure_parts(Some(&department));
            ConsField {
                anchor: anchor(&key),
                key,
                label,
                is_text: false,
                contributions: Vec::new(),
                unit,
                value,
                automatic: department.computed.is_some(),
                computed,
                manual,
                by_unit: by_unit
                    .into_iter()
                    .map(|u| UnitValue {
                        unit_name: u.unit_name,
                        value: u.value.map(number_vn).unwrap_or_default(),
                    })
                    .collect(),
                units_total: number_vn(units_total),
            }
        }
    }
}

#[derive(Template)]
#[template(path = "reports/consolidated.html")]
struct ConsolidatedPage {
    chrome: Chrome,
    id: i64,
    year: i32,
    label: String,
    department: String,
    window: String,
    department_deadline: String,
    sections: Vec<ConsSection>,
    included: Vec<String>,
    pending: Vec<(String, Badge)>,
    can_edit_figures: bool,
    /// Generated documents (label, address), for the round's coordinator.
    downloads: Vec<(String, String)>,
    error: Option<String>,
}

async fn page(
    state: &AppState,
    actor: &Actor,
    id: i64,
    error: Option<String>,
) -> Result<ConsolidatedPage, PageError> {
    let c = state.app.consolidate_round(actor, id).await?;
    let round = state.app.report_round(actor, id).await?;
    Ok(ConsolidatedPage {
        chrome: Chrome::new(actor, "/reports", format!("Báo cáo tổng hợp – {}", c.label)),
        id,
        year: c.year,
        window: format!("{} – {}", date_vn(c.window_start), date_vn(c.window_end)),
        department_deadline: opt_date_vn(c.department_deadline),
        department: round.department_name,
        sections: c
            .sections
            .into_iter()
            .enumerate()
            .map(|(i, s)| {
                let fields: Vec<ConsField> = s.fields.into_iter().map(cons_field).collect();
                ConsSection {
                    number: roman(u32::try_from(i + 1).unwrap_or(u32::MAX)),
                    title: s.title,
                    has_figures: fields.iter().any(|f| !f.is_text),
                    fields,
                }
            })
            .collect(),
        included: c.included_units,
        pending: c
            .pending_units
            .into_iter()
            .map(|(name, status)| (name, Badge::status(status)))
            .collect(),
        can_edit_figures: round.can_manage && round.round.status == RoundStatus::Open,
        downloads: if round.can_manage {
            vec![
                (
                    "Tải báo cáo (.docx)".into(),
                    format!("/reports/rounds/{id}/document?format=docx"),
                ),
                (
                    "Tải số liệu (.xlsx)".into(),
                    format!("/reports/rounds/{id}/document?format=xlsx"),
                ),
            ]
        } else {
            Vec::new()
        },
        label: c.label,
        error,
    })
}

/// `GET /reports/rounds/{id}/consolidated`
pub async fn show(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, PageError> {
    let mut p = page(&state, &actor, id, None).await?;
    p.chrome = p.chrome.with_notice(q.ok.as_deref());
    Ok(render(&p))
}

/// `POST /reports/rounds/{id}/figures`: the coordinator corrects (or
/// restores) one of the department's figures.
pub async fn set_figure(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
    Form(f): Form<FigureForm>,
) -> Result<Response, PageError> {
    let result = match f.draft() {
        Ok(draft) => state.app.set_department_figure(&actor, id, draft).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => Ok(Redirect::to(&format!(
            "/reports/rounds/{id}/consolidated?ok={}#{}",
            f.notice(),
            f.anchor()
        ))
        .into_response()),
        Err(error @ (AppError::Forbidden | AppError::NotFound(_))) => Err(error.into()),
        Err(error) => {
            let (status, errors) = form_errors(error)?;
            let p = page(&state, &actor, id, Some(errors.summary())).await?;
            Ok((status, render(&p)).into_response())
        }
    }
}

#[derive(Deserialize, Default)]
pub struct DocumentQuery {
    #[serde(default)]
    format: String,
}

/// `GET /reports/rounds/{id}/document?format=docx|xlsx`: the department's
/// report generated from the round.
pub async fn document(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
    Query(q): Query<DocumentQuery>,
) -> Result<Response, PageError> {
    let format = cchc_app::reports::DocFormat::parse(if q.format.is_empty() {
        "docx"
    } else {
        &q.format
    })
    .ok_or_else(|| AppError::validation("format", "Chọn định dạng: docx hoặc xlsx."))?;
    let (bytes, file_name, media_type) = state.app.report_document(&actor, id, format).await?;
    Ok(crate::pages::tasks::download_response(
        media_type, &file_name, bytes,
    ))
}
