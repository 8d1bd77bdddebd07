//! The working-day calendar in force: the statutory rules, the government's
//! published decisions and the administrator's stored overrides, which win.
//! Also the month view with the due dates of the actor's units, and the
//! editing of overrides (`overrides`).

mod month;
mod overrides;

use std::sync::{Arc, PoisonError, RwLock};

use cchc_domain::calendar::{Override, WorkingCalendar, all_official_overrides};
use cchc_store::Tx;
use cchc_store::calendar as store;

use crate::{App, Result};

pub use month::{CalendarDay, CalendarMonth};
pub use overrides::{CalendarYear, DaySource, NamedDay};

/// The last calendar built, with the stored overrides it was built from.
///
/// Building is cheap but the calendar memoises each year's days (lunar
/// holidays need astronomy), so reusing it matters. Every use still reads the
/// stored overrides (a small table) and rebuilds when they differ, so app
/// instances sharing one database never compute deadlines on a stale calendar;
/// edits made through this instance also clear it at once.
#[derive(Default)]
pub(crate) struct CalendarCache(RwLock<Option<(Vec<Override>, Arc<WorkingCalendar>)>>);

impl CalendarCache {
    fn get(&self, stored: &[Override]) -> Option<Arc<WorkingCalendar>> {
        let cached = self.0.read().unwrap_or_else(PoisonError::into_inner);
        match cached.as_ref() {
            Some((built_from, calendar)) if built_from.as_slice() == stored => {
                Some(Arc::clone(calendar))
            }
            _ => None,
        }
    }

    fn put(&self, stored: Vec<Override>, calendar: Arc<WorkingCalendar>) {
        *self.0.write().unwrap_or_else(PoisonError::into_inner) = Some((stored, calendar));
    }

    pub(crate) fn clear(&self) {
        *self.0.write().unwrap_or_else(PoisonError::into_inner) = None;
    }
}

impl App {
    /// The calendar that deadlines are computed on.
    pub async fn working_calendar(&self) -> Result<Arc<WorkingCalendar>> {
        let mut tx = self.db.read().await?;
        self.calendar_in(&mut tx).await
    }

    /// [`App::working_calendar`] as seen inside the transaction `tx`.
    pub(crate) async fn calendar_in(&self, tx: &mut Tx) -> Result<Arc<WorkingCalendar>> {
        let stored = store::overrides(tx).await?;
        if let Some(calendar) = self.calendar.get(&stored) {
            return Ok(calendar);
        }
        let mut all = all_official_overrides();
        all.extend(stored.iter().cloned());
        let calendar = Arc::new(WorkingCalendar::new(all));
        self.calendar.put(stored, Arc::clone(&calendar));
        Ok(calendar)
    }
}
