//! Plans, reform areas, plan items and the units assigned to tasks.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::FromRow;

use cchc_domain::plans::{
    ItemId, ItemKind, Plan, PlanId, PlanItem, PlanStatus, TaskRole, TaskUnit, ValidItem, ValidPlan,
};
use cchc_domain::units::UnitId;

use crate::db::on_conn;
use crate::filter::{Arg, Where, bind_args};
use crate::{Result, StoreError, Tx};

#[derive(Debug, Clone, PartialEq, Eq, FromRow, serde::Serialize)]
pub struct Area {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub sort_order: i64,
}

pub async fn areas(tx: &mut Tx) -> Result<Vec<Area>> {
    Ok(on_conn!(tx, |c| sqlx::query_as(
        "SELECT id, code, name, sort_order FROM reform_areas ORDER BY sort_order, id"
    )
    .fetch_all(c)
    .await?))
}

#[derive(FromRow)]
struct PlanRow {
    id: i64,
    number: String,
    title: String,
    issuing_unit_id: i64,
    issued_on: Option<NaiveDate>,
    first_year: i64,
    last_year: i64,
    legal_bases: String,
    status: String,
    version: i64,
}

impl From<PlanRow> for Plan {
    fn from(r: PlanRow) -> Plan {
        Plan {
            id: r.id,
            number: r.number,
            title: r.title,
            issuing_unit_id: r.issuing_unit_id,
            issued_on: r.issued_on,
            first_year: r.first_year as i32,
            last_year: r.last_year as i32,
            legal_bases: r
                .legal_bases
                .lines()
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
            status: PlanStatus::parse(&r.status).unwrap_or(PlanStatus::Draft),
            version: r.version,
        }
    }
}

const PLAN_COLUMNS: &str = "id, number, title, issuing_unit_id, issued_on, first_year, last_year, \
                            legal_bases, status, version";

pub async fn insert_plan(tx: &mut Tx, p: &ValidPlan, now: DateTime<Utc>) -> Result<PlanId> {
    Ok(on_conn!(tx, |c| sqlx::query_scalar(
        "INSERT INTO plans (number, title, search_folded, issuing_unit_id, issued_on, first_year, \
         last_year, legal_bases, status, version, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, $10) RETURNING id",
    )
    .bind(&p.number)
    .bind(&p.title)
    .bind(p.search_text())
    .bind(p.issuing_unit_id)
    .bind(p.issued_on)
    .bind(i64::from(p.first_year))
    .bind(i64::from(p.last_year))
    .bind(p.legal_bases.join("\n"))
    .bind(p.status.code())
    .bind(now)
    .fetch_one(c)
    .await?))
}

