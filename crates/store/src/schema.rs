//! Introspection of the live schema, so a test can check that the SQLite and
//! PostgreSQL migrations define the same tables and columns.

use std::collections::BTreeMap;

use crate::db::on_conn;
use crate::{Result, Tx};

/// Table name -> sorted column names, without the migration bookkeeping table.
pub async fn tables_and_columns(tx: &mut Tx) -> Result<BTreeMap<String, Vec<String>>> {
    let pairs: Vec<(String, String)> = match tx {
        Tx::Sqlite(_) => on_conn!(tx, |c| sqlx::query_as(
            "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx_%'",
        )
        .fetch_all(c)
        .await?),
        Tx::Postgres(_) => on_conn!(tx, |c| sqlx::query_as(
            "SELECT table_name::text, column_name::text FROM information_schema.columns \
             WHERE table_schema = current_schema() AND table_name NOT LIKE '\\_sqlx\\_%'",
        )
        .fetch_all(c)
        .await?),
    };
    let mut tables: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (table, column) in pairs {
        tables.entry(table).or_default().push(column);
    }
    tables.values_mut().for_each(|cols| cols.sort());
    Ok(tables)
}
