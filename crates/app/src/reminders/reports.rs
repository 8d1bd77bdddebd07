//! The sweep's report reminders: units with reports still owed in an open
//! round (drafts and returned reports) get one digest of those due within
//! the due-soon working days and one of those past their deadline, per day.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc};

use cchc_domain::reminders::{Links, ReminderKind};
use cchc_domain::reports::{ReportDigestItem, ReportStatus, Window, report_digest};
use cchc_domain::units::UnitId;
use cchc_store::reports::unit_reports::{self as store, OwedRow};

use super::{Outgoing, SweepReport};
use crate::{App, Result};

fn item(row: &OwedRow) -> ReportDigestItem {
    ReportDigestItem {
        report_id: row.report_id,
        label: row.label.clone(),
        window: Window {
            start: row.window_start,
            end: row.window_end,
        },
        deadline: Some(row.unit_deadline),
        status: ReportStatus::parse(&row.status).unwrap_or(ReportStatus::Draft),
    }
}

impl App {
    /// Sends the report digests of `day` (see the module docs), counting into `report`.
    pub(super) async fn report_reminders(
        &self,
        day: NaiveDate,
        now: DateTime<Utc>,
        report: &mut SweepReport,
        units: &mut BTreeSet<UnitId>,
    ) -> Result<()> {
        let calendar = self.working_calendar().await?;
        let soon_days = self.reminders.due_soon_days.clamp(0, 60);
        let until = calendar.add_working_days(day, soon_days).unwrap_or(day);
        let mut tx = self.db.read().await?;
        let owed = store::owed_until(&mut tx, until).await?;
        drop(tx);
        let mut groups: BTreeMap<(ReminderKind, UnitId), (String, Vec<ReportDigestItem>)> =
            BTreeMap::new();
        for row in &owed {
            let kind = if row.unit_deadline < day {
                ReminderKind::ReportOverdue
            } else {
                ReminderKind::ReportDueSoon
            };
            groups
                .entry((kind, row.unit_id))
                .or_insert_with(|| (row.unit_name.clone(), Vec::new()))
                .1
                .push(item(row));
        }
        for ((kind, unit_id), (unit_name, items)) in groups {
            let write = |base: &str| report_digest(kind, &unit_name, &items, day, Links { base });
            let outgoing = Outgoing {
                unit_id,
                kind,
                dedupe_key: kind.code().to_string(),
                items_count: items.len() as i64,
                in_app: write(""),
                email: write(&self.reminders.public_url),
                sent_by: None,
                link: "/reports",
            };
            self.sweep_one(outgoing, day, now, report, units).await?;
        }
        Ok(())
    }
}