/// Overwrites the plan header if still at `expected_version`, else `Conflict`.
pub async fn update_plan(
    tx: &mut Tx,
    id: PlanId,
    expected_version: i64,
    p: &ValidPlan,
    now: DateTime<Utc>,
) -> Result<()> {
    let changed = on_conn!(tx, |c| sqlx::query(
        "UPDATE plans SET number = $1, title = $2, search_folded = $3, issuing_unit_id = $4, \
         issued_on = $5, first_year = $6, last_year = $7, legal_bases = $8, status = $9, \
         version = version + 1, updated_at = $10 WHERE id = $11 AND version = $12",
    )
    .bind(&p.number)
    .bind(&p.title)
    .bind(p.search_text())
    .bind(p.issuing_unit_id)
    .bind(p.issued_on)
    .bind(i64::from(p.first_year))
    .bind(i64::from(p.last_year))
    .bind(p.legal_bases.join("\n"))
    .bind(p.status.code())
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

pub async fn get_plan(tx: &mut Tx, id: PlanId) -> Result<Option<Plan>> {
    let sql = format!("SELECT {PLAN_COLUMNS} FROM plans WHERE id = $1");
    let row: Option<PlanRow> = on_conn!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(c)
        .await?);
    Ok(row.map(Plan::from))
}

/// Plans matching a folded query, newest first. `visible_units`: only plans
/// issued by one of these units or with a task assigned to one (None: all).
pub async fn list_plans(
    tx: &mut Tx,
    query_folded: &str,
    visible_units: Option<&[UnitId]>,
) -> Result<Vec<Plan>> {
    let mut w = Where::default();
    for word in query_folded.split(' ').filter(|w| !w.is_empty()) {
        w.push("search_folded LIKE", Arg::Text(format!("%{word}%")));
    }
    if let Some(units) = visible_units {
        if units.is_empty() {
            w.fixed("1 = 0");
        } else {
            // The same unit list twice: as issuer, and as assignee of a task.
            let issuers = w.marks(units.iter().map(|u| Arg::Int(*u)));
            let assignees = w.marks(units.iter().map(|u| Arg::Int(*u)));
            w.fixed(&format!(
                "(issuing_unit_id IN ({issuers}) OR id IN (SELECT i.plan_id FROM plan_items i \
                 JOIN task_units tu ON tu.item_id = i.id WHERE tu.unit_id IN ({assignees})))"
            ));
        }
    }
    let sql = format!(
        "SELECT {PLAN_COLUMNS} FROM plans{} ORDER BY first_year DESC, id DESC",
        w.sql()
    );
    let rows: Vec<PlanRow> = on_conn!(tx, |c| bind_args!(
        sqlx::query_as(sqlx::AssertSqlSafe(sql)),
        &w.args
    )
    .fetch_all(c)
    .await?);
    Ok(rows.into_iter().map(Plan::from).collect())
}

#[derive(FromRow)]
struct ItemRow {
    id: i64,
    plan_id: i64,
    parent_id: Option<i64>,
    area_id: Option<i64>,
    position: i64,
    kind: String,
    number: String,
    content: String,
    indicator: String,
    output: String,
    budget_vnd: Option<i64>,
    lead_text: String,
    cooperating_text: String,
    start_text: String,
    end_text: Option<String>,
    note: String,
    extra_json: String,
    version: i64,
    /// The task's units as "unit_id:role" joined by commas, in order.
    units: Option<String>,
}

fn to_item(r: ItemRow) -> PlanItem {
    PlanItem {
        id: r.id,
        plan_id: r.plan_id,
        parent_id: r.parent_id,
        area_id: r.area_id,
        position: r.position,
        kind: ItemKind::parse(&r.kind).unwrap_or(ItemKind::Task),
        number: r.number,
        content: r.content,
        indicator: r.indicator,
        output: r.output,
        budget_vnd: r.budget_vnd,
        lead_text: r.lead_text,
        cooperating_text: r.cooperating_text,
        start_text: r.start_text,
        end_text: r.end_text,
        note: r.note,
        extra: serde_json::from_str::<BTreeMap<String, String>>(&r.extra_json).unwrap_or_default(),
        units: r
            .units
            .as_deref()
            .unwrap_or_default()
            .split(',')
            .filter_map(|link| {
                let (unit, role) = link.split_once(':')?;
                Some(TaskUnit {
                    unit_id: unit.parse().ok()?,
                    role: TaskRole::parse(role).unwrap_or(TaskRole::Cooperating),
                })
            })
            .collect(),
        version: r.version,
    }
}

/// An item's columns and its units, read with it through the primary key of
/// `task_units` (one query for any number of items; both SQLite 3.44+ and
/// PostgreSQL know `string_agg` with `ORDER BY`).
const ITEM_COLUMNS: &str = "id, plan_id, parent_id, area_id, position, kind, number, content, \
    indicator, output, budget_vnd, lead_text, cooperating_text, start_text, end_text, note, \
    extra_json, version, (SELECT string_agg(CAST(tu.unit_id AS TEXT) || ':' || tu.role, ',' \
    ORDER BY tu.position) FROM task_units tu WHERE tu.item_id = plan_items.id) AS units";

/// Every item of a plan, ordered by (parent, position); callers build the tree.
pub async fn items(tx: &mut Tx, plan_id: PlanId) -> Result<Vec<PlanItem>> {
    items_between(tx, plan_id, 0, i64::MAX).await
}

/// The items of a plan whose positions lie in `first..=last`, in document
/// order: one top-level item and its subtree when the bounds are its
/// position and the next top-level item's position minus one.
pub async fn items_between(
    tx: &mut Tx,
    plan_id: PlanId,
    first: i64,
    last: i64,
) -> Result<Vec<PlanItem>> {
    items_in(tx, &ItemSlice::between(plan_id, first, last)).await
}

/// Which items of a plan to read: a range of positions, optionally only
/// the tasks of some units, or given ids.
#[derive(Debug, Clone)]
pub struct ItemSlice {
    pub plan_id: PlanId,
    pub first: i64,
    pub last: i64,
    /// Only items assigned (as lead or cooperating) to one of these units.
    pub units: Option<Vec<UnitId>>,
    /// Only these items.
    pub ids: Option<Vec<ItemId>>,
}

impl ItemSlice {
    pub fn between(plan_id: PlanId, first: i64, last: i64) -> ItemSlice {
        ItemSlice {
            plan_id,
            first,
            last,
            units: None,
            ids: None,
        }
    }

    fn filter(&self) -> Where {
        let mut w = Where::default();
        w.push("plan_id =", Arg::Int(self.plan_id));
        if self.first > 0 {
            w.push("position >=", Arg::Int(self.first));
        }
        if self.last < i64::MAX {
            w.push("position <=", Arg::Int(self.last));
        }
        if let Some(units) = &self.units {
            let marks = w.marks(units.iter().chain([&-1]).map(|u| Arg::Int(*u)));
            w.fixed(&format!(
                "EXISTS (SELECT 1 FROM task_units tu WHERE tu.item_id = plan_items.id \
                 AND tu.unit_id IN ({marks}))"
            ));
        }
        if let Some(ids) = &self.ids {
            w.any_of("id", ids.iter().map(|i| Arg::Int(*i)));
        }
        w
    }
}

/// Every item of `slice`, in document order.
pub async fn items_in(tx: &mut Tx, slice: &ItemSlice) -> Result<Vec<PlanItem>> {
    select_items(tx, slice, None).await
}

/// Up to `limit` items of `slice` from `offset`, in document order.
pub async fn items_page(
    tx: &mut Tx,
    slice: &ItemSlice,
    limit: i64,
    offset: i64,
) -> Result<Vec<PlanItem>> {
    select_items(tx, slice, Some((limit, offset))).await
}

/// How many items `slice` holds.
pub async fn count_slice(tx: &mut Tx, slice: &ItemSlice) -> Result<i64> {
    let w = slice.filter();
    let sql = format!("SELECT COUNT(*) FROM plan_items{}", w.sql());
    Ok(on_conn!(tx, |c| bind_args!(
        sqlx::query_scalar(sqlx::AssertSqlSafe(sql)),
        &w.args
    )
    .fetch_one(c)
    .await?))
}

async fn select_items(
    tx: &mut Tx,
    slice: &ItemSlice,
    page: Option<(i64, i64)>,
) -> Result<Vec<PlanItem>> {
    let w = slice.filter();
    let tail = match page {
        Some((limit, offset)) => format!(
            " ORDER BY position, id LIMIT {} OFFSET {}",
            limit.clamp(1, 100_000),
            offset.max(0)
        ),
        None => " ORDER BY position, id".to_string(),
    };
    let sql = format!("SELECT {ITEM_COLUMNS} FROM plan_items{}{tail}", w.sql());
    let rows: Vec<ItemRow> = on_conn!(tx, |c| bind_args!(
        sqlx::query_as(sqlx::AssertSqlSafe(sql)),
        &w.args
    )
    .fetch_all(c)
    .await?);
    Ok(rows.into_iter().map(to_item).collect())
}

/// A top-level item (usually a section) and where it starts.
#[derive(Debug, Clone, FromRow, serde::Serialize)]
pub struct TopItem {
    pub id: ItemId,
    pub position: i64,
    pub number: String,
    pub content: String,
}

/// The top-level items of a plan, in document order.
pub async fn top_items(tx: &mut Tx, plan_id: PlanId) -> Result<Vec<TopItem>> {
    Ok(on_conn!(tx, |c| sqlx::query_as(
        "SELECT id, position, number, content FROM plan_items \
         WHERE plan_id = $1 AND parent_id IS NULL ORDER BY position, id"
    )
    .bind(plan_id)
    .fetch_all(c)
    .await?))
}

/// How many items a plan has, and its budget in VND: every item's, or
/// (with `units`) that of the items assigned to one of those units. The
/// whole plan's figures come from `plan_sizes`, kept by triggers.
pub async fn plan_size(
    tx: &mut Tx,
    plan_id: PlanId,
    units: Option<&[UnitId]>,
) -> Result<(i64, i64)> {
    let stored: Option<(i64, i64)> = on_conn!(tx, |c| sqlx::query_as(
        "SELECT items, budget_vnd FROM plan_sizes WHERE plan_id = $1"
    )
    .bind(plan_id)
    .fetch_optional(c)
    .await?);
    let (items, budget) = stored.unwrap_or((0, 0));
    let Some(units) = units else {
        return Ok((items, budget));
    };
    let w = ItemSlice {
        units: Some(units.to_vec()),
        ..ItemSlice::between(plan_id, 0, i64::MAX)
    }
    .filter();
    let sql = format!(
        "SELECT CAST(COALESCE(SUM(budget_vnd), 0) AS BIGINT) FROM plan_items{}",
        w.sql()
    );
    let budget = on_conn!(tx, |c| bind_args!(
        sqlx::query_scalar(sqlx::AssertSqlSafe(sql)),
        &w.args
    )
    .fetch_one(c)
    .await?);
    Ok((items, budget))
}

/// How many plans' stored sizes differ from their items (0 when the
/// triggers kept them in step), for tests.
pub async fn plan_size_drift(tx: &mut Tx) -> Result<i64> {
    Ok(on_conn!(tx, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM plans p LEFT JOIN plan_sizes s ON s.plan_id = p.id \
         WHERE COALESCE(s.items, 0) <> (SELECT COUNT(*) FROM plan_items i WHERE i.plan_id = p.id) \
         OR COALESCE(s.budget_vnd, 0) <> (SELECT COALESCE(SUM(i.budget_vnd), 0) FROM plan_items i \
            WHERE i.plan_id = p.id)"
    )
    .fetch_one(c)
    .await?))
}

