//! One month of the working-day calendar as a wall calendar, with the due
//! dates of the units the actor covers.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use cchc_domain::actor::{Actor, Scope};
use cchc_domain::calendar::{
    DayStatus, LUNAR_SUPPORTED_YEARS, LunarDate, WorkingCalendar, month_weeks, to_lunar,
};
use cchc_domain::roles::Role;
use cchc_store::calendar::{self as store, DueItem};

use crate::{App, AppError, Result};

/// One square of the month view.
#[derive(Debug, Clone, Serialize)]
pub struct CalendarDay {
    pub date: NaiveDate,
    /// False for the days of the neighbouring months that fill the first and last week.
    pub in_month: bool,
    pub today: bool,
    pub lunar: Option<LunarDate>,
    /// Show the lunar month with the lunar day: on lunar day 1 and on the 1st
    /// of the solar month, as paper calendars do.
    pub lunar_with_month: bool,
    pub status: DayStatus,
    /// An administrator's stored override decides this day.
    pub overridden: bool,
    /// Occurrences due this day, for the units the actor covers.
    pub due: Vec<DueItem>,
}

/// A month as weeks of seven days, Monday first.
#[derive(Debug, Clone, Serialize)]
pub struct CalendarMonth {
    pub year: i32,
    pub month: u32,
    pub weeks: Vec<Vec<CalendarDay>>,
    /// The due dates shown are those of every unit (a role over the whole organisation).
    pub all_units: bool,
}

/// Checks a year asked for in a calendar view.
pub(super) fn check_year(year: i32) -> Result<()> {
    if LUNAR_SUPPORTED_YEARS.contains(&year) {
        return Ok(());
    }
    Err(AppError::validation(
        "year",
        format!(
            "Năm {year} nằm ngoài phạm vi lịch hỗ trợ ({}–{}).",
            LUNAR_SUPPORTED_YEARS.start(),
            LUNAR_SUPPORTED_YEARS.end()
        ),
    ))
}

fn day(
    calendar: &WorkingCalendar,
    date: NaiveDate,
    month: u32,
    today: NaiveDate,
    overridden: &BTreeSet<NaiveDate>,
    due: &[DueItem],
) -> CalendarDay {
    let lunar = to_lunar(date);
    CalendarDay {
        date,
        in_month: date.month() == month,
        today: date == today,
        lunar_with_month: date.day() == 1 || lunar.is_some_and(|l| l.day == 1),
        lunar,
        status: calendar.status(date),
        overridden: overridden.contains(&date),
        due: due.iter().filter(|d| d.due_on == date).cloned().collect(),
    }
}

impl App {
    /// `month` of `year` for anyone logged in, with the due dates of the
    /// units the actor's roles cover (all units for a whole-organisation role).
    pub async fn calendar_month(
        &self,
        actor: &Actor,
        year: i32,
        month: u32,
    ) -> Result<CalendarMonth> {
        check_year(year)?;
        let bad_month = || AppError::validation("month", "Tháng phải từ 1 đến 12.");
        let weeks = month_weeks(year, month).ok_or_else(bad_month)?;
        let first = weeks.first().map(|w| w[0]).ok_or_else(bad_month)?;
        let last = weeks.last().map(|w| w[6]).ok_or_else(bad_month)?;
        let scope = actor.scope_of(&Role::ALL);
        let units: Option<Vec<i64>> = match &scope {
            Scope::All => None,
            Scope::Units(ids) => Some(ids.iter().copied().collect()),
        };
        let mut tx = self.db.read().await?;
        let calendar = self.calendar_in(&mut tx).await?;
        let overridden: BTreeSet<NaiveDate> = store::records_between(&mut tx, first, last)
            .await?
            .into_iter()
            .map(|r| r.rule.date)
            .collect();
        let due = store::due_items(&mut tx, units.as_deref(), first, last).await?;
        let today = self.today();
        let weeks = weeks
            .iter()
            .map(|week| {
                week.iter()
                    .map(|date| day(&calendar, *date, month, today, &overridden, &due))
                    .collect()
            })
            .collect();
        Ok(CalendarMonth {
            year,
            month,
            weeks,
            all_units: matches!(scope, Scope::All),
        })
    }
}
