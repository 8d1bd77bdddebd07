//! The working-day calendar's stored data: the administrator-editable
//! overrides, and the due dates of tracked work that the calendar page shows.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use sqlx::FromRow;

use cchc_domain::calendar::{Override, OverrideRecord, WORKING_DAY};

use crate::db::on_conn;
use crate::{Result, Tx};

#[derive(FromRow)]
struct OverrideRow {
    day: NaiveDate,
    kind: String,
    name: String,
}

fn to_override(day: NaiveDate, kind: &str, name: String) -> Override {
    if kind == WORKING_DAY {
        Override::working_day(day, name)
    } else {
        Override::day_off(day, name)
    }
}

/// Every stored override, in date order.
pub async fn overrides(tx: &mut Tx) -> Result<Vec<Override>> {
    let rows: Vec<OverrideRow> = on_conn!(tx, |c| sqlx::query_as(
        "SELECT day, kind, name FROM calendar_overrides ORDER BY day"
    )
    .fetch_all(c)
    .await?);
    Ok(rows
        .into_iter()
        .map(|r| to_override(r.day, &r.kind, r.name))
        .collect())
}

#[derive(FromRow)]
struct RecordRow {
    id: i64,
    day: NaiveDate,
    kind: String,
    name: String,
    created_by: Option<i64>,
    created_by_name: Option<String>,
    created_at: DateTime<Utc>,
}

impl From<RecordRow> for OverrideRecord {
    fn from(r: RecordRow) -> Self {
        OverrideRecord {
            id: r.id,
            rule: to_override(r.day, &r.kind, r.name),
            created_by: r.created_by,
            created_by_name: r.created_by_name,
            created_at: r.created_at,
        }
    }
}

const RECORD_SELECT: &str = "SELECT o.id, o.day, o.kind, o.name, o.created_by, \
     u.full_name AS created_by_name, o.created_at \
     FROM calendar_overrides o LEFT JOIN users u ON u.id = o.created_by";

/// The stored overrides of the days `from..=to`, in date order.
pub async fn records_between(
    tx: &mut Tx,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<OverrideRecord>> {
    let sql = format!("{RECORD_SELECT} WHERE o.day >= $1 AND o.day <= $2 ORDER BY o.day");
    let rows: Vec<RecordRow> = on_conn!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(from)
        .bind(to)
        .fetch_all(c)
        .await?);
    Ok(rows.into_iter().map(OverrideRecord::from).collect())
}

/// The stored override of `day`, if any.
pub async fn record(tx: &mut Tx, day: NaiveDate) -> Result<Option<OverrideRecord>> {
    let sql = format!("{RECORD_SELECT} WHERE o.day = $1");
    let row: Option<RecordRow> = on_conn!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(day)
        .fetch_optional(c)
        .await?);
    Ok(row.map(OverrideRecord::from))
}

/// Stores `rule` as the override of its date, replacing any earlier one of
/// that date; returns the row id.
pub async fn upsert(
    tx: &mut Tx,
    rule: &Override,
    created_by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64> {
    Ok(on_conn!(tx, |c| sqlx::query_scalar(
        "INSERT INTO calendar_overrides (day, kind, name, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name, \
         created_by = excluded.created_by, created_at = excluded.created_at \
         RETURNING id",
    )
    .bind(rule.date)
    .bind(rule.kind.code())
    .bind(rule.name())
    .bind(created_by)
    .bind(now)
    .fetch_one(c)
    .await?))
}

/// Removes the override of `day`; false when there was none.
pub async fn delete(tx: &mut Tx, day: NaiveDate) -> Result<bool> {
    let removed = on_conn!(tx, |c| sqlx::query(
        "DELETE FROM calendar_overrides WHERE day = $1"
    )
    .bind(day)
    .execute(c)
    .await?
    .rows_affected());
    Ok(removed > 0)
}

/// One unit's share of one occurrence of a task, due on `due_on`.
#[derive(Debug, Clone, PartialEq, Eq, FromRow, Serialize)]
pub struct DueItem {
    pub due_on: NaiveDate,
    pub plan_id: i64,
    pub plan_title: String,
    pub item_id: i64,
    /// The task's number in the plan ("1.2", "3a"), possibly empty.
    pub item_number: String,
    pub item_content: String,
    /// The occurrence's label, e.g. "Quý I/2026".
    pub label: String,
    pub unit_id: i64,
    pub unit_name: String,
}

/// The tracked occurrences due in `from..=to` for the units `unit_ids`
/// (`None`: every unit), by due date, plan, task and unit name.
pub async fn due_items(
    tx: &mut Tx,
    unit_ids: Option<&[i64]>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<DueItem>> {
    let units_clause = match unit_ids {
        Some([]) => return Ok(Vec::new()),
        // Placeholders only, numbered after $1 and $2; the ids are bound below.
        Some(ids) => format!(
            " AND t.unit_id IN ({})",
            (3..ids.len() + 3)
                .map(|n| format!("${n}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        None => String::new(),
    };
    let sql = format!(
        "SELECT o.due_on, o.plan_id, p.title AS plan_title, o.item_id, i.number AS item_number, \
         i.content AS item_content, o.label, t.unit_id, u.name AS unit_name \
         FROM occurrences o \
         JOIN plans p ON p.id = o.plan_id \
         JOIN plan_items i ON i.id = o.item_id \
         JOIN tracking t ON t.occurrence_id = o.id \
         JOIN org_units u ON u.id = t.unit_id \
         WHERE o.due_on >= $1 AND o.due_on <= $2{units_clause} \
         ORDER BY o.due_on, o.plan_id, i.position, o.item_id, u.name, t.unit_id"
    );
    let ids = unit_ids.unwrap_or_default();
    Ok(on_conn!(tx, |c| {
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(from).bind(to);
        for id in ids {
            query = query.bind(*id);
        }
        query.fetch_all(c).await?
    }))
}
