//! Occurrences of tasks, the per-unit tracking rows with their history,
//! evidence files and the content-addressed blobs behind them.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::FromRow;

use cchc_domain::plans::{ItemId, PlanId, TaskRole};
use cchc_domain::tracking::{Review, ValidUpdate};
use cchc_domain::units::UnitId;

use crate::db::on_conn;
use crate::{Result, StoreError, Tx};

#[derive(Debug, Clone, FromRow, serde::Serialize)]
pub struct OccurrenceRow {
    pub id: i64,
    pub plan_id: i64,
    pub item_id: i64,
    pub seq: i64,
    pub label: String,
    pub window_start: Option<NaiveDate>,
    pub nominal_due: Option<NaiveDate>,
    pub due_on: Option<NaiveDate>,
    pub decision: Option<String>,
    pub due_source: String,
    pub event_label: Option<String>,
    pub event_offset_json: Option<String>,
    pub event_on: Option<NaiveDate>,
    pub version: i64,
}

/// An occurrence as computed from the schedule.
#[derive(Debug, Clone, PartialEq)]
pub struct NewOccurrence {
    pub seq: i64,
    pub label: String,
    pub window_start: Option<NaiveDate>,
    pub nominal_due: Option<NaiveDate>,
    pub due_on: Option<NaiveDate>,
    pub decision: Option<String>,
    pub event_label: Option<String>,
    pub event_offset_json: Option<String>,
}

const OCC_COLUMNS: &str = "id, plan_id, item_id, seq, label, window_start, nominal_due, due_on, \
    decision, due_source, event_label, event_offset_json, event_on, version";

pub async fn occurrences(tx: &mut Tx, item_id: ItemId) -> Result<Vec<OccurrenceRow>> {
    let sql = format!("SELECT {OCC_COLUMNS} FROM occurrences WHERE item_id = $1 ORDER BY seq, id");
    Ok(on_conn!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(item_id)
        .fetch_all(c)
        .await?))
}

pub async fn occurrence(tx: &mut Tx, id: i64) -> Result<Option<OccurrenceRow>> {
    let sql = format!("SELECT {OCC_COLUMNS} FROM occurrences WHERE id = $1");
    Ok(on_conn!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(c)
        .await?))
}

pub async fn insert_occurrence(
    tx: &mut Tx,
    plan_id: PlanId,
    item_id: ItemId,
    o: &NewOccurrence,
    now: DateTime<Utc>,
) -> Result<i64> {
    Ok(on_conn!(tx, |c| sqlx::query_scalar(
        "INSERT INTO occurrences (plan_id, item_id, seq, label, window_start, nominal_due, due_on, \
         decision, due_source, event_label, event_offset_json, version, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'schedule', $9, $10, 1, $11, $11) RETURNING id",
    )
    .bind(plan_id)
    .bind(item_id)
    .bind(o.seq)
    .bind(&o.label)
    .bind(o.window_start)
    .bind(o.nominal_due)
    .bind(o.due_on)
    .bind(&o.decision)
    .bind(&o.event_label)
    .bind(&o.event_offset_json)
    .bind(now)
    .fetch_one(c)
    .await?))
}

/// Re-applies a recomputed schedule to an occurrence the coordinator did not date by hand.
pub async fn reschedule(tx: &mut Tx, id: i64, o: &NewOccurrence, now: DateTime<Utc>) -> Result<()> {
    on_conn!(tx, |c| sqlx::query(
        "UPDATE occurrences SET seq = $1, label = $2, window_start = $3, nominal_due = $4, \
         due_on = CASE WHEN due_source = 'schedule' THEN $5 ELSE due_on END, \
         decision = CASE WHEN due_source = 'schedule' THEN $6 ELSE decision END, \
         event_label = $7, event_offset_json = $8, version = version + 1, updated_at = $9 \
         WHERE id = $10",
    )
    .bind(o.seq)
    .bind(&o.label)
    .bind(o.window_start)
    .bind(o.nominal_due)
    .bind(o.due_on)
    .bind(&o.decision)
    .bind(&o.event_label)
    .bind(&o.event_offset_json)
    .bind(now)
    .bind(id)
    .execute(c)
    .await?
    .rows_affected());
    refresh_occurrence_rows(tx, id).await
}

