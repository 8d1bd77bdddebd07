//! Organisation units and their aliases.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::FromRow;

use cchc_domain::units::{self, Unit, UnitDraft, UnitId, UnitKind};

use crate::db::on_conn;
use crate::{Result, StoreError, Tx};

#[derive(FromRow)]
struct UnitRow {
    id: i64,
    code: String,
    name: String,
    short_name: Option<String>,
    kind: String,
    parent_id: Option<i64>,
    valid_from: NaiveDate,
    valid_to: Option<NaiveDate>,
    version: i64,
}

#[derive(FromRow)]
struct AliasRow {
    unit_id: i64,
    alias: String,
}

fn to_unit(row: UnitRow, aliases: &[AliasRow]) -> Unit {
    Unit {
        id: row.id,
        code: row.code,
        name: row.name,
        short_name: row.short_name,
        aliases: aliases
            .iter()
            .filter(|a| a.unit_id == row.id)
            .map(|a| a.alias.clone())
            .collect(),
        kind: UnitKind::parse(&row.kind).unwrap_or(UnitKind::Other),
        parent_id: row.parent_id,
        valid_from: row.valid_from,
        valid_to: row.valid_to,
        version: row.version,
    }
}

/// Every unit, open or closed, in tree order (parents before children, then sort order and name).
pub async fn list(tx: &mut Tx) -> Result<Vec<Unit>> {
    let (rows, aliases) = on_conn!(tx, |c| {
        let rows: Vec<UnitRow> = sqlx::query_as(
            "SELECT id, code, name, short_name, kind, parent_id, valid_from, valid_to, version \
             FROM org_units ORDER BY sort_order, name, id",
        )
        .fetch_all(&mut *c)
        .await?;
        let aliases: Vec<AliasRow> =
            sqlx::query_as("SELECT unit_id, alias FROM unit_aliases ORDER BY id")
                .fetch_all(&mut *c)
                .await?;
        (rows, aliases)
    });
    Ok(rows.into_iter().map(|r| to_unit(r, &aliases)).collect())
}

pub async fn get(tx: &mut Tx, id: UnitId) -> Result<Option<Unit>> {
    let sql = "SELECT id, code, name, short_name, kind, parent_id, valid_from, valid_to, version \
               FROM org_units WHERE id = $1";
    let (row, aliases) = on_conn!(tx, |c| {
        let row: Option<UnitRow> = sqlx::query_as(sql).bind(id).fetch_optional(&mut *c).await?;
        let aliases: Vec<AliasRow> = sqlx::query_as(
            "SELECT unit_id, alias FROM unit_aliases WHERE unit_id = $1 ORDER BY id",
        )
        .bind(id)
        .fetch_all(&mut *c)
        .await?;
        (row, aliases)
    });
    Ok(row.map(|r| to_unit(r, &aliases)))
}

pub async fn id_by_code(tx: &mut Tx, code: &str) -> Result<Option<UnitId>> {
    Ok(on_conn!(tx, |c| sqlx::query_scalar(
        "SELECT id FROM org_units WHERE code = $1"
    )
    .bind(code)
    .fetch_optional(c)
    .await?))
}

/// (id, parent_id) of every unit, for subtree and cycle checks.
pub async fn links(tx: &mut Tx) -> Result<Vec<(UnitId, Option<UnitId>)>> {
    Ok(on_conn!(tx, |c| sqlx::query_as(
        "SELECT id, parent_id FROM org_units"
    )
    .fetch_all(c)
    .await?))
}

pub async fn insert(
    tx: &mut Tx,
    draft: &UnitDraft,
    kind: UnitKind,
    now: DateTime<Utc>,
) -> Result<UnitId> {
    let folded = units::search_text(
        &draft.code,
        &draft.name,
        draft.short_name.as_deref(),
        &draft.aliases,
    );
    let id: i64 = on_conn!(tx, |c| sqlx::query_scalar(
        "INSERT INTO org_units (code, name, short_name, kind, parent_id, valid_from, valid_to, \
         search_folded, version, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $9) RETURNING id",
    )
    .bind(&draft.code)
    .bind(&draft.name)
    .bind(&draft.short_name)
    .bind(kind.code())
    .bind(draft.parent_id)
    .bind(draft.valid_from)
    .bind(draft.valid_to)
    .bind(folded)
    .bind(now)
    .fetch_one(c)
    .await?);
    replace_aliases(tx, id, &draft.aliases, now).await?;
    Ok(id)
}

/// Overwrites the unit when its version is still `expected_version`;
/// otherwise [`StoreError::Conflict`] and nothing changes.
pub async fn update(
    tx: &mut Tx,
    id: UnitId,
    expected_version: i64,
    draft: &UnitDraft,
    kind: UnitKind,
    now: DateTime<Utc>,
) -> Result<()> {
    let folded = units::search_text(
        &draft.code,
        &draft.name,
        draft.short_name.as_deref(),
        &draft.aliases,
    );
    let changed = on_conn!(tx, |c| {
        sqlx::query(
        "UPDATE org_units SET code = $1, name = $2, short_name = $3, kind = $4, parent_id = $5, \
         valid_from = $6, valid_to = $7, search_folded = $8, version = version + 1, updated_at = $9 \
         WHERE id = $10 AND version = $11",
    )
    .bind(&draft.code)
    .bind(&draft.name)
    .bind(&draft.short_name)
    .bind(kind.code())
    .bind(draft.parent_id)
    .bind(draft.valid_from)
    .bind(draft.valid_to)
    .bind(folded)
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
    replace_aliases(tx, id, &draft.aliases, now).await
}

async fn replace_aliases(
    tx: &mut Tx,
    id: UnitId,
    aliases: &[String],
    now: DateTime<Utc>,
) -> Result<()> {
    on_conn!(tx, |c| {
        sqlx::query("DELETE FROM unit_aliases WHERE unit_id = $1")
            .bind(id)
            .execute(&mut *c)
            .await?;
        for alias in aliases {
            sqlx::query("INSERT INTO unit_aliases (unit_id, alias, alias_folded, created_at) VALUES ($1, $2, $3, $4)")
                .bind(id)
                .bind(alias)
                .bind(cchc_domain::text::fold(alias))
                .bind(now)
                .execute(&mut *c)
                .await?;
        }
    });
    Ok(())
}

/// Adds an alias to a unit unless it has it already (compared folded).
pub async fn add_alias(tx: &mut Tx, id: UnitId, alias: &str, now: DateTime<Utc>) -> Result<()> {
    on_conn!(tx, |c| {
        sqlx::query(
        "INSERT INTO unit_aliases (unit_id, alias, alias_folded, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (unit_id, alias_folded) DO NOTHING"
    )
    .bind(id)
    .bind(alias)
    .bind(cchc_domain::text::fold(alias))
    .bind(now)
    .execute(c)
    .await?
    .rows_affected()
    });
    Ok(())
}

pub async fn count(tx: &mut Tx) -> Result<i64> {
    Ok(on_conn!(tx, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM org_units"
    )
    .fetch_one(c)
    .await?))
}
