//! Lists over tracking rows with their task, plan, area and unit: the
//! "my unit" page, filtered lists and exports, and the counts of the plan
//! overview. One query per page, whatever the plan's size.

use chrono::NaiveDate;
use sqlx::FromRow;

use cchc_domain::plans::PlanId;
use cchc_domain::tracking::Status;
use cchc_domain::units::UnitId;

use crate::db::on_conn;
use crate::filter::{Arg, Where, bind_args};
use crate::{Result, Tx};

#[derive(Debug, Clone, Default)]
pub struct WorkFilter {
    pub plan_id: Option<PlanId>,
    pub area_id: Option<i64>,
    /// Only rows of these tasks.
    pub item_ids: Option<Vec<i64>>,
    /// Only rows of these units (None: every unit).
    pub units: Option<Vec<UnitId>>,
    /// Plans whose rows are all visible (issuer covered), besides `units`.
    pub whole_plans_of: Option<Vec<UnitId>>,
    /// Only this unit's rows (within what the two fields above allow).
    pub only_unit: Option<UnitId>,
    pub status: Option<Status>,
    pub open_only: bool,
    pub final_only: bool,
    /// Due on or before this day.
    pub due_until: Option<NaiveDate>,
    /// Due on or after this day.
    pub due_from: Option<NaiveDate>,
    /// Open and due before this day.
    pub overdue_on: Option<NaiveDate>,
    pub needs_decision: bool,
    pub query_folded: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Soonest due first, undated last.
    Due,
    /// Plan order (for exports and the plan's own list).
    Plan,
    /// Most recently updated first.
    Updated,
}

#[derive(Debug, Clone, FromRow, serde::Serialize)]
pub struct WorkRow {
    pub tracking_id: i64,
    pub occurrence_id: i64,
    pub item_id: i64,
    pub plan_id: i64,
    pub plan_title: String,
    pub item_number: String,
    pub content: String,
    pub indicator: String,
    pub area_name: Option<String>,
    pub unit_id: i64,
    pub unit_name: String,
    pub role: String,
    pub status: String,
    pub progress_pct: i64,
    pub review: String,
    pub result_text: String,
    pub label: String,
    pub due_on: Option<NaiveDate>,
    pub decision: Option<String>,
    pub completed_on: Option<NaiveDate>,
    pub version: i64,
}

const FROM: &str = " FROM tracking t JOIN occurrences o ON o.id = t.occurrence_id \
    JOIN plan_items i ON i.id = o.item_id JOIN plans p ON p.id = o.plan_id \
    JOIN org_units u ON u.id = t.unit_id LEFT JOIN reform_areas a ON a.id = i.area_id";

/// Counting reads the tracking rows alone (they carry their plan, area and
/// due date) unless a filter needs the task or the plan.
fn count_from(f: &WorkFilter) -> &'static str {
    if f.whole_plans_of.is_some() || f.item_ids.is_some() || !f.query_folded.is_empty() {
        FROM
    } else {
        " FROM tracking t"
    }
}

fn open_list() -> String {
    quoted_codes(|s| Status::OPEN_CODES.contains(&s.code()))
}

/// The final statuses, listed so that an index on status serves them.
fn final_list() -> String {
    quoted_codes(|s| !Status::OPEN_CODES.contains(&s.code()))
}

