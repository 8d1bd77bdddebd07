//! Tasks with due dates, written with plain SQL so calendar tests have work
//! to show before the plan use cases exist to create it.

use chrono::NaiveDate;

use cchc_app::App;
use cchc_domain::units::UnitId;
use cchc_store::Tx;

/// Ids of a task created by [`task`].
pub struct DueTask {
    pub plan_id: i64,
    pub item_id: i64,
}

/// Runs `$body` with `$conn` bound to the connection of either backend.
macro_rules! on_tx {
    ($tx:expr, |$conn:ident| $body:expr) => {
        match $tx {
            Tx::Sqlite(t) => {
                let $conn = &mut **t;
                $body
            }
            Tx::Postgres(t) => {
                let $conn = &mut **t;
                $body
            }
        }
    };
}

/// A plan issued by `units[0]` with one task numbered `number`, one
/// occurrence due on `due_on` and a tracking row for each of `units`.
pub async fn task(
    app: &App,
    units: &[UnitId],
    due_on: NaiveDate,
    number: &str,
    content: &str,
) -> DueTask {
    let now = app.now();
    let mut tx = app.db().write().await.expect("write transaction");
    let plan_id: i64 = on_tx!(&mut tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO plans (number, title, search_folded, issuing_unit_id, first_year, last_year, \
         created_at, updated_at) VALUES ('01/KH-TEST', 'Kế hoạch CCHC năm 2026', 'ke hoach', $1, \
         2026, 2026, $2, $2) RETURNING id"
    )
    .bind(units[0])
    .bind(now)
    .fetch_one(c)
    .await
    .expect("insert plan")
    });
    let item_id: i64 = on_tx!(&mut tx, |c| sqlx::query_scalar(
        "INSERT INTO plan_items (plan_id, position, kind, number, content, search_folded, \
         created_at, updated_at) VALUES ($1, 1, 'task', $2, $3, '', $4, $4) RETURNING id"
    )
    .bind(plan_id)
    .bind(number)
    .bind(content)
    .bind(now)
    .fetch_one(c)
    .await
    .expect("insert plan item"));
    let occurrence_id: i64 = on_tx!(&mut tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO occurrences (plan_id, item_id, seq, label, due_on, created_at, updated_at) \
         VALUES ($1, $2, 1, 'Lần 1', $3, $4, $4) RETURNING id"
    )
    .bind(plan_id)
    .bind(item_id)
    .bind(due_on)
    .bind(now)
    .fetch_one(c)
    .await
    .expect("insert occurrence")
    });
    for unit in units {
        on_tx!(&mut tx, |c| sqlx::query(
            "INSERT INTO tracking (occurrence_id, unit_id, role, created_at, updated_at) \
             VALUES ($1, $2, 'lead', $3, $3)"
        )
        .bind(occurrence_id)
        .bind(unit)
        .bind(now)
        .execute(c)
        .await
        .expect("insert tracking")
        .rows_affected());
    }
    tx.commit().await.expect("commit");
    DueTask { plan_id, item_id }
}
