//! The working-day calendar in force: the statutory rules, the government's
//! published decisions and the admin's stored overrides, which win.

use std::sync::Arc;

use cchc_domain::calendar::{WorkingCalendar, all_official_overrides};
use cchc_store::calendar as store;

use crate::{App, Result};

impl App {
    /// The calendar that deadlines are computed on.
    pub async fn working_calendar(&self) -> Result<Arc<WorkingCalendar>> {
        let mut tx = self.db.read().await?;
        let mut overrides = all_official_overrides();
        overrides.extend(store::overrides(&mut tx).await?);
        Ok(Arc::new(WorkingCalendar::new(overrides)))
    }
}
