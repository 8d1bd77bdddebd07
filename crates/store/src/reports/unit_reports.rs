//! Units' reports in a round (the working draft and its status) and the
//! versions they submitted.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::FromRow;

use cchc_domain::reports::{
    Outcome, ReportContent, ReportStatus, ReportVersion, RoundId, UnitReport, UnitReportId,
};
use cchc_domain::units::UnitId;

use crate::db::on_conn;
use crate::filter::{Arg, Where, bind_args};
use crate::{Result, StoreError, Tx};

#[derive(FromRow)]
struct ReportRow {
    id: i64,
    round_id: i64,
    unit_id: i64,
    unit_name: String,
    status: String,
    texts_json: String,
    saved_at: Option<DateTime<Utc>>,
    saved_by_name: String,
    first_submitted_at: Option<DateTime<Utc>>,
    submitted_at: Option<DateTime<Utc>>,
    submissions: i64,
    review_comment: String,
    reviewed_by_name: String,
    reviewed_at: Option<DateTime<Utc>>,
    version: i64,
}

/// A unit's report with its unit's name.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct NamedReport {
    pub report: UnitReport,
    pub unit_name: String,
}

impl From<ReportRow> for NamedReport {
    fn from(r: ReportRow) -> NamedReport {
        NamedReport {
            report: UnitReport {
                id: r.id,
                round_id: r.round_id,
                unit_id: r.unit_id,
                status: ReportStatus::parse(&r.status).unwrap_or(ReportStatus::Draft),
                texts: serde_json::from_str(&r.texts_json).unwrap_or_default(),
                saved_at: r.saved_at,
                saved_by_name: r.saved_by_name,
                first_submitted_at: r.first_submitted_at,
                submitted_at: r.submitted_at,
                submissions: r.submissions,
                review_comment: r.review_comment,
                reviewed_by_name: r.reviewed_by_name,
                reviewed_at: r.reviewed_at,
                version: r.version,
            },
            unit_name: r.unit_name,
        }
    }
}

const SELECT: &str = "SELECT ur.id, ur.round_id, ur.unit_id, u.name AS unit_name, ur.status, \
    ur.texts_json, ur.saved_at, ur.saved_by_name, ur.first_submitted_at, ur.submitted_at, \
    ur.submissions, ur.review_comment, ur.reviewed_by_name, ur.reviewed_at, ur.version \
    FROM unit_reports ur JOIN org_units u ON u.id = ur.unit_id";

pub async fn insert(
    tx: &mut Tx,
    round_id: RoundId,
    unit_id: UnitId,
    now: DateTime<Utc>,
) -> Result<UnitReportId> {
    Ok(on_conn!(tx, |c| sqlx::query_scalar(
        "INSERT INTO unit_reports (round_id, unit_id, status, version, created_at, updated_at) \
         VALUES ($1, $2, 'draft', 1, $3, $3) RETURNING id"
    )
    .bind(round_id)
    .bind(unit_id)
    .bind(now)
    .fetch_one(c)
    .await?))
}

pub async fn get(tx: &mut Tx, id: UnitReportId) -> Result<Option<NamedReport>> {
    let sql = format!("{SELECT} WHERE ur.id = $1");
    let row: Option<ReportRow> = on_conn!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(c)
        .await?);
    Ok(row.map(NamedReport::from))
}

/// The reports of the rounds `round_ids`, by round and unit name.
pub async fn of_rounds(tx: &mut Tx, round_ids: &[RoundId]) -> Result<Vec<NamedReport>> {
    let mut w = Where::default();
    w.any_of("ur.round_id", round_ids.iter().map(|r| Arg::Int(*r)));
    let sql = format!("{SELECT}{} ORDER BY ur.round_id, u.name, ur.id", w.sql());
    let rows: Vec<ReportRow> = on_conn!(tx, |c| bind_args!(
        sqlx::query_as(sqlx::AssertSqlSafe(sql)),
        &w.args
    )
    .fetch_all(c)
    .await?);
    Ok(rows.into_iter().map(NamedReport::from).collect())
}

