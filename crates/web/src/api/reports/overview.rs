//! Across reports: timeliness of a year's rounds, and the department's
//! consolidated report of a round with its own figures.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::State;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use cchc_domain::reports::{Consolidated, ConsolidatedField, FigureOverrideDraft, TimelinessTable};

use super::dto::{FigureValueDto, TimelinessDto, figures_dto};
use super::report_dto::FigureInput;
use crate::AppState;
use crate::api::{ApiJson, ApiPath, ApiQuery};
use crate::auth::ApiUser;
use crate::error::{ApiError, ErrorResponse};

#[derive(Serialize, ToSchema)]
pub struct RoundColumnDto {
    pub round_id: i64,
    pub label: String,
    pub unit_deadline: Option<NaiveDate>,
}

#[derive(Serialize, ToSchema)]
pub struct TimelinessRowDto {
    pub unit_id: i64,
    pub unit_name: String,
    /// One per round (in `rounds` order); null where the unit had no report.
    pub cells: Vec<Option<TimelinessDto>>,
    pub on_time: u32,
    pub late: u32,
    pub missing: u32,
    pub not_due: u32,
    /// Reports on time out of those due, in whole percent; null when none was due.
    pub percent_on_time: Option<u32>,
}

#[derive(Serialize, ToSchema)]
pub struct TimelinessTableDto {
    pub as_of: NaiveDate,
    pub rounds: Vec<RoundColumnDto>,
    /// By unit name in Vietnamese order.
    pub rows: Vec<TimelinessRowDto>,
}

impl From<TimelinessTable> for TimelinessTableDto {
    fn from(t: TimelinessTable) -> Self {
        TimelinessTableDto {
            as_of: t.as_of,
            rounds: t
                .rounds
                .into_iter()
                .map(|r| RoundColumnDto {
                    round_id: r.round_id,
                    label: r.label,
                    unit_deadline: r.unit_deadline,
                })
                .collect(),
            rows: t
                .rows
                .into_iter()
                .map(|r| TimelinessRowDto {
                    unit_id: r.unit_id,
                    unit_name: r.unit_name,
                    cells: r.cells.into_iter().map(|c| c.map(Into::into)).collect(),
                    on_time: r.rate.on_time,
                    late: r.rate.late,
                    missing: r.rate.missing,
                    not_due: r.rate.not_due,
                    percent_on_time: r.rate.percent_on_time(),
                })
                .collect(),
        }
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TimelinessQuery {
    /// The report year; default: this year.
    pub year: Option<i32>,
    /// The day the table stands on; default: today.
    pub as_of: Option<NaiveDate>,
}

/// On time, late (by how many days) or missing for every unit and round of
/// a year the caller sees, with each unit's rate.
#[utoipa::path(get, path = "/api/v1/reports/timeliness", tag = "reports", params(TimelinessQuery),
    responses((status = 200, body = TimelinessTableDto)))]
pub async fn timeliness(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiQuery(q): ApiQuery<TimelinessQuery>,
) -> Result<Json<TimelinessTableDto>, ApiError> {
    let year = q
        .year
        .unwrap_or_else(|| chrono::Datelike::year(&state.app.today()));
    let table = state.app.report_timeliness(&actor, year, q.as_of).await?;
    Ok(Json(table.into()))
}

#[derive(Serialize, ToSchema)]
pub struct ContributionDto {
    pub unit_id: i64,
    pub unit_name: String,
    pub text: String,
}

