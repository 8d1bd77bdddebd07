//! Writing and browsing the audit log.

use chrono::{DateTime, Utc};
use serde::Serialize;

use cchc_domain::actor::Actor;
use cchc_domain::audit::AuditEntry;
use cchc_domain::roles::Role;
use cchc_store::Tx;
use cchc_store::audit::{self as store, AuditFilter, NewAuditEntry};

use crate::{App, AppError, Result};

/// One change made by `actor`, written in the same transaction as the change.
pub struct Change<'a> {
    pub action: &'a str,
    pub entity_type: &'a str,
    pub entity_id: i64,
    pub summary: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

pub(crate) async fn record(
    tx: &mut Tx,
    actor: &Actor,
    at: DateTime<Utc>,
    change: Change<'_>,
) -> Result<()> {
    store::insert(
        tx,
        NewAuditEntry {
            at,
            actor_user_id: (actor.user_id > 0).then_some(actor.user_id),
            actor_name: &actor.username,
            action: change.action,
            entity_type: change.entity_type,
            entity_id: change.entity_id.to_string(),
            summary: change.summary,
            before: change.before,
            after: change.after,
            ip: actor.ip.as_deref(),
        },
    )
    .await?;
    Ok(())
}

/// JSON of a value for the before/after columns.
pub(crate) fn snapshot<T: Serialize>(value: &T) -> Option<serde_json::Value> {
    serde_json::to_value(value).ok()
}

#[derive(Debug, Clone, Serialize)]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

impl App {
    /// The audit log, newest first. Only an administrator of the whole organisation may read it.
    pub async fn audit_log(
        &self,
        actor: &Actor,
        filter: &AuditFilter,
        page: i64,
        per_page: i64,
    ) -> Result<AuditPage> {
        if !actor.covers_all(&[Role::Admin]) {
            return Err(AppError::Forbidden);
        }
        let per_page = per_page.clamp(1, 200);
        let page = page.max(1);
        let mut tx = self.db.read().await?;
        let (entries, total) =
            store::list(&mut tx, filter, per_page, (page - 1) * per_page).await?;
        Ok(AuditPage {
            entries,
            total,
            page,
            per_page,
        })
    }
}
