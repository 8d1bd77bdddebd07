//! The working-day calendar page: a month with lunar dates, days off and the
//! due dates of the user's units; the year's days off; and, for an
//! administrator of the whole organisation, adding and removing overrides.

mod view;

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

use cchc_app::AppError;
use cchc_domain::ValidationErrors;
use cchc_domain::actor::Actor;
use cchc_domain::calendar::{
    LUNAR_SUPPORTED_YEARS, OVERRIDE_KINDS, OverrideDraft, next_month, override_kind_label,
    previous_month,
};

use super::date_input;
use crate::AppState;
use crate::auth::PageUser;
use crate::error::status_of;
use crate::views::{Chrome, PageError, date_vn, render};
use view::{Cell, OverrideRow, WEEKDAYS, YearRow, weekday_vn};

/// The add-override form as typed, so a rejected submission is shown back.
#[derive(Deserialize, Default)]
pub struct OverrideForm {
    #[serde(default)]
    day: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    name: String,
}

#[derive(Template)]
#[template(path = "calendar/month.html")]
struct MonthPage {
    chrome: Chrome,
    year: i32,
    month: u32,
    weekdays: [&'static str; 7],
    weeks: Vec<Vec<Cell>>,
    all_units: bool,
    prev: String,
    next: String,
    days_off: Vec<YearRow>,
    working_days: Vec<YearRow>,
    can_edit: bool,
    overrides: Vec<OverrideRow>,
    kinds: [(&'static str, &'static str); 2],
    form: OverrideForm,
    errors: ValidationErrors,
}

fn month_href((year, month): (i32, u32)) -> String {
    format!("/calendar?year={year}&month={month}")
}

async fn month_page(
    state: &AppState,
    actor: &Actor,
    (year, month): (i32, u32),
    form: OverrideForm,
    errors: ValidationErrors,
) -> Result<MonthPage, AppError> {
    let app = &state.app;
    let shown = app.calendar_month(actor, year, month).await?;
    let year_days = view::year_view(&app.calendar_year(actor, year).await?);
    let can_edit = app.can_edit_calendar(actor);
    Ok(MonthPage {
        chrome: Chrome::new(
            actor,
            "/calendar",
            format!("Lịch làm việc tháng {month}/{year}"),
        ),
        year,
        month,
        weekdays: WEEKDAYS,
        weeks: shown
            .weeks
            .iter()
            .map(|week| week.iter().map(view::cell).collect())
            .collect(),
        all_units: shown.all_units,
        prev: month_href(previous_month(year, month)),
        next: month_href(next_month(year, month)),
        days_off: year_days.days_off,
        working_days: year_days.working_days,
        overrides: if can_edit {
            year_days.overrides
        } else {
            Vec::new()
        },
        can_edit,
        kinds: OVERRIDE_KINDS,
        form,
        errors,
    })
}

#[derive(Deserialize)]
pub struct MonthQuery {
    #[serde(default)]
    year: String,
    #[serde(default)]
    month: String,
    #[serde(default)]
    ok: Option<String>,
}

/// `GET /calendar?year=&month=`: the current month unless asked otherwise.
pub async fn show(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Query(q): Query<MonthQuery>,
) -> Result<Response, PageError> {
    let today = state.app.today();
    let year = q.year.trim().parse().unwrap_or(today.year());
    let month = q.month.trim().parse().unwrap_or(today.month());
    let mut page = month_page(
        &state,
        &actor,
        (year, month),
        OverrideForm::default(),
        ValidationErrors::default(),
    )
    .await?;
    page.chrome = page.chrome.with_notice(q.ok.as_deref());
    Ok(render(&page))
}

/// `POST /calendar/overrides`: adds or replaces the override of one day.
pub async fn save_override(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Form(form): Form<OverrideForm>,
) -> Result<Response, PageError> {
    // Permission before reading the date, so others never see form errors.
    if !state.app.can_edit_calendar(&actor) {
        return Err(AppError::Forbidden.into());
    }
    let saved = match date_input("day", &form.day) {
        Ok(day) => {
            let draft = OverrideDraft {
                day,
                kind: form.kind.clone(),
                name: form.name.clone(),
            };
            state.app.set_override(&actor, draft).await
        }
        Err(errors) => Err(AppError::Validation(errors)),
    };
    match saved {
        Ok(record) => {
            let day = record.rule.date;
            let back = month_href((day.year(), day.month()));
            Ok(Redirect::to(&format!("{back}&ok=calendar_saved")).into_response())
        }
        Err(AppError::Validation(errors)) => {
            let status = status_of(&AppError::Validation(errors.clone()));
            let shown = date_input("day", &form.day)
                .ok()
                .flatten()
                .filter(|d| LUNAR_SUPPORTED_YEARS.contains(&d.year()))
                .unwrap_or(state.app.today());
            let page =
                month_page(&state, &actor, (shown.year(), shown.month()), form, errors).await?;
            Ok((status, render(&page)).into_response())
        }
        Err(other) => Err(other.into()),
    }
}

fn path_day(day: &str) -> Result<NaiveDate, AppError> {
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .map_err(|_| AppError::NotFound("Không tìm thấy ngày này."))
}

#[derive(Template)]
#[template(path = "calendar/delete.html")]
struct DeletePage {
    chrome: Chrome,
    iso: String,
    date: String,
    weekday: &'static str,
    kind: &'static str,
    name: String,
    back: String,
}

/// `GET /calendar/overrides/{day}/delete`: asks before removing an override.
pub async fn confirm_delete(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(day): Path<String>,
) -> Result<Response, PageError> {
    if !state.app.can_edit_calendar(&actor) {
        return Err(AppError::Forbidden.into());
    }
    let day = path_day(&day)?;
    let record = state.app.stored_override(&actor, day).await?;
    Ok(render(&DeletePage {
        chrome: Chrome::new(&actor, "/calendar", "Xóa điều chỉnh lịch làm việc"),
        iso: day.format("%Y-%m-%d").to_string(),
        date: date_vn(day),
        weekday: weekday_vn(day),
        kind: override_kind_label(record.rule.kind.code()),
        name: record.rule.name().to_string(),
        back: month_href((day.year(), day.month())),
    }))
}

/// `POST /calendar/overrides/{day}/delete`: removes the override of `day`.
pub async fn delete_override(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(day): Path<String>,
) -> Result<Response, PageError> {
    if !state.app.can_edit_calendar(&actor) {
        return Err(AppError::Forbidden.into());
    }
    let day = path_day(&day)?;
    state.app.remove_override(&actor, day).await?;
    let back = month_href((day.year(), day.month()));
    Ok(Redirect::to(&format!("{back}&ok=calendar_removed")).into_response())
}
