//! Figures of a window computed from tracked work (by reform area), and the
//! hand corrections of a unit's (or the department's) figures in a round.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::FromRow;

use cchc_domain::reports::{FigureData, ManualFigure, RoundId, Window, WorkFigures};
use cchc_domain::tracking::Status;
use cchc_domain::units::UnitId;

use crate::db::on_conn;
use crate::filter::{Arg, Where, bind_args};
use crate::work::{self, GroupBy, WorkFilter};
use crate::{Result, Tx, plans};

#[derive(FromRow)]
struct AreaSum {
    area_id: Option<i64>,
    n: i64,
}

/// `o.due_on` in the window and, when given, `t.unit_id` among `units`.
fn where_due(units: Option<&[UnitId]>, window: &Window) -> Where {
    let mut w = Where::default();
    w.push("o.due_on >=", Arg::Date(window.start));
    w.push("o.due_on <=", Arg::Date(window.end));
    if let Some(units) = units {
        w.any_of("t.unit_id", units.iter().map(|u| Arg::Int(*u)));
    }
    w
}

/// The figures of an area (by id), or of the work without an area.
fn slot<'a>(
    data: &'a mut FigureData,
    codes: &HashMap<i64, String>,
    area: Option<i64>,
) -> &'a mut WorkFigures {
    match area.and_then(|a| codes.get(&a)) {
        Some(code) => data.by_area.entry(code.clone()).or_default(),
        None => &mut data.no_area,
    }
}

async fn area_sums(tx: &mut Tx, sql: String, w: &Where) -> Result<Vec<AreaSum>> {
    Ok(on_conn!(tx, |c| bind_args!(
        sqlx::query_as(sqlx::AssertSqlSafe(sql)),
        &w.args
    )
    .fetch_all(c)
    .await?))
}

/// Counts over the tracking rows of `units` (None: every unit) due in
/// `window`, by reform area; `today` decides which open rows are overdue.
/// Budget counts each task once, for its lead unit.
pub async fn work_figures(
    tx: &mut Tx,
    units: Option<&[UnitId]>,
    window: &Window,
    today: NaiveDate,
) -> Result<FigureData> {
    let codes: HashMap<i64, String> = plans::areas(tx)
        .await?
        .into_iter()
        .map(|a| (a.id, a.code))
        .collect();
    let mut data = FigureData::default();
    let filter = WorkFilter {
        units: units.map(<[UnitId]>::to_vec),
        due_from: Some(window.start),
        due_until: Some(window.end),
        ..Default::default()
    };
    for c in work::counts(tx, &filter, GroupBy::Area, today).await? {
        let f = slot(&mut data, &codes, c.key_id);
        f.due += c.n;
        f.overdue += c.overdue;
        match Status::parse(&c.status) {
            Some(Status::Done) => {
                f.done += c.n;
                f.on_time += c.n;
            }
            Some(Status::DoneLate) => f.done += c.n,
            Some(Status::NotDone) => f.not_done += c.n,
            _ => {}
        }
    }
    let mut w = where_due(units, window);
    w.fixed("t.role = 'lead'");
    let budget_sql = format!(
        "SELECT i.area_id AS area_id, CAST(COALESCE(SUM(i.budget_vnd), 0) AS BIGINT) AS n \
         FROM plan_items i WHERE i.budget_vnd IS NOT NULL AND i.id IN (SELECT o.item_id \
         FROM occurrences o JOIN tracking t ON t.occurrence_id = o.id{}) GROUP BY i.area_id",
        w.sql()
    );
    for s in area_sums(tx, budget_sql, &w).await? {
        slot(&mut data, &codes, s.area_id).budget_vnd += s.n;
    }
    let mut w = where_due(units, window);
    w.fixed("e.removed_at IS NULL");
    let evidence_sql = format!(
        "SELECT i.area_id AS area_id, COUNT(*) AS n FROM evidence e \
         JOIN tracking t ON t.id = e.tracking_id JOIN occurrences o ON o.id = t.occurrence_id \
         JOIN plan_items i ON i.id = o.item_id{} GROUP BY i.area_id",
        w.sql()
    );
    for s in area_sums(tx, evidence_sql, &w).await? {
        slot(&mut data, &codes, s.area_id).evidence_files += s.n;
    }
    Ok(data)
}

#[derive(FromRow)]
struct OverrideRow {
    field_key: String,
    value: i64,
    note: String,
    set_by: Option<i64>,
    set_by_name: String,
    set_at: DateTime<Utc>,
}

/// The corrections of `unit`'s figures in a round, by field key.
pub async fn overrides(
    tx: &mut Tx,
    round_id: RoundId,
    unit_id: UnitId,
) -> Result<BTreeMap<String, ManualFigure>> {
    let rows: Vec<OverrideRow> = on_conn!(tx, |c| {
        sqlx::query_as(
        "SELECT field_key, value, note, set_by, set_by_name, set_at FROM report_figure_overrides \
         WHERE round_id = $1 AND unit_id = $2"
    )
    .bind(round_id)
    .bind(unit_id)
    .fetch_all(c)
    .await?
    });
    Ok(rows
        .into_iter()
        .map(|r| {
            let manual = ManualFigure {
                value: r.value,
                note: r.note,
                by_user_id: r.set_by,
                by_name: r.set_by_name,
                at: r.set_at,
            };
            (r.field_key, manual)
        })
        .collect())
}

/// Sets (or replaces) the correction of one figure.
pub async fn set_override(
    tx: &mut Tx,
    round_id: RoundId,
    unit_id: UnitId,
    field_key: &str,
    figure: &ManualFigure,
) -> Result<()> {
    on_conn!(tx, |c| sqlx::query(
        "INSERT INTO report_figure_overrides (round_id, unit_id, field_key, value, note, set_by, \
         set_by_name, set_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (round_id, unit_id, field_key) DO UPDATE SET value = excluded.value, \
         note = excluded.note, set_by = excluded.set_by, set_by_name = excluded.set_by_name, \
         set_at = excluded.set_at"
    )
    .bind(round_id)
    .bind(unit_id)
    .bind(field_key)
    .bind(figure.value)
    .bind(&figure.note)
    .bind(figure.by_user_id)
    .bind(&figure.by_name)
    .bind(figure.at)
    .execute(c)
    .await?
    .rows_affected());
    Ok(())
}

/// Removes the correction of one figure; false when there was none.
pub async fn delete_override(
    tx: &mut Tx,
    round_id: RoundId,
    unit_id: UnitId,
    field_key: &str,
) -> Result<bool> {
    let removed = on_conn!(tx, |c| sqlx::query(
        "DELETE FROM report_figure_overrides WHERE round_id = $1 AND unit_id = $2 \
         AND field_key = $3"
    )
    .bind(round_id)
    .bind(unit_id)
    .bind(field_key)
    .execute(c)
    .await?
    .rows_affected());
    Ok(removed > 0)
}