/// Sets the due date by hand ('manual') or from a recorded event ('event').
#[allow(clippy::too_many_arguments)]
pub async fn set_due(
    tx: &mut Tx,
    id: i64,
    expected_version: i64,
    due_on: Option<NaiveDate>,
    source: &str,
    event_on: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> Result<()> {
    let changed = on_conn!(tx, |c| sqlx::query(
        "UPDATE occurrences SET due_on = $1, due_source = $2, event_on = $3, \
         decision = CASE WHEN $1 IS NULL THEN decision ELSE NULL END, \
         version = version + 1, updated_at = $4 WHERE id = $5 AND version = $6",
    )
    .bind(due_on)
    .bind(source)
    .bind(event_on)
    .bind(now)
    .bind(id)
    .bind(expected_version)
    .execute(c)
    .await?
    .rows_affected());
    if changed == 0 {
        return Err(StoreError::Conflict);
    }
    refresh_occurrence_rows(tx, id).await
}

pub async fn delete_occurrence(tx: &mut Tx, id: i64) -> Result<()> {
    on_conn!(tx, |c| sqlx::query("DELETE FROM occurrences WHERE id = $1")
        .bind(id)
        .execute(c)
        .await?
        .rows_affected());
    Ok(())
}

#[derive(Debug, Clone, FromRow, serde::Serialize)]
pub struct TrackingRow {
    pub id: i64,
    pub occurrence_id: i64,
    pub unit_id: i64,
    pub role: String,
    pub status: String,
    pub progress_pct: i64,
    pub result_text: String,
    pub achieved_value: Option<f64>,
    pub reason: String,
    pub completed_on: Option<NaiveDate>,
    pub review: String,
    pub review_comment: String,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

impl TrackingRow {
    pub fn task_role(&self) -> TaskRole {
        TaskRole::parse(&self.role).unwrap_or(TaskRole::Cooperating)
    }

    /// Nothing reported yet: safe to drop when the unit is unassigned.
    pub fn untouched(&self) -> bool {
        self.status == "not_started" && self.progress_pct == 0 && self.result_text.is_empty()
    }
}

const ROW_COLUMNS: &str = "id, occurrence_id, unit_id, role, status, progress_pct, result_text, \
    achieved_value, reason, completed_on, review, review_comment, updated_at, version";

pub async fn rows_of_item(tx: &mut Tx, item_id: ItemId) -> Result<Vec<TrackingRow>> {
    let sql = format!(
        "SELECT {ROW_COLUMNS} FROM tracking WHERE occurrence_id IN \
         (SELECT id FROM occurrences WHERE item_id = $1) ORDER BY occurrence_id, \
         CASE role WHEN 'lead' THEN 0 ELSE 1 END, id"
    );
    Ok(on_conn!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(item_id)
        .fetch_all(c)
        .await?))
}

pub async fn row(tx: &mut Tx, id: i64) -> Result<Option<TrackingRow>> {
    let sql = format!("SELECT {ROW_COLUMNS} FROM tracking WHERE id = $1");
    Ok(on_conn!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(c)
        .await?))
}

/// Creates the row of `unit` for an occurrence, or updates its role.
pub async fn ensure_row(
    tx: &mut Tx,
    occurrence_id: i64,
    unit_id: UnitId,
    role: TaskRole,
    now: DateTime<Utc>,
) -> Result<()> {
    on_conn!(tx, |c| sqlx::query(
        "INSERT INTO tracking (occurrence_id, unit_id, role, version, created_at, updated_at) \
         VALUES ($1, $2, $3, 1, $4, $4) ON CONFLICT (occurrence_id, unit_id) \
         DO UPDATE SET role = excluded.role",
    )
    .bind(occurrence_id)
    .bind(unit_id)
    .bind(role.code())
    .bind(now)
    .execute(c)
    .await?
    .rows_affected());
    refresh_occurrence_rows(tx, occurrence_id).await
}

pub async fn delete_row(tx: &mut Tx, id: i64) -> Result<()> {
    on_conn!(tx, |c| sqlx::query("DELETE FROM tracking WHERE id = $1")
        .bind(id)
        .execute(c)
        .await?
        .rows_affected());
    Ok(())
}

/// Stores a unit's report if the row is still at `expected_version`.
pub async fn update_row(
    tx: &mut Tx,
    id: i64,
    expected_version: i64,
    u: &ValidUpdate,
    review: Review,
    user_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let changed = on_conn!(tx, |c| {
        sqlx::query(
        "UPDATE tracking SET status = $1, progress_pct = $2, result_text = $3, achieved_value = $4, \
         reason = $5, completed_on = $6, review = $7, updated_by = $8, version = version + 1, \
         updated_at = $9 WHERE id = $10 AND version = $11",
    )
    .bind(u.status.code())
    .bind(u.progress_pct)
    .bind(&u.result_text)
    .bind(u.achieved_value)
    .bind(&u.reason)
    .bind(u.completed_on)
    .bind(review.code())
    .bind(user_id)
    .bind(now)
    .bind(id)
    .bind(expected_version)
    .execute(c)
    .await?
    .rows_affected()
    });
    if changed == 0 {
        return Err(StoreError::Conflict);
    }
    Ok(())
}

