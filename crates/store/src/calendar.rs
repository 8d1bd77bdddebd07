//! The admin-editable overrides of the working-day calendar.

use chrono::NaiveDate;
use sqlx::FromRow;

use cchc_domain::calendar::Override;

use crate::db::on_conn;
use crate::{Result, Tx};

#[derive(FromRow)]
struct OverrideRow {
    day: NaiveDate,
    kind: String,
    name: String,
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
        .map(|r| match r.kind.as_str() {
            "working_day" => Override::working_day(r.day, r.name),
            _ => Override::day_off(r.day, r.name),
        })
        .collect())
}