fn changed(rows: u64) -> Result<()> {
    if rows == 0 {
        Err(StoreError::Conflict)
    } else {
        Ok(())
    }
}

/// Stores the draft's narratives if the report is still at `expected_version`.
pub async fn save_texts(
    tx: &mut Tx,
    id: UnitReportId,
    expected_version: i64,
    texts: &BTreeMap<String, String>,
    by_name: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let json = serde_json::to_string(texts).unwrap_or_else(|_| "{}".into());
    let rows = on_conn!(tx, |c| sqlx::query(
        "UPDATE unit_reports SET texts_json = $1, saved_at = $2, saved_by_name = $3, \
         version = version + 1, updated_at = $2 WHERE id = $4 AND version = $5"
    )
    .bind(json)
    .bind(now)
    .bind(by_name)
    .bind(id)
    .bind(expected_version)
    .execute(c)
    .await?
    .rows_affected());
    changed(rows)
}

/// Bumps the version (a figure of the draft changed) if still at `expected_version`.
pub async fn touch(
    tx: &mut Tx,
    id: UnitReportId,
    expected_version: i64,
    by_name: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let rows = on_conn!(tx, |c| sqlx::query(
        "UPDATE unit_reports SET saved_at = $1, saved_by_name = $2, version = version + 1, \
         updated_at = $1 WHERE id = $3 AND version = $4"
    )
    .bind(now)
    .bind(by_name)
    .bind(id)
    .bind(expected_version)
    .execute(c)
    .await?
    .rows_affected());
    changed(rows)
}

/// Marks the report submitted (the first submission time is kept).
pub async fn mark_submitted(
    tx: &mut Tx,
    id: UnitReportId,
    expected_version: i64,
    now: DateTime<Utc>,
) -> Result<()> {
    let rows = on_conn!(tx, |c| sqlx::query(
        "UPDATE unit_reports SET status = 'submitted', \
         first_submitted_at = COALESCE(first_submitted_at, $1), submitted_at = $1, \
         submissions = submissions + 1, version = version + 1, updated_at = $1 \
         WHERE id = $2 AND version = $3"
    )
    .bind(now)
    .bind(id)
    .bind(expected_version)
    .execute(c)
    .await?
    .rows_affected());
    changed(rows)
}

/// Records the coordinator's decision if still at `expected_version`.
pub async fn set_review(
    tx: &mut Tx,
    id: UnitReportId,
    expected_version: i64,
    status: ReportStatus,
    comment: &str,
    reviewer_name: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let rows = on_conn!(tx, |c| sqlx::query(
        "UPDATE unit_reports SET status = $1, review_comment = $2, reviewed_by_name = $3, \
         reviewed_at = $4, version = version + 1, updated_at = $4 WHERE id = $5 AND version = $6"
    )
    .bind(status.code())
    .bind(comment)
    .bind(reviewer_name)
    .bind(now)
    .bind(id)
    .bind(expected_version)
    .execute(c)
    .await?
    .rows_affected());
    changed(rows)
}

pub struct NewVersion<'a> {
    pub report_id: UnitReportId,
    pub number: i64,
    pub content: &'a ReportContent,
    pub submitted_by: Option<i64>,
    pub submitted_by_name: &'a str,
    pub at: DateTime<Utc>,
}

pub async fn insert_version(tx: &mut Tx, v: NewVersion<'_>) -> Result<i64> {
    let json = serde_json::to_string(v.content).unwrap_or_else(|_| "{}".into());
    Ok(on_conn!(tx, |c| sqlx::query_scalar(
        "INSERT INTO unit_report_versions (unit_report_id, number, content_json, submitted_by, \
         submitted_by_name, submitted_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id"
    )
    .bind(v.report_id)
    .bind(v.number)
    .bind(json)
    .bind(v.submitted_by)
    .bind(v.submitted_by_name)
    .bind(v.at)
    .fetch_one(c)
    .await?))
}

