//! The reminder log and its claim: one row per unit, dedupe key and day,
//! inserted before anything is sent so that only one of several app
//! instances (or overlapping sweeps) sends a given reminder.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use sqlx::FromRow;

use cchc_domain::units::UnitId;

use crate::db::on_conn;
use crate::filter::{Arg, Where, bind_args};
use crate::{Result, Tx};

pub struct NewReminder<'a> {
    pub unit_id: UnitId,
    pub kind: &'a str,
    pub dedupe_key: &'a str,
    pub day: NaiveDate,
    pub items_count: i64,
    /// How many users get the in-app notification.
    pub recipients: i64,
    pub message: &'a str,
    pub sent_by: Option<i64>,
    pub email_to: &'a str,
    pub email_status: &'a str,
    pub at: DateTime<Utc>,
}

/// Inserts the reminder unless the unit already has one with this key on
/// this day. `Some(id)` means this caller won the claim and must deliver it.
pub async fn claim(tx: &mut Tx, r: &NewReminder<'_>) -> Result<Option<i64>> {
    Ok(on_conn!(tx, |c| sqlx::query_scalar(
        "INSERT INTO reminders (unit_id, kind, dedupe_key, day, items_count, recipients, message, \
         sent_by, email_to, email_status, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
         ON CONFLICT (unit_id, dedupe_key, day) DO NOTHING RETURNING id"
    )
    .bind(r.unit_id)
    .bind(r.kind)
    .bind(r.dedupe_key)
    .bind(r.day)
    .bind(r.items_count)
    .bind(r.recipients)
    .bind(r.message)
    .bind(r.sent_by)
    .bind(r.email_to)
    .bind(r.email_status)
    .bind(r.at)
    .fetch_optional(c)
    .await?))
}

/// Marks as failed the emails claimed before `before` and never sent: the
/// process sending them stopped between the claim and the send. Returns how
/// many there were.
pub async fn fail_stale_pending(tx: &mut Tx, before: DateTime<Utc>) -> Result<u64> {
    Ok(on_conn!(tx, |c| sqlx::query(
        "UPDATE reminders SET email_status = 'failed' \
         WHERE email_status = 'pending' AND created_at < $1"
    )
    .bind(before)
    .execute(c)
    .await?
    .rows_affected()))
}

/// Records how the email of a claimed reminder went.
pub async fn set_email_status(tx: &mut Tx, id: i64, status: &str) -> Result<()> {
    on_conn!(tx, |c| sqlx::query(
        "UPDATE reminders SET email_status = $1 WHERE id = $2"
    )
    .bind(status)
    .bind(id)
    .execute(c)
    .await?
    .rows_affected());
    Ok(())
}

/// Someone a unit's reminders go to.
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct Recipient {
    pub user_id: i64,
    pub full_name: String,
    pub email: Option<String>,
}

/// Active users working in `unit` or holding a leader or staff role granted on it.
pub async fn recipients(tx: &mut Tx, unit: UnitId) -> Result<Vec<Recipient>> {
    Ok(on_conn!(tx, |c| sqlx::query_as(
        "SELECT u.id AS user_id, u.full_name, u.email FROM users u \
         WHERE u.is_active = $1 AND (u.unit_id = $2 OR EXISTS (SELECT 1 FROM role_grants g \
         WHERE g.user_id = u.id AND g.unit_id = $2 AND g.role IN ('leader', 'staff'))) \
         ORDER BY u.full_name, u.id"
    )
    .bind(true)
    .bind(unit)
    .fetch_all(c)
    .await?))
}

#[derive(Debug, Clone, Default)]
pub struct ReminderFilter {
    /// Only reminders of these units (None: every unit).
    pub units: Option<Vec<UnitId>>,
    pub kind: Option<String>,
    pub day: Option<NaiveDate>,
}

#[derive(Debug, Clone, FromRow, Serialize)]
pub struct ReminderRow {
    pub id: i64,
    pub unit_id: i64,
    pub unit_name: String,
    pub kind: String,
    pub day: NaiveDate,
    pub items_count: i64,
    pub recipients: i64,
    pub message: String,
    pub sent_by: Option<i64>,
    pub sender_name: Option<String>,
    pub email_to: String,
    pub email_status: String,
    pub created_at: DateTime<Utc>,
}

fn where_of(f: &ReminderFilter) -> Where {
    let mut w = Where::default();
    if let Some(units) = &f.units {
        w.any_of("r.unit_id", units.iter().map(|u| Arg::Int(*u)));
    }
    if let Some(k) = &f.kind {
        w.push("r.kind =", Arg::Text(k.clone()));
    }
    if let Some(d) = f.day {
        w.push("r.day =", Arg::Date(d));
    }
    w
}

/// One page of the log, newest first, and the total count.
pub async fn list(
    tx: &mut Tx,
    f: &ReminderFilter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<ReminderRow>, i64)> {
    let w = where_of(f);
    const FROM: &str = " FROM reminders r JOIN org_units o ON o.id = r.unit_id \
        LEFT JOIN users s ON s.id = r.sent_by";
    let sql = format!(
        "SELECT r.id, r.unit_id, o.name AS unit_name, r.kind, r.day, r.items_count, r.recipients, r.message, \
         r.sent_by, s.full_name AS sender_name, r.email_to, r.email_status, r.created_at\
         {FROM}{} ORDER BY r.created_at DESC, r.id DESC LIMIT {} OFFSET {}",
        w.sql(),
        limit.clamp(1, 1000),
        offset.max(0)
    );
    let count_sql = format!("SELECT COUNT(*){FROM}{}", w.sql());
    Ok(on_conn!(tx, |c| {
        let rows: Vec<ReminderRow> = bind_args!(sqlx::query_as(sqlx::AssertSqlSafe(sql)), &w.args)
            .fetch_all(&mut *c)
            .await?;
        let total: i64 = bind_args!(sqlx::query_scalar(sqlx::AssertSqlSafe(count_sql)), &w.args)
            .fetch_one(&mut *c)
            .await?;
        (rows, total)
    }))
}