pub async fn item(tx: &mut Tx, id: ItemId) -> Result<Option<PlanItem>> {
    let sql = format!("SELECT {ITEM_COLUMNS} FROM plan_items WHERE id = $1");
    let row: Option<ItemRow> = on_conn!(tx, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(c)
        .await?);
    Ok(row.map(to_item))
}

pub async fn insert_item(
    tx: &mut Tx,
    plan_id: PlanId,
    position: i64,
    v: &ValidItem,
    now: DateTime<Utc>,
) -> Result<ItemId> {
    let extra = serde_json::to_string(&v.extra).unwrap_or_else(|_| "{}".into());
    let id: i64 = on_conn!(tx, |c| sqlx::query_scalar(
        "INSERT INTO plan_items (plan_id, parent_id, area_id, position, kind, number, content, \
         indicator, output, budget_vnd, lead_text, cooperating_text, start_text, end_text, note, \
         extra_json, search_folded, version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, \
         $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 1, $18, $18) RETURNING id",
    )
    .bind(plan_id)
    .bind(v.parent_id)
    .bind(v.area_id)
    .bind(position)
    .bind(v.kind.code())
    .bind(&v.number)
    .bind(&v.content)
    .bind(&v.indicator)
    .bind(&v.output)
    .bind(v.budget_vnd)
    .bind(&v.lead_text)
    .bind(&v.cooperating_text)
    .bind(&v.start_text)
    .bind(&v.end_text)
    .bind(&v.note)
    .bind(extra)
    .bind(v.search_text())
    .bind(now)
    .fetch_one(c)
    .await?);
    replace_units(tx, id, &v.units).await?;
    Ok(id)
}