#[derive(FromRow)]
struct VersionRow {
    id: i64,
    unit_report_id: i64,
    number: i64,
    content_json: String,
    submitted_by_name: String,
    submitted_at: DateTime<Utc>,
    outcome: Option<String>,
    review_comment: String,
    reviewed_by_name: String,
    reviewed_at: Option<DateTime<Utc>>,
}

impl From<VersionRow> for ReportVersion {
    fn from(r: VersionRow) -> ReportVersion {
        ReportVersion {
            id: r.id,
            report_id: r.unit_report_id,
            number: r.number,
            content: serde_json::from_str(&r.content_json).unwrap_or_default(),
            submitted_by_name: r.submitted_by_name,
            submitted_at: r.submitted_at,
            outcome: r.outcome.as_deref().and_then(Outcome::parse),
            review_comment: r.review_comment,
            reviewed_by_name: r.reviewed_by_name,
            reviewed_at: r.reviewed_at,
        }
    }
}

/// The submitted versions of `report_ids`, by report and number.
pub async fn versions(tx: &mut Tx, report_ids: &[UnitReportId]) -> Result<Vec<ReportVersion>> {
    let mut w = Where::default();
    w.any_of("unit_report_id", report_ids.iter().map(|r| Arg::Int(*r)));
    let sql = format!(
        "SELECT id, unit_report_id, number, content_json, submitted_by_name, submitted_at, \
         outcome, review_comment, reviewed_by_name, reviewed_at FROM unit_report_versions{} \
         ORDER BY unit_report_id, number",
        w.sql()
    );
    let rows: Vec<VersionRow> = on_conn!(tx, |c| bind_args!(
        sqlx::query_as(sqlx::AssertSqlSafe(sql)),
        &w.args
    )
    .fetch_all(c)
    .await?);
    Ok(rows.into_iter().map(ReportVersion::from).collect())
}

pub struct Review<'a> {
    pub report_id: UnitReportId,
    pub number: i64,
    pub outcome: Outcome,
    pub comment: &'a str,
    pub reviewed_by: Option<i64>,
    pub reviewed_by_name: &'a str,
    pub at: DateTime<Utc>,
}

/// Records what the coordinator made of a submitted version.
pub async fn set_outcome(tx: &mut Tx, r: Review<'_>) -> Result<()> {
    let rows = on_conn!(tx, |c| sqlx::query(
        "UPDATE unit_report_versions SET outcome = $1, review_comment = $2, reviewed_by = $3, \
         reviewed_by_name = $4, reviewed_at = $5 WHERE unit_report_id = $6 AND number = $7"
    )
    .bind(r.outcome.code())
    .bind(r.comment)
    .bind(r.reviewed_by)
    .bind(r.reviewed_by_name)
    .bind(r.at)
    .bind(r.report_id)
    .bind(r.number)
    .execute(c)
    .await?
    .rows_affected());
    if rows == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// A report a unit still owes in an open round, for reminders.
#[derive(Debug, Clone, FromRow)]
pub struct OwedRow {
    pub report_id: i64,
    pub unit_id: i64,
    pub unit_name: String,
    pub label: String,
    pub window_start: NaiveDate,
    pub window_end: NaiveDate,
    pub unit_deadline: NaiveDate,
    pub status: String,
}

/// Reports in open rounds that are drafts or returned and due on or before
/// `until`, by unit and deadline.
pub async fn owed_until(tx: &mut Tx, until: NaiveDate) -> Result<Vec<OwedRow>> {
    Ok(on_conn!(tx, |c| sqlx::query_as(
        "SELECT ur.id AS report_id, ur.unit_id, u.name AS unit_name, r.label, r.window_start, \
         r.window_end, r.unit_deadline, ur.status FROM unit_reports ur \
         JOIN report_rounds r ON r.id = ur.round_id JOIN org_units u ON u.id = ur.unit_id \
         WHERE r.status = 'open' AND ur.status IN ('draft', 'returned') \
         AND r.unit_deadline IS NOT NULL AND r.unit_deadline <= $1 \
         ORDER BY ur.unit_id, r.unit_deadline, r.id"
    )
    .bind(until)
    .fetch_all(c)
    .await?))
}
