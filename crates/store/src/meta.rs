//! Small key/value facts about the installation, e.g. whether demo data was loaded.

use crate::db::on_conn;
use crate::{Result, Tx};

pub async fn get(tx: &mut Tx, key: &str) -> Result<Option<String>> {
    Ok(on_conn!(tx, |c| sqlx::query_scalar(
        "SELECT value FROM app_meta WHERE key = $1"
    )
    .bind(key)
    .fetch_optional(c)
    .await?))
}

pub async fn set(tx: &mut Tx, key: &str, value: &str) -> Result<()> {
    on_conn!(tx, |c| {
        sqlx::query(
        "INSERT INTO app_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = $2"
    )
    .bind(key)
    .bind(value)
    .execute(c)
    .await?
    .rows_affected()
    });
    Ok(())
}
