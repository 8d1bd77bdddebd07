//! The log of reminders sent, for coordinators and administrators, and the
//! units a coordinator may remind.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use cchc_domain::actor::{Actor, Scope};
use cchc_domain::roles::Role;
use cchc_domain::units::{Unit, UnitId};
use cchc_store::reminders::{self as store, ReminderFilter, ReminderRow};
use cchc_store::units as unit_store;

use crate::{App, AppError, Result};

const LOG_ROLES: [Role; 2] = [Role::Coordinator, Role::Admin];

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct ReminderQuery {
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub day: Option<NaiveDate>,
    #[serde(default)]
    pub unit_id: Option<UnitId>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReminderPage {
    pub rows: Vec<ReminderRow>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

impl App {
    /// Reminders sent to the units the actor coordinates or administers, newest first.
    pub async fn reminder_log(
        &self,
        actor: &Actor,
        q: &ReminderQuery,
        page: i64,
        per_page: i64,
    ) -> Result<ReminderPage> {
        let scope = actor.scope_of(&LOG_ROLES);
        let units = match (&scope, q.unit_id) {
            (Scope::Units(s), _) if s.is_empty() => return Err(AppError::Forbidden),
            (_, Some(u)) if !scope.contains(u) => return Err(AppError::Forbidden),
            (_, Some(u)) => Some(vec![u]),
            (Scope::All, None) => None,
            (Scope::Units(s), None) => Some(s.iter().copied().collect()),
        };
        let filter = ReminderFilter {
            units,
            kind: q.kind.clone().filter(|k| !k.is_empty()),
            day: q.day,
        };
        let per_page = per_page.clamp(1, 200);
        let page = page.max(1);
        let mut tx = self.db.read().await?;
        let (rows, total) = store::list(&mut tx, &filter, per_page, (page - 1) * per_page).await?;
        Ok(ReminderPage {
            rows,
            total,
            page,
            per_page,
        })
    }

    /// Open units the actor may send reminders to (as coordinator), by name.
    pub async fn reminder_units(&self, actor: &Actor) -> Result<Vec<Unit>> {
        if !actor.has_role(Role::Coordinator) {
            return Err(AppError::Forbidden);
        }
        let today = self.today();
        let mut tx = self.db.read().await?;
        let mut units: Vec<Unit> = unit_store::list(&mut tx)
            .await?
            .into_iter()
            .filter(|u| u.is_open_on(today) && actor.covers(&[Role::Coordinator], u.id))
            .collect();
        units.sort_by_cached_key(|u| cchc_domain::text::sort_key(&u.name));
        Ok(units)
    }
}
