//! The daily sweep: every unit with overdue or soon-due open work gets one
//! digest per kind per day.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use cchc_domain::reminders::{Links, ReminderKind, digest, vietnam_day};
use cchc_domain::units::UnitId;
use cchc_store::reminders as store;
use cchc_store::work::{self as work_store, Order, WorkFilter, WorkRow};

use super::{EmailStatus, Outgoing, digest_item};
use crate::{App, Result};

/// What one sweep did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SweepReport {
    /// The Vietnamese day the reminders count for.
    pub day: Option<NaiveDate>,
    /// Units that got at least one new reminder.
    pub units_notified: usize,
    /// New reminders (one per unit and kind).
    pub reminders: usize,
    /// Reminders skipped because the unit already had them today.
    pub already_sent: usize,
    /// In-app notifications written.
    pub notifications: usize,
    pub emails_sent: usize,
    pub emails_failed: usize,
    /// Emails of earlier sweeps left unsent when their process stopped,
    /// now marked failed.
    pub emails_interrupted: u64,
}

/// How long a claimed email may stay unsent before a later sweep decides
/// its process stopped: far longer than an SMTP send may take.
pub const PENDING_TIMEOUT: chrono::TimeDelta = chrono::TimeDelta::minutes(30);

/// Rows grouped by unit (by id), keeping their due-date order.
fn by_unit(rows: Vec<WorkRow>) -> BTreeMap<UnitId, (String, Vec<WorkRow>)> {
    let mut groups: BTreeMap<UnitId, (String, Vec<WorkRow>)> = BTreeMap::new();
    for row in rows {
        groups
            .entry(row.unit_id)
            .or_insert_with(|| (row.unit_name.clone(), Vec::new()))
            .1
            .push(row);
    }
    groups
}

impl App {
    /// Open work of every unit that is overdue on, or due within the
    /// configured working days of, the Vietnamese day of `now`.
    async fn reminder_work(&self, day: NaiveDate) -> Result<[(ReminderKind, Vec<WorkRow>); 2]> {
        let calendar = self.working_calendar().await?;
        let soon_days = self.reminders.due_soon_days.clamp(0, 60);
        let until = calendar.add_working_days(day, soon_days).unwrap_or(day);
        let overdue = WorkFilter {
            overdue_on: Some(day),
            ..Default::default()
        };
        let soon = WorkFilter {
            open_only: true,
            due_from: Some(day),
            due_until: Some(until),
            ..Default::default()
        };
        let mut tx = self.db.read().await?;
        let overdue = work_store::rows(&mut tx, &overdue, Order::Due, 100_000, 0).await?;
        let soon = work_store::rows(&mut tx, &soon, Order::Due, 100_000, 0).await?;
        Ok([
            (ReminderKind::Overdue, overdue),
            (ReminderKind::DueSoon, soon),
        ])
    }

    /// Sends each unit its due-soon and overdue digests for the day of `now`
    /// (Vietnam time), unless it already has them: safe to run as often as
    /// wanted, from as many instances as wanted.
    pub async fn run_reminders(&self, now: DateTime<Utc>) -> Result<SweepReport> {
        let day = vietnam_day(now);
        let soon_days = self.reminders.due_soon_days.clamp(0, 60);
        let mut report = SweepReport {
            day: Some(day),
            ..Default::default()
        };
        let mut tx = self.db.write().await?;
        report.emails_interrupted =
            store::fail_stale_pending(&mut tx, now - PENDING_TIMEOUT).await?;
        tx.commit().await?;
        if report.emails_interrupted > 0 {
            tracing::warn!(
                count = report.emails_interrupted,
                "reminder emails left unsent by a stopped process marked failed"
            );
        }
        let mut units = BTreeSet::new();
        for (kind, rows) in self.reminder_work(day).await? {
            for (unit_id, (unit_name, rows)) in by_unit(rows) {
                let items: Vec<_> = rows.iter().map(digest_item).collect();
                let write =
                    |base: &str| digest(kind, &unit_name, &items, day, soon_days, Links { base });
                let outgoing = Outgoing {
                    unit_id,
                    kind,
                    dedupe_key: kind.code().to_string(),
                    items_count: items.len() as i64,
                    in_app: write(""),
                    email: write(&self.reminders.public_url),
                    sent_by: None,
                    link: "/my",
                };
                self.sweep_one(outgoing, day, now, &mut report, &mut units)
                    .await?;
            }
        }
        self.report_reminders(day, now, &mut report, &mut units)
            .await?;
        report.units_notified = units.len();
        Ok(report)
    }

    /// Claims one reminder of the sweep and emails it, counting what happened.
    pub(super) async fn sweep_one(
        &self,
        outgoing: Outgoing,
        day: NaiveDate,
        now: DateTime<Utc>,
        report: &mut SweepReport,
        units: &mut BTreeSet<UnitId>,
    ) -> Result<()> {
        let unit_id = outgoing.unit_id;
        let mut tx = self.db.write().await?;
        let Some(claimed) = self.claim(&mut tx, outgoing, day, now).await? else {
            report.already_sent += 1;
            return Ok(());
        };
        tx.commit().await?;
        units.insert(unit_id);
        report.reminders += 1;
        report.notifications += claimed.recipients;
        match self.deliver_email(&claimed).await? {
            EmailStatus::Sent => report.emails_sent += 1,
            EmailStatus::Failed => report.emails_failed += 1,
            _ => {}
        }
        Ok(())
    }
}