fn quoted_codes(keep: impl Fn(&Status) -> bool) -> String {
    Status::ALL
        .iter()
        .filter(|s| keep(s))
        .map(|s| format!("'{}'", s.code()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn where_of(f: &WorkFilter) -> Where {
    let mut w = Where::default();
    if let Some(p) = f.plan_id {
        w.push("t.plan_id =", Arg::Int(p));
    }
    if let Some(a) = f.area_id {
        w.push("t.area_id =", Arg::Int(a));
    }
    if let Some(items) = &f.item_ids {
        w.any_of("o.item_id", items.iter().map(|i| Arg::Int(*i)));
    }
    match (&f.units, &f.whole_plans_of) {
        (Some(units), None) => w.any_of("t.unit_id", units.iter().map(|u| Arg::Int(*u))),
        (Some(units), Some(issuers)) => {
            // -1 keeps each list valid when empty (no unit has that id).
            let list = |ids: &[UnitId]| {
                ids.iter()
                    .chain([&-1])
                    .map(|u| Arg::Int(*u))
                    .collect::<Vec<_>>()
            };
            let own = w.marks(list(units));
            let issued = w.marks(list(issuers));
            w.fixed(&format!(
                "(t.unit_id IN ({own}) OR p.issuing_unit_id IN ({issued}))"
            ));
        }
        (None, _) => {}
    }
    if let Some(u) = f.only_unit {
        w.push("t.unit_id =", Arg::Int(u));
    }
    if let Some(s) = f.status {
        w.push("t.status =", Arg::Text(s.code().into()));
    }
    if f.open_only {
        w.fixed(&format!("t.status IN ({})", open_list()));
    }
    if f.final_only {
        w.fixed(&format!("t.status IN ({})", final_list()));
    }
    if let Some(d) = f.due_until {
        w.push("t.due_on <=", Arg::Date(d));
    }
    if let Some(d) = f.due_from {
        w.push("t.due_on >=", Arg::Date(d));
    }
    if let Some(d) = f.overdue_on {
        w.push("t.due_on <", Arg::Date(d));
        w.fixed(&format!("t.status IN ({})", open_list()));
    }
    if f.needs_decision {
        w.fixed("t.due_on IS NULL");
    }
    for word in f.query_folded.split(' ').filter(|w| !w.is_empty()) {
        w.push("i.search_folded LIKE", Arg::Text(format!("%{word}%")));
    }
    w
}

/// One page of rows matching `f`, and the total count.
pub async fn list(
    tx: &mut Tx,
    f: &WorkFilter,
    order: Order,
    limit: i64,
    offset: i64,
) -> Result<(Vec<WorkRow>, i64)> {
    let rows = rows(tx, f, order, limit, offset).await?;
    // A short first page holds every row: no need to count them.
    let total = if offset == 0 && (rows.len() as i64) < limit {
        rows.len() as i64
    } else {
        count(tx, f).await?
    };
    Ok((rows, total))
}

/// Up to `limit` rows matching `f` from `offset`, without counting them all.
pub async fn rows(
    tx: &mut Tx,
    f: &WorkFilter,
    order: Order,
    limit: i64,
    offset: i64,
) -> Result<Vec<WorkRow>> {
    let w = where_of(f);
    let order_sql = match order {
        Order::Due => "CASE WHEN t.due_on IS NULL THEN 1 ELSE 0 END, t.due_on, i.position, t.id",
        Order::Plan => {
            "o.plan_id, i.position, o.seq, CASE t.role WHEN 'lead' THEN 0 ELSE 1 END, t.id"
        }
        Order::Updated => "t.updated_at DESC, t.id DESC",
    };
    let sql = format!(
        "SELECT t.id AS tracking_id, o.id AS occurrence_id, i.id AS item_id, o.plan_id, \
         p.title AS plan_title, i.number AS item_number, i.content, i.indicator, \
         a.name AS area_name, t.unit_id, u.name AS unit_name, t.role, t.status, t.progress_pct, \
         t.review, t.result_text, o.label, o.due_on, o.decision, t.completed_on, t.version\
         {FROM}{} ORDER BY {order_sql} LIMIT {} OFFSET {}",
        w.sql(),
        limit.clamp(1, 100_000),
        offset.max(0)
    );
    Ok(on_conn!(tx, |c| bind_args!(
        sqlx::query_as(sqlx::AssertSqlSafe(sql)),
        &w.args
    )
    .fetch_all(c)
    .await?))
}

/// How many rows match `f`.
pub async fn count(tx: &mut Tx, f: &WorkFilter) -> Result<i64> {
    let w = where_of(f);
    let sql = format!("SELECT COUNT(*){}{}", count_from(f), w.sql());
    Ok(on_conn!(tx, |c| bind_args!(
        sqlx::query_scalar(sqlx::AssertSqlSafe(sql)),
        &w.args
    )
    .fetch_one(c)
    .await?))
}

/// Rows counted by a key (area or unit) and status, with overdue ones apart.
#[derive(Debug, Clone, FromRow, serde::Serialize)]
pub struct Count {
    pub key_id: Option<i64>,
    pub key_name: Option<String>,
    pub status: String,
    pub n: i64,
    pub overdue: i64,
}

#[derive(Debug, Clone, Copy)]
pub enum GroupBy {
    Area,
    Unit,
}

/// Counts of the rows matching `f`, grouped by area or unit and status;
/// `today` decides which open rows are overdue.
pub async fn counts(
    tx: &mut Tx,
    f: &WorkFilter,
    by: GroupBy,
    today: NaiveDate,
) -> Result<Vec<Count>> {
    let mut w = where_of(f);
    let (key, names) = match by {
        GroupBy::Area => (
            "t.area_id",
            "LEFT JOIN reform_areas a ON a.id = g.key_id ORDER BY a.sort_order, g.key_id",
        ),
        GroupBy::Unit => (
            "t.unit_id",
            "LEFT JOIN org_units a ON a.id = g.key_id ORDER BY a.name, g.key_id",
        ),
    };
    let from = count_from(f);
    w.args.push(Arg::Date(today));
    let today_mark = w.args.len();
    let sql = format!(
        "SELECT g.key_id, a.name AS key_name, g.status, g.n, g.overdue FROM (\
         SELECT {key} AS key_id, t.status, COUNT(*) AS n, \
         SUM(CASE WHEN t.due_on < ${today_mark} AND t.status IN ({open}) THEN 1 ELSE 0 END) AS overdue\
         {from}{} GROUP BY {key}, t.status) g {names}",
        w.sql(),
        open = open_list(),
    );
    let rows: Vec<Count> = on_conn!(tx, |c| bind_args!(
        sqlx::query_as(sqlx::AssertSqlSafe(sql)),
        &w.args
    )
    .fetch_all(c)
    .await?);
    Ok(rows)
}

/// Rows of a plan counted by area, unit and status, with overdue ones apart.
#[derive(Debug, Clone, FromRow, serde::Serialize)]
pub struct PlanCount {
    pub area_id: Option<i64>,
    pub unit_id: i64,
    pub status: String,
    pub n: i64,
    pub overdue: i64,
}

/// The overview's counts of one plan's rows, from the tallies the database
/// keeps (migration 0006): a few hundred rows whatever the plan's size.
/// `units` limits them to those units' rows.
pub async fn plan_counts(
    tx: &mut Tx,
    plan_id: PlanId,
    units: Option<&[UnitId]>,
    today: NaiveDate,
) -> Result<Vec<PlanCount>> {
    let mut w = Where::default();
    w.push("plan_id =", Arg::Int(plan_id));
    if let Some(units) = units {
        w.any_of("unit_id", units.iter().map(|u| Arg::Int(*u)));
    }
    w.args.push(Arg::Date(today));
    let today_mark = w.args.len();
    let sql = format!(
        "SELECT NULLIF(area_key, 0) AS area_id, unit_id, status, \
         CAST(SUM(n) AS BIGINT) AS n, \
         CAST(SUM(CASE WHEN due_key < ${today_mark} AND status IN ({open}) THEN n ELSE 0 END) AS BIGINT) AS overdue \
         FROM tracking_tallies{} GROUP BY area_key, unit_id, status",
        w.sql(),
        open = open_list(),
    );
    Ok(on_conn!(tx, |c| bind_args!(
        sqlx::query_as(sqlx::AssertSqlSafe(sql)),
        &w.args
    )
    .fetch_all(c)
    .await?))
}

/// How many tallies differ from a count of the tracking rows themselves
/// (0 when the triggers kept them in step), for tests.
pub async fn tally_drift(tx: &mut Tx) -> Result<i64> {
    const KEYS: &str = "COALESCE(plan_id, 0) AS plan_id, COALESCE(area_id, 0) AS area_key, \
        unit_id, status, COALESCE(due_on, '9999-12-31') AS due_key";
    let sql = format!(
        "SELECT COUNT(*) FROM (\
         SELECT * FROM (SELECT {KEYS}, COUNT(*) AS n FROM tracking \
           GROUP BY 1, 2, 3, 4, 5) c \
         WHERE NOT EXISTS (SELECT 1 FROM tracking_tallies g WHERE g.plan_id = c.plan_id \
           AND g.area_key = c.area_key AND g.unit_id = c.unit_id AND g.status = c.status \
           AND CAST(g.due_key AS TEXT) = CAST(c.due_key AS TEXT) AND g.n = c.n) \
         UNION ALL \
         SELECT g.plan_id, g.area_key, g.unit_id, g.status, g.due_key, g.n FROM tracking_tallies g \
         WHERE g.n <> (SELECT COUNT(*) FROM tracking t WHERE COALESCE(t.plan_id, 0) = g.plan_id \
           AND COALESCE(t.area_id, 0) = g.area_key AND t.unit_id = g.unit_id \
           AND t.status = g.status \
           AND CAST(COALESCE(t.due_on, '9999-12-31') AS TEXT) = CAST(g.due_key AS TEXT))) d"
    );
    Ok(on_conn!(tx, |c| sqlx::query_scalar(sqlx::AssertSqlSafe(
        sql
    ))
    .fetch_one(c)
    .await?))
}
