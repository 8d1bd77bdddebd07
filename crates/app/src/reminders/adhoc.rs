//! A coordinator's own reminder to chosen units, optionally naming tasks.

use serde::{Deserialize, Serialize};

use cchc_domain::ValidationErrors;
use cchc_domain::actor::Actor;
use cchc_domain::plans::ItemId;
use cchc_domain::reminders::{
    Links, ReminderKind, adhoc_digest, adhoc_key, clean_message, vietnam_day,
};
use cchc_domain::roles::Role;
use cchc_domain::units::UnitId;
use cchc_store::units as unit_store;
use cchc_store::work::{self as work_store, Order, WorkFilter};

use super::{EmailStatus, Outgoing, digest_item};
use crate::audit::{Change, record};
use crate::auth::hash_token;
use crate::plans::short;
use crate::tracking::user_ref;
use crate::{App, AppError, Result};

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct AdhocReminder {
    pub unit_ids: Vec<UnitId>,
    pub message: String,
    /// Tasks to list under the message (each unit sees its own open ones).
    #[serde(default)]
    pub item_ids: Vec<ItemId>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SentReminder {
    pub reminder_id: i64,
    pub unit_id: UnitId,
    pub unit_name: String,
    pub recipients: usize,
    pub email_status: EmailStatus,
}

#[derive(Debug, Clone, Serialize)]
pub struct AdhocReport {
    pub sent: Vec<SentReminder>,
    /// Units that already had this message today (not sent again).
    pub already_sent: Vec<String>,
}

fn validate(input: &AdhocReminder) -> Result<(Vec<UnitId>, String)> {
    let mut errors = ValidationErrors::default();
    let message = clean_message(&input.message).unwrap_or_else(|e| {
        errors.0.extend(e.0);
        String::new()
    });
    let mut units = input.unit_ids.clone();
    units.sort_unstable();
    units.dedup();
    if units.is_empty() {
        errors.add("unit_ids", "Chọn ít nhất một đơn vị nhận nhắc việc.");
    }
    errors.into_result()?;
    Ok((units, message))
}

impl App {
    /// Sends `input.message` to each chosen unit's people (in the app and by
    /// email), once a day per unit and text. Only a coordinator covering
    /// every chosen unit may.
    pub async fn send_reminder(&self, actor: &Actor, input: AdhocReminder) -> Result<AdhocReport> {
        if !actor.has_role(Role::Coordinator) {
            return Err(AppError::Forbidden);
        }
        let (unit_ids, message) = validate(&input)?;
        if unit_ids
            .iter()
            .any(|u| !actor.covers(&[Role::Coordinator], *u))
        {
            return Err(AppError::Forbidden);
        }
        let now = self.now();
        let day = vietnam_day(now);
        let mut tx = self.db.write().await?;
        let mut units = Vec::new();
        for id in &unit_ids {
            let unit = unit_store::get(&mut tx, *id)
                .await?
                .ok_or(AppError::NotFound("Không tìm thấy đơn vị."))?;
            units.push(unit);
        }
        let mut item_ids = input.item_ids.clone();
        item_ids.sort_unstable();
        item_ids.dedup();
        let rows = if item_ids.is_empty() {
            Vec::new()
        } else {
            let f = WorkFilter {
                item_ids: Some(item_ids.clone()),
                units: Some(unit_ids.clone()),
                open_only: true,
                ..Default::default()
            };
            work_store::rows(&mut tx, &f, Order::Plan, 10_000, 0).await?
        };
        if item_ids
            .iter()
            .any(|i| !rows.iter().any(|r| r.item_id == *i))
        {
            return Err(AppError::validation(
                "item_ids",
                "Có nhiệm vụ đã chọn không được giao cho các đơn vị này hoặc đã hoàn thành.",
            ));
        }
        let key = adhoc_key(&hash_token(&message)[..16]);
        let mut sent = Vec::new();
        let mut claims = Vec::new();
        let mut already_sent = Vec::new();
        for unit in &units {
            let items: Vec<_> = rows
                .iter()
                .filter(|r| r.unit_id == unit.id)
                .map(digest_item)
                .collect();
            let write = |base: &str| {
                adhoc_digest(
                    &actor.full_name,
                    &unit.name,
                    &message,
                    &items,
                    day,
                    Links { base },
                )
            };
            let outgoing = Outgoing {
                unit_id: unit.id,
                kind: ReminderKind::Adhoc,
                dedupe_key: key.clone(),
                items_count: items.len() as i64,
                in_app: write(""),
                email: write(&self.reminders.public_url),
                sent_by: user_ref(actor),
                link: "/my",
            };
            match self.claim(&mut tx, outgoing, day, now).await? {
                Some(c) => {
                    sent.push(SentReminder {
                        reminder_id: c.reminder_id,
                        unit_id: unit.id,
                        unit_name: unit.name.clone(),
                        recipients: c.recipients,
                        email_status: c.status,
                    });
                    claims.push(c);
                }
                None => already_sent.push(unit.name.clone()),
            }
        }
        let Some(first) = sent.first() else {
            return Err(AppError::Duplicate(format!(
                "Nội dung nhắc việc này đã được gửi hôm nay cho {}. Mỗi nội dung chỉ gửi một lần mỗi ngày cho một đơn vị; hãy sửa nội dung nếu cần nhắc thêm.",
                already_sent.join(", ")
            )));
        };
        let change = Change {
            action: "remind",
            entity_type: "reminder",
            entity_id: first.reminder_id,
            summary: format!("Đôn đốc {} đơn vị: {}", sent.len(), short(&message)),
            before: None,
            after: Some(serde_json::json!({
                "message": message,
                "unit_ids": sent.iter().map(|s| s.unit_id).collect::<Vec<_>>(),
                "item_ids": item_ids,
                "reminder_ids": sent.iter().map(|s| s.reminder_id).collect::<Vec<_>>(),
                "already_sent": already_sent,
            })),
        };
        record(&mut tx, actor, now, change).await?;
        tx.commit().await?;
        for (c, s) in claims.iter().zip(sent.iter_mut()) {
            s.email_status = self.deliver_email(c).await?;
        }
        Ok(AdhocReport { sent, already_sent })
    }
}
