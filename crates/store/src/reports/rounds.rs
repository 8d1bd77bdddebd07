//! Report rounds (kỳ báo cáo): opened with their dates and outline fixed.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::FromRow;

use cchc_domain::reports::{Outline, ReportKind, Round, RoundId, RoundStatus, ValidRound};
use cchc_domain::units::UnitId;

use crate::db::on_conn;
use crate::filter::{Arg, Where, bind_args};
use crate::{Result, StoreError, Tx};

#[derive(FromRow)]
struct RoundRow {
    id: i64,
    type_code: String,
    kind: String,
    year: i64,
    label: String,
    unit_id: i64,
    window_start: NaiveDate,
    window_end: NaiveDate,
    unit_deadline: Option<NaiveDate>,
    department_deadline: Option<NaiveDate>,
    outline_json: String,
    status: String,
    opened_by_name: String,
    created_at: DateTime<Utc>,
    version: i64,
}

impl From<RoundRow> for Round {
    fn from(r: RoundRow) -> Round {
        Round {
            id: r.id,
            kind: ReportKind::parse(&r.kind).unwrap_or(ReportKind::Adhoc),
            type_code: r.type_code,
            year: r.year as i32,
            label: r.label,
            unit_id: r.unit_id,
            window_start: r.window_start,
            window_end: r.window_end,
            unit_deadline: r.unit_deadline,
            department_deadline: r.department_deadline,
            outline: serde_json::from_str::<Outline>(&r.outline_json).unwrap_or_default(),
            status: RoundStatus::parse(&r.status).unwrap_or(RoundStatus::Closed),
            opened_by_name: r.opened_by_name,
            opened_at: r.created_at,
            version: r.version,
        }
    }
}

const COLUMNS: &str = "r.id, r.type_code, r.kind, r.year, r.label, r.unit_id, r.window_start, \
    r.window_end, r.unit_deadline, r.department_deadline, r.outline_json, r.status, \
    r.opened_by_name, r.created_at, r.version";

pub async fn insert(
    tx: &mut Tx,
    v: &ValidRound,
    opened_by: Option<i64>,
    opened_by_name: &str,
    now: DateTime<Utc>,
) -> Result<RoundId> {
    let outline = serde_json::to_string(&v.outline).unwrap_or_else(|_| "{}".into());
    Ok(on_conn!(tx, |c| sqlx::query_scalar(
        "INSERT INTO report_rounds (type_code, kind, year, label, unit_id, window_start, \
         window_end, unit_deadline, department_deadline, outline_json, status, opened_by, \
         opened_by_name, version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, \
         $8, $9, $10, 'open', $11, $12, 1, $13, $13) RETURNING id",
    )
    .bind(&v.type_code)
    .bind(v.kind.code())
    .bind(i64::from(v.year))
    .bind(&v.label)
    .bind(v.unit_id)
    .bind(v.window.start)
    .bind(v.window.end)
    .bind(v.unit_deadline)
    .bind(v.department_deadline)
    .bind(outline)
    .bind(opened_by)
    .bind(opened_by_name)
    .bind(now)
    .fetch_one(c)
    .await?))
}

pub async fn get(tx: &mut Tx, id: RoundId) -> Result<Option<Round>> {
    let sql = format!("SELECT {COLUMNS} FROM report_rounds r WHERE r.id = $1");
    let row: Option<RoundRow> = on_conn!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(c)
        .await?);
    Ok(row.map(Round::from))
}

/// The periodic round of `type_code` and `year` of a department, if opened.
pub async fn find_periodic(
    tx: &mut Tx,
    unit_id: UnitId,
    type_code: &str,
    year: i32,
) -> Result<Option<RoundId>> {
    Ok(on_conn!(tx, |c| sqlx::query_scalar(
        "SELECT id FROM report_rounds WHERE unit_id = $1 AND type_code = $2 AND year = $3 \
         AND kind <> 'adhoc'"
    )
    .bind(unit_id)
    .bind(type_code)
    .bind(i64::from(year))
    .fetch_optional(c)
    .await?))
}

#[derive(Debug, Clone, Default)]
pub struct RoundFilter {
    pub year: Option<i32>,
    pub open_only: bool,
    /// Only rounds of these departments, or with a report of one of
    /// `reporting_units` (both None: every round).
    pub departments: Option<Vec<UnitId>>,
    pub reporting_units: Option<Vec<UnitId>>,
}

/// Rounds matching `f`, the latest window first.
pub async fn list(tx: &mut Tx, f: &RoundFilter) -> Result<Vec<Round>> {
    let mut w = Where::default();
    if let Some(y) = f.year {
        w.push("r.year =", Arg::Int(i64::from(y)));
    }
    if f.open_only {
        w.fixed("r.status = 'open'");
    }
    if f.departments.is_some() || f.reporting_units.is_some() {
        // -1 keeps each list valid when empty (no unit has that id).
        let list = |ids: &Option<Vec<UnitId>>| {
            ids.iter()
                .flatten()
                .chain([&-1])
                .map(|u| Arg::Int(*u))
                .collect::<Vec<_>>()
        };
        let departments = w.marks(list(&f.departments));
        let reporting = w.marks(list(&f.reporting_units));
        w.fixed(&format!(
            "(r.unit_id IN ({departments}) OR r.id IN (SELECT round_id FROM unit_reports \
             WHERE unit_id IN ({reporting})))"
        ));
    }
    let sql = format!(
        "SELECT {COLUMNS} FROM report_rounds r{} ORDER BY r.window_end DESC, r.id DESC",
        w.sql()
    );
    let rows: Vec<RoundRow> = on_conn!(tx, |c| bind_args!(
        sqlx::query_as(sqlx::AssertSqlSafe(sql)),
        &w.args
    )
    .fetch_all(c)
    .await?);
    Ok(rows.into_iter().map(Round::from).collect())
}

/// Opens or closes a round if still at `expected_version`, else `Conflict`.
pub async fn set_status(
    tx: &mut Tx,
    id: RoundId,
    expected_version: i64,
    status: RoundStatus,
    now: DateTime<Utc>,
) -> Result<()> {
    let changed = on_conn!(tx, |c| sqlx::query(
        "UPDATE report_rounds SET status = $1, version = version + 1, updated_at = $2 \
         WHERE id = $3 AND version = $4"
    )
    .bind(status.code())
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
