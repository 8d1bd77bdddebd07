//! Timeliness of the units' reports across the rounds of a year: on time,
//! late by N days or missing, and each unit's rate of reports on time.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;

use super::Badge;
use super::rounds::{page_of, year_or};
use crate::AppState;
use crate::auth::PageUser;
use crate::pages::opt_date;
use crate::views::{Chrome, PageError, Pager, date_vn, opt_date_vn, render};

const UNITS_PER_PAGE: i64 = 50;

pub struct Column {
    pub round_id: i64,
    pub label: String,
    pub deadline: String,
}

pub struct Row {
    pub unit_name: String,
    /// One per round; `None` where the unit did not have to report.
    pub cells: Vec<Option<Badge>>,
    pub on_time: u32,
    pub late: u32,
    pub missing: u32,
    /// "83%", or empty when nothing was due yet.
    pub rate: String,
}

#[derive(Deserialize, Default)]
pub struct TimelinessQuery {
    #[serde(default)]
    year: Option<i32>,
    #[serde(default)]
    as_of: String,
    #[serde(default)]
    page: Option<i64>,
}

#[derive(Template)]
#[template(path = "reports/timeliness.html")]
struct TimelinessPage {
    chrome: Chrome,
    year: i32,
    as_of: String,
    as_of_input: String,
    columns: Vec<Column>,
    rows: Vec<Row>,
    pager: Pager,
}

/// `GET /reports/timeliness?year=&as_of=`
pub async fn show(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Query(q): Query<TimelinessQuery>,
) -> Result<Response, PageError> {
    let year = year_or(q.year, state.app.today());
    let table = state
        .app
        .report_timeliness(&actor, year, opt_date(&q.as_of))
        .await?;
    let total = i64::try_from(table.rows.len()).unwrap_or(i64::MAX);
    let pager = Pager::new(q.page.unwrap_or(1), UNITS_PER_PAGE, total);
    let rows = page_of(table.rows, &pager, UNITS_PER_PAGE)
        .into_iter()
        .map(|r| Row {
            cells: r
                .cells
                .into_iter()
                .map(|c| c.map(Badge::timeliness))
                .collect(),
            on_time: r.rate.on_time,
            late: r.rate.late,
            missing: r.rate.missing,
            rate: r
                .rate
                .percent_on_time()
                .map(|p| format!("{p}%"))
                .unwrap_or_default(),
            unit_name: r.unit_name,
        })
        .collect();
    Ok(render(&TimelinessPage {
        chrome: Chrome::new(
            &actor,
            "/reports",
            format!("Tình hình gửi báo cáo năm {year}"),
        ),
        year,
        as_of: date_vn(table.as_of),
        as_of_input: q.as_of.trim().to_string(),
        columns: table
            .rounds
            .into_iter()
            .map(|c| Column {
                round_id: c.round_id,
                label: c.label,
                deadline: opt_date_vn(c.unit_deadline),
            })
            .collect(),
        rows,
        pager,
    }))
}
