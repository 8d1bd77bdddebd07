//! A year of the calendar (days off, swapped working days, stored overrides)
//! and the editing of overrides by an administrator of the whole organisation.

use chrono::NaiveDate;
use serde::Serialize;

use cchc_domain::actor::Actor;
use cchc_domain::calendar::{OverrideDraft, OverrideRecord, official_overrides};
use cchc_domain::roles::Role;
use cchc_store::calendar as store;

use super::month::check_year;
use crate::audit::{Change, record, snapshot};
use crate::{App, AppError, Result};

/// Where a named day of the calendar comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DaySource {
    /// The statutory rules (Labour Code): holidays and compensatory days.
    Rule,
    /// The government's published decision for the year.
    Official,
    /// An override stored by an administrator.
    Local,
}

impl DaySource {
    pub fn label(self) -> &'static str {
        match self {
            Self::Rule => "Theo Bộ luật Lao động",
            Self::Official => "Theo thông báo của Chính phủ",
            Self::Local => "Do quản trị viên điều chỉnh",
        }
    }
}

/// A day off or a working day with its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NamedDay {
    pub date: NaiveDate,
    pub name: String,
    pub source: DaySource,
}

/// One year of the calendar in force.
#[derive(Debug, Clone, Serialize)]
pub struct CalendarYear {
    pub year: i32,
    /// Days off that are not plain weekend days, by date.
    pub days_off: Vec<NamedDay>,
    /// Days made working days (e.g. a Saturday worked in a swap), by date.
    pub working_days: Vec<NamedDay>,
    /// The administrator's stored overrides of the year, by date.
    pub overrides: Vec<OverrideRecord>,
}

fn not_found() -> AppError {
    AppError::NotFound("Ngày này không có điều chỉnh nào do quản trị viên nhập.")
}

fn date_vn(day: NaiveDate) -> String {
    day.format("%d/%m/%Y").to_string()
}

impl App {
    /// Whether the actor may change the calendar: an administrator of the whole organisation.
    pub fn can_edit_calendar(&self, actor: &Actor) -> bool {
        actor.covers_all(&[Role::Admin])
    }

    /// The named days of `year`, for anyone logged in.
    pub async fn calendar_year(&self, _actor: &Actor, year: i32) -> Result<CalendarYear> {
        check_year(year)?;
        let bounds = NaiveDate::from_ymd_opt(year, 1, 1).zip(NaiveDate::from_ymd_opt(year, 12, 31));
        let Some((first, last)) = bounds else {
            return Err(AppError::validation("year", "Năm không hợp lệ."));
        };
        let mut tx = self.db.read().await?;
        let calendar = self.calendar_in(&mut tx).await?;
        let overrides = store::records_between(&mut tx, first, last).await?;
        let official = official_overrides(year);
        let named = |(date, name): (NaiveDate, String)| {
            let source = if overrides.iter().any(|o| o.rule.date == date) {
                DaySource::Local
            } else if official.iter().any(|o| o.date == date) {
                DaySource::Official
            } else {
                DaySource::Rule
            };
            NamedDay { date, name, source }
        };
        Ok(CalendarYear {
            year,
            days_off: calendar.holidays(year).into_iter().map(named).collect(),
            working_days: calendar
                .named_working_days(year)
                .into_iter()
                .map(named)
                .collect(),
            overrides,
        })
    }

    /// Makes `draft.day` a day off or a working day, replacing any earlier
    /// override of that date.
    pub async fn set_override(
        &self,
        actor: &Actor,
        draft: OverrideDraft,
    ) -> Result<OverrideRecord> {
        if !self.can_edit_calendar(actor) {
            return Err(AppError::Forbidden);
        }
        let rule = draft.validate()?;
        let mut tx = self.db.write().await?;
        let before = store::record(&mut tx, rule.date).await?;
        let now = self.now();
        let created_by = (actor.user_id > 0).then_some(actor.user_id);
        let id = store::upsert(&mut tx, &rule, created_by, now).await?;
        let after = store::record(&mut tx, rule.date)
            .await?
            .ok_or_else(not_found)?;
        let what = if rule.is_day_off() {
            "ngày nghỉ"
        } else {
            "ngày làm việc bù"
        };
        let (action, verb) = match before {
            None => ("create", "Thêm"),
            Some(_) => ("update", "Sửa thành"),
        };
        let change = Change {
            action,
            entity_type: "calendar_override",
            entity_id: id,
            summary: format!("{verb} {what} {}: {}", date_vn(rule.date), rule.name()),
            before: before.as_ref().and_then(snapshot),
            after: snapshot(&after),
        };
        record(&mut tx, actor, now, change).await?;
        tx.commit().await?;
        self.calendar.clear();
        Ok(after)
    }

    /// Removes the stored override of `day`, so the rules and the government's
    /// decisions decide it again; returns what was removed.
    pub async fn remove_override(&self, actor: &Actor, day: NaiveDate) -> Result<OverrideRecord> {
        if !self.can_edit_calendar(actor) {
            return Err(AppError::Forbidden);
        }
        let mut tx = self.db.write().await?;
        let before = store::record(&mut tx, day).await?.ok_or_else(not_found)?;
        store::delete(&mut tx, day).await?;
        let now = self.now();
        let change = Change {
            action: "delete",
            entity_type: "calendar_override",
            entity_id: before.id,
            summary: format!(
                "Xóa điều chỉnh ngày {}: {}",
                date_vn(day),
                before.rule.name()
            ),
            before: snapshot(&before),
            after: None,
        };
        record(&mut tx, actor, now, change).await?;
        tx.commit().await?;
        self.calendar.clear();
        Ok(before)
    }

    /// The stored override of `day`, for the confirmation before removing it.
    pub async fn stored_override(&self, actor: &Actor, day: NaiveDate) -> Result<OverrideRecord> {
        if !self.can_edit_calendar(actor) {
            return Err(AppError::Forbidden);
        }
        let mut tx = self.db.read().await?;
        store::record(&mut tx, day).await?.ok_or_else(not_found)
    }
}