#[derive(Serialize, ToSchema)]
pub struct UnitFigureDto {
    pub unit_id: i64,
    pub unit_name: String,
    pub value: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct ConsolidatedFieldDto {
    pub key: String,
    pub label: String,
    /// text or figure
    #[serde(rename = "type")]
    pub kind: String,
    /// Narratives: what each unit wrote, in unit order.
    pub contributions: Vec<ContributionDto>,
    /// Figures: what is counted, e.g. "nhiệm vụ".
    pub unit: Option<String>,
    /// Figures: the department's own figure (its data and corrections).
    pub department: Option<FigureValueDto>,
    /// Figures: each accepted unit's figure, and their sum.
    pub by_unit: Vec<UnitFigureDto>,
    pub units_total: Option<i64>,
}

fn field_dto(f: ConsolidatedField) -> ConsolidatedFieldDto {
    match f {
        ConsolidatedField::Text {
            key,
            label,
            contributions,
        } => ConsolidatedFieldDto {
            key,
            label,
            kind: "text".into(),
            contributions: contributions
                .into_iter()
                .map(|c| ContributionDto {
                    unit_id: c.unit_id,
                    unit_name: c.unit_name,
                    text: c.text,
                })
                .collect(),
            unit: None,
            department: None,
            by_unit: Vec::new(),
            units_total: None,
        },
        ConsolidatedField::Figure {
            key,
            label,
            unit,
            department,
            by_unit,
            units_total,
        } => ConsolidatedFieldDto {
            key,
            label,
            kind: "figure".into(),
            contributions: Vec::new(),
            unit: Some(unit),
            department: Some((&department).into()),
            by_unit: by_unit
                .into_iter()
                .map(|u| UnitFigureDto {
                    unit_id: u.unit_id,
                    unit_name: u.unit_name,
                    value: u.value,
                })
                .collect(),
            units_total: Some(units_total),
        },
    }
}

#[derive(Serialize, ToSchema)]
pub struct ConsolidatedSectionDto {
    pub key: String,
    pub title: String,
    pub area_code: Option<String>,
    pub fields: Vec<ConsolidatedFieldDto>,
}

#[derive(Serialize, ToSchema)]
pub struct PendingUnitDto {
    pub unit_name: String,
    /// draft, submitted or returned
    pub status: String,
}

#[derive(Serialize, ToSchema)]
pub struct ConsolidatedDto {
    pub round_id: i64,
    pub kind: String,
    pub year: i32,
    pub label: String,
    pub window_start: NaiveDate,
    pub window_end: NaiveDate,
    pub department_deadline: Option<NaiveDate>,
    pub sections: Vec<ConsolidatedSectionDto>,
    /// Units whose accepted report is included.
    pub included_units: Vec<String>,
    /// Units without an accepted report yet.
    pub pending_units: Vec<PendingUnitDto>,
}

impl From<Consolidated> for ConsolidatedDto {
    fn from(c: Consolidated) -> Self {
        ConsolidatedDto {
            round_id: c.round_id,
            kind: c.kind.code().into(),
            year: c.year,
            label: c.label,
            window_start: c.window_start,
            window_end: c.window_end,
            department_deadline: c.department_deadline,
            sections: c
                .sections
                .into_iter()
                .map(|s| ConsolidatedSectionDto {
                    key: s.key,
                    title: s.title,
                    area_code: s.area_code,
                    fields: s.fields.into_iter().map(field_dto).collect(),
                })
                .collect(),
            included_units: c.included_units,
            pending_units: c
                .pending_units
                .into_iter()
                .map(|(unit_name, status)| PendingUnitDto {
                    unit_name,
                    status: status.code().into(),
                })
                .collect(),
        }
    }
}

/// The department's report as it stands: the accepted reports section by
/// section and the department's figures; for whoever sees the whole round.
#[utoipa::path(get, path = "/api/v1/reports/rounds/{id}/consolidated", tag = "reports", params(("id" = i64, Path)),
    responses((status = 200, body = ConsolidatedDto), (status = 404, body = ErrorResponse)))]
pub async fn consolidated(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ConsolidatedDto>, ApiError> {
    Ok(Json(state.app.consolidate_round(&actor, id).await?.into()))
}

/// The coordinator corrects (or, with a null value, restores) one of the
/// department's figures of an open round; answers the department's figures.
#[utoipa::path(put, path = "/api/v1/reports/rounds/{id}/figures", tag = "reports", params(("id" = i64, Path)),
    request_body = FigureInput,
    responses((status = 200, body = BTreeMap<String, FigureValueDto>), (status = 403, body = ErrorResponse),
        (status = 422, body = ErrorResponse)))]
pub async fn set_department_figure(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(i): ApiJson<FigureInput>,
) -> Result<Json<BTreeMap<String, FigureValueDto>>, ApiError> {
    let draft = FigureOverrideDraft {
        field_key: i.field_key,
        value: i.value,
        note: i.note,
    };
    let figures = state.app.set_department_figure(&actor, id, draft).await?;
    Ok(Json(figures_dto(&figures)))
}
