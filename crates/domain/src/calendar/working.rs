//! [`WorkingCalendar`]: the rules of `rules` with dated overrides on top, and
//! the day arithmetic built on it (procedure deadlines count working days).

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::sync::{Arc, PoisonError, RwLock};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::lunar::LUNAR_SUPPORTED_YEARS;
use super::official::all_official_overrides;
use super::overrides::{Override, OverrideKind};
use super::rules::{is_weekend, rule_days_off};
use crate::text;

/// What a date is in the working calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum DayStatus {
    /// A working day: Monday to Friday, or a day an override makes a working
    /// day (then `name` says why, e.g. a Saturday worked in a swap).
    Working { name: Option<String> },
    /// A plain Saturday or Sunday.
    Weekend,
    /// Any other day off: a public holiday (also on a weekend), a compensatory
    /// day or an override day off.
    DayOff { name: String },
}

impl DayStatus {
    /// Whether the date is a working day.
    pub fn is_working(&self) -> bool {
        matches!(self, DayStatus::Working { .. })
    }
}

/// Working days of Vietnamese state agencies: Monday to Friday minus the
/// statutory holidays and compensatory days, with overrides winning date by date.
///
/// Years are computed on first use and cached inside the calendar (a memo of
/// a pure function), so one calendar can be shared, e.g. behind an `Arc`.
pub struct WorkingCalendar {
    overrides: BTreeMap<NaiveDate, OverrideKind>,
    years: RwLock<HashMap<i32, Arc<YearDays>>>,
}

impl WorkingCalendar {
    /// A calendar of the rules plus `overrides`; of two overrides of the same
    /// date the later one wins. Names are normalised to NFC.
    pub fn new(overrides: Vec<Override>) -> Self {
        let overrides = overrides
            .into_iter()
            .map(|o| {
                let kind = match o.kind {
                    OverrideKind::DayOff { name } => OverrideKind::DayOff {
                        name: text::clean(&name),
                    },
                    OverrideKind::WorkingDay { name } => OverrideKind::WorkingDay {
                        name: text::clean(&name),
                    },
                };
                (o.date, kind)
            })
            .collect();
        WorkingCalendar {
            overrides,
            years: RwLock::new(HashMap::new()),
        }
    }

    /// The statutory rules alone, without any yearly decision.
    pub fn rules_only() -> Self {
        Self::new(Vec::new())
    }

    /// The rules plus the government's published decisions (see `OFFICIAL_YEARS`).
    pub fn official() -> Self {
        Self::new(all_official_overrides())
    }

    /// The overrides in date order.
    pub fn overrides(&self) -> Vec<Override> {
        self.overrides
            .iter()
            .map(|(date, kind)| Override {
                date: *date,
                kind: kind.clone(),
            })
            .collect()
    }

    /// What `date` is: working day, plain weekend day or named day off.
    pub fn status(&self, date: NaiveDate) -> DayStatus {
        match self.year(date.year()).special.get(&date) {
            Some(Special::Off(name)) => DayStatus::DayOff { name: name.clone() },
            Some(Special::On(name)) => DayStatus::Working {
                name: Some(name.clone()),
            },
            None if is_weekend(date) => DayStatus::Weekend,
            None => DayStatus::Working { name: None },
        }
    }

    /// Whether `date` is a working day.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        self.year(date.year()).is_working(date)
    }

    /// Every day off of `year` that is not a plain weekend day (holidays, also
    /// on weekends; Tết days; compensatory days; override days off), by date.
    pub fn holidays(&self, year: i32) -> Vec<(NaiveDate, String)> {
        self.year(year)
            .special
            .iter()
            .filter_map(|(date, day)| match day {
                Special::Off(name) => Some((*date, name.clone())),
                Special::On(_) => None,
            })
            .collect()
    }

    /// The named working days of `year`: days an override makes working days
    /// (e.g. a Saturday worked in a swap), by date.
    pub fn named_working_days(&self, year: i32) -> Vec<(NaiveDate, String)> {
        self.year(year)
            .special
            .iter()
            .filter_map(|(date, day)| match day {
                Special::On(name) => Some((*date, name.clone())),
                Special::Off(_) => None,
            })
            .collect()
    }

    pub(super) fn year(&self, year: i32) -> Arc<YearDays> {
        // Only years with lunar holidays are worth caching (and are bounded in
        // number); the others are cheap to rebuild.
        if !LUNAR_SUPPORTED_YEARS.contains(&year) {
            return Arc::new(self.build_year(year));
        }
        let cached = self
            .years
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&year)
            .cloned();
        if let Some(days) = cached {
            return days;
        }
        let days = Arc::new(self.build_year(year));
        let mut years = self.years.write().unwrap_or_else(PoisonError::into_inner);
        Arc::clone(years.entry(year).or_insert(days))
    }

    fn build_year(&self, year: i32) -> YearDays {
        let mut special: BTreeMap<NaiveDate, Special> = rule_days_off(year)
            .into_iter()
            .map(|(date, name)| (date, Special::Off(name)))
            .collect();
        let Some((first, last)) = year_bounds(year) else {
            return YearDays { special };
        };
        for (date, kind) in self.overrides.range(first..=last) {
            let day = match kind {
                OverrideKind::DayOff { name } => Special::Off(name.clone()),
                OverrideKind::WorkingDay { name } => Special::On(name.clone()),
            };
            special.insert(*date, day);
        }
        YearDays { special }
    }
}

impl Clone for WorkingCalendar {
    fn clone(&self) -> Self {
        let years = self
            .years
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        WorkingCalendar {
            overrides: self.overrides.clone(),
            years: RwLock::new(years),
        }
    }
}

impl fmt::Debug for WorkingCalendar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WorkingCalendar")
            .field("overrides", &self.overrides)
            .finish_non_exhaustive()
    }
}

/// A day whose status is not the plain weekday/weekend one, or that has a name.
#[derive(Debug, Clone)]
pub(super) enum Special {
    Off(String),
    On(String),
}

/// One year's special days: rule days off with the overrides applied.
#[derive(Debug)]
pub(super) struct YearDays {
    pub(super) special: BTreeMap<NaiveDate, Special>,
}

impl YearDays {
    pub(super) fn is_working(&self, date: NaiveDate) -> bool {
        match self.special.get(&date) {
            Some(Special::Off(_)) => false,
            Some(Special::On(_)) => true,
            None => !is_weekend(date),
        }
    }
}

/// First and last representable day of `year`; `None` if it has none.
pub(super) fn year_bounds(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(year, 1, 1)
        .or_else(|| (NaiveDate::MIN.year() == year).then_some(NaiveDate::MIN))?;
    let last = NaiveDate::from_ymd_opt(year, 12, 31)
        .or_else(|| (NaiveDate::MAX.year() == year).then_some(NaiveDate::MAX))?;
    Some((first, last))
}