/// Overwrites an item if still at `expected_version`, else `Conflict`.
pub async fn update_item(
    tx: &mut Tx,
    id: ItemId,
    expected_version: i64,
    v: &ValidItem,
    now: DateTime<Utc>,
) -> Result<()> {
    let extra = serde_json::to_string(&v.extra).unwrap_or_else(|_| "{}".into());
    let changed = on_conn!(tx, |c| {
        sqlx::query(
        "UPDATE plan_items SET parent_id = $1, area_id = $2, kind = $3, number = $4, content = $5, \
         indicator = $6, output = $7, budget_vnd = $8, lead_text = $9, cooperating_text = $10, \
         start_text = $11, end_text = $12, note = $13, extra_json = $14, search_folded = $15, \
         version = version + 1, updated_at = $16 WHERE id = $17 AND version = $18",
    )
    .bind(v.parent_id)
    .bind(v.area_id)
    .bind(v.kind.code())
    .bind(&v.number)
    .bind(&v.content)
    .bind(&v.indicator)
    .bind(&v.output)
    .bind(v.budget_vnd)
    .bind(&v.lead_text)
    .bind(&v.cooperating_text)
    .bind(&v.start_text)
    .bind(&v.end_text)
    .bind(&v.note)
    .bind(extra)
    .bind(v.search_text())
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
    replace_units(tx, id, &v.units).await?;
    crate::tracking::refresh_item_rows(tx, id).await
}

/// Where an item sits: parent, document position, number and area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    pub parent_id: Option<ItemId>,
    pub position: i64,
    pub number: String,
    pub area_id: Option<i64>,
}

/// Sets an item's place (moving, renumbering, area inheritance); bumps its version.
pub async fn place_item(tx: &mut Tx, id: ItemId, p: &Placement, now: DateTime<Utc>) -> Result<()> {
    on_conn!(tx, |c| sqlx::query(
        "UPDATE plan_items SET parent_id = $1, position = $2, number = $3, area_id = $4, \
         version = version + 1, updated_at = $5 WHERE id = $6",
    )
    .bind(p.parent_id)
    .bind(p.position)
    .bind(&p.number)
    .bind(p.area_id)
    .bind(now)
    .bind(id)
    .execute(c)
    .await?
    .rows_affected());
    crate::tracking::refresh_item_rows(tx, id).await
}

pub async fn delete_item(tx: &mut Tx, id: ItemId, expected_version: i64) -> Result<()> {
    let changed = on_conn!(tx, |c| sqlx::query(
        "DELETE FROM plan_items WHERE id = $1 AND version = $2"
    )
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

async fn replace_units(tx: &mut Tx, item_id: ItemId, units: &[TaskUnit]) -> Result<()> {
    on_conn!(tx, |c| {
        sqlx::query("DELETE FROM task_units WHERE item_id = $1")
            .bind(item_id)
            .execute(&mut *c)
            .await?;
        for (i, u) in units.iter().enumerate() {
            sqlx::query(
                "INSERT INTO task_units (item_id, unit_id, role, position) VALUES ($1, $2, $3, $4)",
            )
            .bind(item_id)
            .bind(u.unit_id)
            .bind(u.role.code())
            .bind(i as i64)
            .execute(&mut *c)
            .await?;
        }
    });
    Ok(())
}

/// The next free position at the end of a plan.
/// Whether an item after `position` shares the parent `parent_id`.
pub async fn has_later_sibling(
    tx: &mut Tx,
    plan_id: PlanId,
    parent_id: Option<ItemId>,
    position: i64,
) -> Result<bool> {
    let sql = match parent_id {
        Some(_) => {
            "SELECT COUNT(*) FROM plan_items WHERE plan_id = $1 AND position > $2 AND parent_id = $3"
        }
        None => {
            "SELECT COUNT(*) FROM plan_items WHERE plan_id = $1 AND position > $2 \
             AND parent_id IS NULL AND $3 IS NULL"
        }
    };
    let n: i64 = on_conn!(tx, |c| sqlx::query_scalar(sql)
        .bind(plan_id)
        .bind(position)
        .bind(parent_id)
        .fetch_one(c)
        .await?);
    Ok(n > 0)
}

pub async fn next_position(tx: &mut Tx, plan_id: PlanId) -> Result<i64> {
    let max: Option<i64> = on_conn!(tx, |c| sqlx::query_scalar(
        "SELECT MAX(position) FROM plan_items WHERE plan_id = $1"
    )
    .bind(plan_id)
    .fetch_one(c)
    .await?);
    Ok(max.map_or(1, |m| m + 1))
}

/// A document attached to a plan (the signed plan it was imported from).
pub struct NewAttachment<'a> {
    pub plan_id: PlanId,
    pub sha256: &'a str,
    pub file_name: &'a str,
    pub content_type: &'a str,
    pub size_bytes: i64,
    pub uploaded_by: Option<i64>,
    pub uploader_name: &'a str,
    pub at: DateTime<Utc>,
}

pub async fn insert_attachment(tx: &mut Tx, a: &NewAttachment<'_>) -> Result<i64> {
    Ok(on_conn!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO plan_attachments (plan_id, sha256, file_name, content_type, size_bytes, \
         uploaded_by, uploader_name, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id"
    )
    .bind(a.plan_id)
    .bind(a.sha256)
    .bind(a.file_name)
    .bind(a.content_type)
    .bind(a.size_bytes)
    .bind(a.uploaded_by)
    .bind(a.uploader_name)
    .bind(a.at)
    .fetch_one(c)
    .await?
    }))
}

#[derive(Debug, Clone, FromRow, serde::Serialize)]
pub struct Attachment {
    pub id: i64,
    pub plan_id: PlanId,
    pub sha256: String,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub uploader_name: String,
    pub uploaded_at: DateTime<Utc>,
}

pub async fn attachments(tx: &mut Tx, plan_id: PlanId) -> Result<Vec<Attachment>> {
    Ok(on_conn!(tx, |c| {
        sqlx::query_as(
        "SELECT id, plan_id, sha256, file_name, content_type, size_bytes, uploader_name, uploaded_at \
         FROM plan_attachments WHERE plan_id = $1 ORDER BY uploaded_at DESC, id DESC"
    )
    .bind(plan_id)
    .fetch_all(c)
    .await?
    }))
}
