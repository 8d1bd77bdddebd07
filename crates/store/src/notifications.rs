//! In-app notifications: what a user is told (reminders, for now), and
//! whether they have read it.

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::FromRow;

use cchc_domain::units::UnitId;

use crate::db::on_conn;
use crate::{Result, Tx};

pub struct NewNotification<'a> {
    pub user_id: i64,
    pub unit_id: Option<UnitId>,
    pub kind: &'a str,
    pub title: &'a str,
    pub body: &'a str,
    pub link: &'a str,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, FromRow, Serialize)]
pub struct NotificationRow {
    pub id: i64,
    pub user_id: i64,
    pub unit_id: Option<i64>,
    pub kind: String,
    pub title: String,
    pub body: String,
    pub link: String,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
}

pub async fn insert(tx: &mut Tx, n: &NewNotification<'_>) -> Result<i64> {
    Ok(on_conn!(tx, |c| sqlx::query_scalar(
        "INSERT INTO notifications (user_id, unit_id, kind, title, body, link, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id"
    )
    .bind(n.user_id)
    .bind(n.unit_id)
    .bind(n.kind)
    .bind(n.title)
    .bind(n.body)
    .bind(n.link)
    .bind(n.at)
    .fetch_one(c)
    .await?))
}

/// One page of a user's notifications, newest first, and the total count.
pub async fn list(
    tx: &mut Tx,
    user_id: i64,
    unread_only: bool,
    limit: i64,
    offset: i64,
) -> Result<(Vec<NotificationRow>, i64)> {
    let unread = if unread_only {
        " AND read_at IS NULL"
    } else {
        ""
    };
    let sql = format!(
        "SELECT id, user_id, unit_id, kind, title, body, link, created_at, read_at \
         FROM notifications WHERE user_id = $1{unread} ORDER BY created_at DESC, id DESC \
         LIMIT {} OFFSET {}",
        limit.clamp(1, 1000),
        offset.max(0)
    );
    let count_sql = format!("SELECT COUNT(*) FROM notifications WHERE user_id = $1{unread}");
    Ok(on_conn!(tx, |c| {
        let rows: Vec<NotificationRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(user_id)
            .fetch_all(&mut *c)
            .await?;
        let total: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(count_sql))
            .bind(user_id)
            .fetch_one(&mut *c)
            .await?;
        (rows, total)
    }))
}

pub async fn unread_count(tx: &mut Tx, user_id: i64) -> Result<i64> {
    Ok(on_conn!(tx, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL"
    )
    .bind(user_id)
    .fetch_one(c)
    .await?))
}

/// Marks one of the user's notifications read (keeping the first read time);
/// false when the user has no such notification.
pub async fn mark_read(tx: &mut Tx, user_id: i64, id: i64, at: DateTime<Utc>) -> Result<bool> {
    let n = on_conn!(tx, |c| {
        sqlx::query(
        "UPDATE notifications SET read_at = COALESCE(read_at, $1) WHERE id = $2 AND user_id = $3"
    )
    .bind(at)
    .bind(id)
    .bind(user_id)
    .execute(c)
    .await?
    .rows_affected()
    });
    Ok(n > 0)
}

/// Marks every unread notification of the user read; returns how many.
pub async fn mark_all_read(tx: &mut Tx, user_id: i64, at: DateTime<Utc>) -> Result<u64> {
    Ok(on_conn!(tx, |c| sqlx::query(
        "UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL"
    )
    .bind(at)
    .bind(user_id)
    .execute(c)
    .await?
    .rows_affected()))
}
