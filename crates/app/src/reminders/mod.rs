//! Reminders (đôn đốc, nhắc việc): the daily sweep over due-soon and overdue
//! work, the coordinator's ad-hoc reminders, and the log of what was sent.
//!
//! Delivery is claim-then-send: the `reminders` row is inserted with
//! `ON CONFLICT DO NOTHING` in the same transaction as the in-app
//! notifications, and only the caller whose insert happened sends the email
//! (after commit). Several app instances on one database, or overlapping
//! sweeps, therefore never remind a unit twice of the same thing on one day.

mod adhoc;
mod log;
mod reports;
mod sweep;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use cchc_domain::reminders::{Digest, DigestItem, ReminderKind};
use cchc_domain::units::UnitId;
use cchc_store::Tx;
use cchc_store::notifications::{self as notes, NewNotification};
use cchc_store::reminders::{self as store, NewReminder};
use cchc_store::work::WorkRow;

use crate::{App, Result};

pub use adhoc::{AdhocReminder, AdhocReport, SentReminder};
pub use log::{ReminderPage, ReminderQuery};
pub use sweep::SweepReport;

/// Settings of the reminders.
#[derive(Debug, Clone)]
pub struct ReminderConfig {
    /// Open work due within this many working days is "due soon".
    pub due_soon_days: i32,
    /// The address users open the app at (e.g. `https://cchc.syt.example.gov.vn`),
    /// so links in emails work; empty leaves them as paths.
    pub public_url: String,
}

impl Default for ReminderConfig {
    fn default() -> Self {
        Self {
            due_soon_days: 5,
            public_url: String::new(),
        }
    }
}

/// What became of a reminder's email.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EmailStatus {
    /// Claimed, not sent yet (or the process stopped before it could).
    Pending,
    Sent,
    Failed,
    /// No SMTP configured or nobody with an address.
    Skipped,
}

impl EmailStatus {
    pub fn code(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Sent => "sent",
            Self::Failed => "failed",
            Self::Skipped => "skipped",
        }
    }

    pub fn label(self) -> &'static str {
        Self::label_of(self.code())
    }

    /// The label of a stored status code.
    pub fn label_of(code: &str) -> &'static str {
        match code {
            "pending" => "Đang gửi",
            "sent" => "Đã gửi thư",
            "failed" => "Gửi thư lỗi",
            _ => "Không gửi thư",
        }
    }
}

/// One reminder to one unit, ready to claim.
pub(crate) struct Outgoing {
    pub unit_id: UnitId,
    pub kind: ReminderKind,
    pub dedupe_key: String,
    pub items_count: i64,
    /// With links as paths, for the app.
    pub in_app: Digest,
    /// With links on the public address, for email.
    pub email: Digest,
    pub sent_by: Option<i64>,
    /// Where the in-app notification leads.
    pub link: &'static str,
}

/// A reminder this caller won and must email.
pub(crate) struct Claimed {
    pub reminder_id: i64,
    pub unit_id: UnitId,
    pub recipients: usize,
    /// (name, address) of everyone with an email address.
    pub email_to: Vec<(String, String)>,
    pub email: Digest,
    pub status: EmailStatus,
}

pub(crate) fn digest_item(row: &WorkRow) -> DigestItem {
    DigestItem {
        item_id: row.item_id,
        number: row.item_number.clone(),
        content: row.content.clone(),
        plan_title: row.plan_title.clone(),
        label: row.label.clone(),
        due_on: row.due_on,
    }
}

impl App {
    /// Claims `o` for `day` and writes the in-app notifications, inside `tx`.
    /// `None`: the unit already has this reminder today.
    pub(crate) async fn claim(
        &self,
        tx: &mut Tx,
        o: Outgoing,
        day: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<Option<Claimed>> {
        let recipients = store::recipients(tx, o.unit_id).await?;
        let mut email_to: Vec<(String, String)> = Vec::new();
        for r in &recipients {
            if let Some(address) = r.email.as_deref().map(str::trim).filter(|a| !a.is_empty())
                && !email_to
                    .iter()
                    .any(|(_, a)| a.eq_ignore_ascii_case(address))
            {
                email_to.push((r.full_name.clone(), address.to_string()));
            }
        }
        let status = if self.mailer.is_some() && !email_to.is_empty() {
            EmailStatus::Pending
        } else {
            // Nothing will be sent, so the log lists no addresses.
            email_to.clear();
            EmailStatus::Skipped
        };
        let addresses: Vec<&str> = email_to.iter().map(|(_, a)| a.as_str()).collect();
        let claimed = store::claim(
            tx,
            &NewReminder {
                unit_id: o.unit_id,
                kind: o.kind.code(),
                dedupe_key: &o.dedupe_key,
                day,
                items_count: o.items_count,
                recipients: recipients.len() as i64,
                message: &o.in_app.body,
                sent_by: o.sent_by,
                email_to: &addresses.join(", "),
                email_status: status.code(),
                at: now,
            },
        )
        .await?;
        let Some(reminder_id) = claimed else {
            return Ok(None);
        };
        for r in &recipients {
            notes::insert(
                tx,
                &NewNotification {
                    user_id: r.user_id,
                    unit_id: Some(o.unit_id),
                    kind: o.kind.code(),
                    title: &o.in_app.title,
                    body: &o.in_app.body,
                    link: o.link,
                    at: now,
                },
            )
            .await?;
        }
        Ok(Some(Claimed {
            reminder_id,
            unit_id: o.unit_id,
            recipients: recipients.len(),
            email_to,
            email: o.email,
            status,
        }))
    }

    /// Sends the email of a committed claim and records how it went.
    pub(crate) async fn deliver_email(&self, c: &Claimed) -> Result<EmailStatus> {
        let Some(mailer) = self
            .mailer
            .as_ref()
            .filter(|_| c.status == EmailStatus::Pending)
        else {
            return Ok(c.status);
        };
        let mut id = [0u8; 12];
        self.random.fill(&mut id);
        let id = crate::auth::hex(&id);
        let subject = format!("[CCHC] {}", c.email.title);
        let status = match mailer.send(&c.email_to, &subject, &c.email.body, &id).await {
            Ok(()) => EmailStatus::Sent,
            Err(error) => {
                tracing::warn!(reminder = c.reminder_id, unit = c.unit_id, %error, "reminder email failed");
                EmailStatus::Failed
            }
        };
        let mut tx = self.db.write().await?;
        store::set_email_status(&mut tx, c.reminder_id, status.code()).await?;
        tx.commit().await?;
        Ok(status)
    }
}
