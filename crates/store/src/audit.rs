//! The audit log: one row per change, with the state before and after as JSON.

use chrono::{DateTime, Utc};
use sqlx::FromRow;
use sqlx::types::Json;

use cchc_domain::audit::AuditEntry;

use crate::db::on_conn;
use crate::filter::{Arg, Where, bind_args};
use crate::{Result, Tx};

pub struct NewAuditEntry<'a> {
    pub at: DateTime<Utc>,
    pub actor_user_id: Option<i64>,
    pub actor_name: &'a str,
    pub action: &'a str,
    pub entity_type: &'a str,
    pub entity_id: String,
    pub summary: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub ip: Option<&'a str>,
}

pub async fn insert(tx: &mut Tx, e: NewAuditEntry<'_>) -> Result<()> {
    on_conn!(tx, |c| {
        sqlx::query(
        "INSERT INTO audit_log (at, actor_user_id, actor_name, action, entity_type, entity_id, summary, \
         before_json, after_json, ip) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(e.at)
    .bind(e.actor_user_id)
    .bind(e.actor_name)
    .bind(e.action)
    .bind(e.entity_type)
    .bind(&e.entity_id)
    .bind(&e.summary)
    .bind(e.before.as_ref().map(Json))
    .bind(e.after.as_ref().map(Json))
    .bind(e.ip)
    .execute(c)
    .await?
    .rows_affected()
    });
    Ok(())
}

#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub entity_type: Option<String>,
    pub entity_id: Option<String>,
    pub action: Option<String>,
    pub actor_user_id: Option<i64>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

/// The WHERE clause (built from fixed fragments only) and its arguments.
fn where_clause(f: &AuditFilter) -> Where {
    let mut w = Where::default();
    if let Some(v) = &f.entity_type {
        w.push("entity_type =", Arg::Text(v.clone()));
    }
    if let Some(v) = &f.entity_id {
        w.push("entity_id =", Arg::Text(v.clone()));
    }
    if let Some(v) = &f.action {
        w.push("action =", Arg::Text(v.clone()));
    }
    if let Some(v) = f.actor_user_id {
        w.push("actor_user_id =", Arg::Int(v));
    }
    if let Some(v) = f.from {
        w.push("at >=", Arg::Time(v));
    }
    if let Some(v) = f.to {
        w.push("at <", Arg::Time(v));
    }
    w
}

#[derive(FromRow)]
struct Row {
    id: i64,
    at: DateTime<Utc>,
    actor_user_id: Option<i64>,
    actor_name: String,
    action: String,
    entity_type: String,
    entity_id: String,
    summary: String,
    before_json: Option<Json<serde_json::Value>>,
    after_json: Option<Json<serde_json::Value>>,
    ip: Option<String>,
}

/// One page of entries matching `filter`, newest first, and the total count.
pub async fn list(
    tx: &mut Tx,
    filter: &AuditFilter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<AuditEntry>, i64)> {
    let w = where_clause(filter);
    let clause = w.sql();
    let page_sql = format!(
        "SELECT id, at, actor_user_id, actor_name, action, entity_type, entity_id, summary, before_json, \
         after_json, ip FROM audit_log{clause} ORDER BY at DESC, id DESC LIMIT {limit} OFFSET {offset}",
        limit = limit.clamp(1, 1000),
        offset = offset.max(0)
    );
    let count_sql = format!("SELECT COUNT(*) FROM audit_log{clause}");
    let (rows, total) = on_conn!(tx, |c| {
        let q = bind_args!(
            sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(page_sql)),
            &w.args
        );
        let n = bind_args!(
            sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(count_sql)),
            &w.args
        );
        (q.fetch_all(&mut *c).await?, n.fetch_one(&mut *c).await?)
    });
    let entries = rows
        .into_iter()
        .map(|r| AuditEntry {
            id: r.id,
            at: r.at,
            actor_user_id: r.actor_user_id,
            actor_name: r.actor_name,
            action: r.action,
            entity_type: r.entity_type,
            entity_id: r.entity_id,
            summary: r.summary,
            before: r.before_json.map(|j| j.0),
            after: r.after_json.map(|j| j.0),
            ip: r.ip,
        })
        .collect();
    Ok((entries, total))
}