pub async fn set_review(
    tx: &mut Tx,
    id: i64,
    expected_version: i64,
    review: Review,
    comment: &str,
    user_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let changed = on_conn!(tx, |c| sqlx::query(
        "UPDATE tracking SET review = $1, review_comment = $2, updated_by = $3, \
         version = version + 1, updated_at = $4 WHERE id = $5 AND version = $6",
    )
    .bind(review.code())
    .bind(comment)
    .bind(user_id)
    .bind(now)
    .bind(id)
    .bind(expected_version)
    .execute(c)
    .await?
    .rows_affected());
    if changed == 0 {
        return Err(StoreError::Conflict);
    }
    Ok(())
}

#[derive(Debug, Clone, FromRow, serde::Serialize)]
pub struct EventRow {
    pub id: i64,
    pub tracking_id: i64,
    pub action: String,
    pub status: String,
    pub progress_pct: i64,
    pub note: String,
    pub actor_name: String,
    pub at: DateTime<Utc>,
}

pub struct NewEvent<'a> {
    pub tracking_id: i64,
    pub action: &'a str,
    pub status: &'a str,
    pub progress_pct: i64,
    pub note: &'a str,
    pub actor_user_id: Option<i64>,
    pub actor_name: &'a str,
    pub at: DateTime<Utc>,
}

pub async fn insert_event(tx: &mut Tx, e: NewEvent<'_>) -> Result<()> {
    on_conn!(tx, |c| sqlx::query(
        "INSERT INTO tracking_events (tracking_id, action, status, progress_pct, note, \
         actor_user_id, actor_name, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(e.tracking_id)
    .bind(e.action)
    .bind(e.status)
    .bind(e.progress_pct)
    .bind(e.note)
    .bind(e.actor_user_id)
    .bind(e.actor_name)
    .bind(e.at)
    .execute(c)
    .await?
    .rows_affected());
    Ok(())
}

/// The history of every tracking row of an item, newest first.
pub async fn events_of_item(tx: &mut Tx, item_id: ItemId) -> Result<Vec<EventRow>> {
    Ok(on_conn!(tx, |c| {
        sqlx::query_as(
        "SELECT e.id, e.tracking_id, e.action, e.status, e.progress_pct, e.note, e.actor_name, e.at \
         FROM tracking_events e JOIN tracking t ON t.id = e.tracking_id \
         JOIN occurrences o ON o.id = t.occurrence_id WHERE o.item_id = $1 \
         ORDER BY e.at DESC, e.id DESC",
    )
    .bind(item_id)
    .fetch_all(c)
    .await?
    }))
}

#[derive(Debug, Clone, FromRow, serde::Serialize)]
pub struct EvidenceRow {
    pub id: i64,
    pub tracking_id: i64,
    pub sha256: String,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub uploader_name: String,
    pub uploaded_at: DateTime<Utc>,
}

/// Stores file content once per SHA-256.
pub async fn put_blob(tx: &mut Tx, sha256: &str, content: &[u8], now: DateTime<Utc>) -> Result<()> {
    on_conn!(tx, |c| sqlx::query(
        "INSERT INTO blobs (sha256, size_bytes, content, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (sha256) DO NOTHING",
    )
    .bind(sha256)
    .bind(content.len() as i64)
    .bind(content)
    .bind(now)
    .execute(c)
    .await?
    .rows_affected());
    Ok(())
}

pub async fn blob(tx: &mut Tx, sha256: &str) -> Result<Option<Vec<u8>>> {
    Ok(on_conn!(tx, |c| sqlx::query_scalar(
        "SELECT content FROM blobs WHERE sha256 = $1"
    )
    .bind(sha256)
    .fetch_optional(c)
    .await?))
}

pub struct NewEvidence<'a> {
    pub tracking_id: i64,
    pub sha256: &'a str,
    pub file_name: &'a str,
    pub content_type: &'a str,
    pub size_bytes: i64,
    pub uploaded_by: Option<i64>,
    pub uploader_name: &'a str,
    pub at: DateTime<Utc>,
}

pub async fn insert_evidence(tx: &mut Tx, e: NewEvidence<'_>) -> Result<i64> {
    Ok(on_conn!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO evidence (tracking_id, sha256, file_name, content_type, size_bytes, \
         uploaded_by, uploader_name, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(e.tracking_id)
    .bind(e.sha256)
    .bind(e.file_name)
    .bind(e.content_type)
    .bind(e.size_bytes)
    .bind(e.uploaded_by)
    .bind(e.uploader_name)
    .bind(e.at)
    .fetch_one(c)
    .await?
    }))
}

const EVIDENCE_COLUMNS: &str = "id, tracking_id, sha256, file_name, content_type, size_bytes, \
    uploader_name, uploaded_at";

pub async fn evidence_of_item(tx: &mut Tx, item_id: ItemId) -> Result<Vec<EvidenceRow>> {
    let sql = format!(
        "SELECT {EVIDENCE_COLUMNS} FROM evidence WHERE removed_at IS NULL AND tracking_id IN \
         (SELECT t.id FROM tracking t JOIN occurrences o ON o.id = t.occurrence_id \
         WHERE o.item_id = $1) ORDER BY uploaded_at, id"
    );
    Ok(on_conn!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(item_id)
        .fetch_all(c)
        .await?))
}

pub async fn evidence(tx: &mut Tx, id: i64) -> Result<Option<EvidenceRow>> {
    let sql =
        format!("SELECT {EVIDENCE_COLUMNS} FROM evidence WHERE id = $1 AND removed_at IS NULL");
    Ok(on_conn!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(c)
        .await?))
}

/// An evidence row whether removed or not, and whether it was removed.
pub async fn evidence_any(tx: &mut Tx, id: i64) -> Result<Option<(EvidenceRow, bool)>> {
    let sql = format!(
        "SELECT {EVIDENCE_COLUMNS}, CASE WHEN removed_at IS NULL THEN 0 ELSE 1 END AS removed \
         FROM evidence WHERE id = $1"
    );
    #[derive(FromRow)]
    struct Row {
        #[sqlx(flatten)]
        e: EvidenceRow,
        removed: i32,
    }
    let row: Option<Row> = on_conn!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(c)
        .await?);
    Ok(row.map(|r| (r.e, r.removed == 1)))
}

pub async fn remove_evidence(tx: &mut Tx, id: i64, now: DateTime<Utc>) -> Result<()> {
    on_conn!(tx, |c| sqlx::query(
        "UPDATE evidence SET removed_at = $1 WHERE id = $2"
    )
    .bind(now)
    .bind(id)
    .execute(c)
    .await?
    .rows_affected());
    Ok(())
}

/// The copies a tracking row keeps of its occurrence and task (plan, due
/// date, reform area), set from the source tables.
const REFRESH_COPIES: &str = "UPDATE tracking SET \
    plan_id = (SELECT o.plan_id FROM occurrences o WHERE o.id = tracking.occurrence_id), \
    due_on = (SELECT o.due_on FROM occurrences o WHERE o.id = tracking.occurrence_id), \
    area_id = (SELECT i.area_id FROM occurrences o JOIN plan_items i ON i.id = o.item_id \
               WHERE o.id = tracking.occurrence_id)";

/// Brings the copies of an occurrence's rows in step with it.
pub async fn refresh_occurrence_rows(tx: &mut Tx, occurrence_id: i64) -> Result<()> {
    let sql = format!("{REFRESH_COPIES} WHERE occurrence_id = $1");
    on_conn!(tx, |c| sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(occurrence_id)
        .execute(c)
        .await?
        .rows_affected());
    Ok(())
}

/// Brings the copies of every row of an item in step (its area changed).
pub async fn refresh_item_rows(tx: &mut Tx, item_id: i64) -> Result<()> {
    let sql = format!(
        "{REFRESH_COPIES} WHERE occurrence_id IN (SELECT id FROM occurrences WHERE item_id = $1)"
    );
    on_conn!(tx, |c| sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(item_id)
        .execute(c)
        .await?
        .rows_affected());
    Ok(())
}

/// Tracking rows whose copies (plan, due date, area) differ from their
/// sources: always 0 unless a write path forgot to refresh them.
pub async fn stale_copies(tx: &mut Tx) -> Result<i64> {
    Ok(on_conn!(tx, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM tracking t JOIN occurrences o ON o.id = t.occurrence_id \
         JOIN plan_items i ON i.id = o.item_id \
         WHERE t.plan_id IS DISTINCT FROM o.plan_id OR t.due_on IS DISTINCT FROM o.due_on \
         OR t.area_id IS DISTINCT FROM i.area_id"
    )
    .fetch_one(c)
    .await?))
}
