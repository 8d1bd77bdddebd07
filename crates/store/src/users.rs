//! User accounts and their role grants.

use chrono::{DateTime, Utc};
use sqlx::FromRow;

use cchc_domain::roles::{Role, RoleGrant};
use cchc_domain::text;
use cchc_domain::users::{User, UserProfile};

use crate::db::on_conn;
use crate::{Result, StoreError, Tx};

#[derive(FromRow)]
struct UserRow {
    id: i64,
    username: String,
    full_name: String,
    email: Option<String>,
    unit_id: Option<i64>,
    is_active: bool,
    version: i64,
    search_folded: String,
}

#[derive(FromRow)]
struct GrantRow {
    user_id: i64,
    role: String,
    unit_id: Option<i64>,
}

fn to_user(row: UserRow, grants: &[GrantRow]) -> User {
    User {
        id: row.id,
        username: row.username,
        full_name: row.full_name,
        email: row.email,
        unit_id: row.unit_id,
        is_active: row.is_active,
        roles: grants
            .iter()
            .filter(|g| g.user_id == row.id)
            .filter_map(|g| {
                Role::parse(&g.role).map(|role| RoleGrant {
                    role,
                    unit_id: g.unit_id,
                })
            })
            .collect(),
        version: row.version,
    }
}

fn folded(username: &str, profile: &UserProfile) -> String {
    text::fold(&format!(
        "{username} {} {}",
        profile.full_name,
        profile.email.as_deref().unwrap_or("")
    ))
}

pub async fn insert(
    tx: &mut Tx,
    username: &str,
    profile: &UserProfile,
    password_hash: &str,
    now: DateTime<Utc>,
) -> Result<i64> {
    Ok(on_conn!(tx, |c| {
        sqlx::query_scalar(
        "INSERT INTO users (username, full_name, search_folded, email, unit_id, password_hash, \
         is_active, version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $8) RETURNING id",
    )
    .bind(username)
    .bind(&profile.full_name)
    .bind(folded(username, profile))
    .bind(&profile.email)
    .bind(profile.unit_id)
    .bind(password_hash)
    .bind(true)
    .bind(now)
    .fetch_one(c)
    .await?
    }))
}

/// Updates profile and active flag when the version still matches, else [`StoreError::Conflict`].
pub async fn update(
    tx: &mut Tx,
    id: i64,
    expected_version: i64,
    username: &str,
    profile: &UserProfile,
    is_active: bool,
    now: DateTime<Utc>,
) -> Result<()> {
    let changed = on_conn!(tx, |c| {
        sqlx::query(
        "UPDATE users SET full_name = $1, search_folded = $2, email = $3, unit_id = $4, is_active = $5, \
         version = version + 1, updated_at = $6 WHERE id = $7 AND version = $8",
    )
    .bind(&profile.full_name)
    .bind(folded(username, profile))
    .bind(&profile.email)
    .bind(profile.unit_id)
    .bind(is_active)
    .bind(now)
    .bind(id)
    .bind(expected_version)
    .execute(c)
    .await?
    .rows_affected()
    });
    if changed == 0 {
        Err(StoreError::Conflict)
    } else {
        Ok(())
    }
}

pub async fn set_password(
    tx: &mut Tx,
    id: i64,
    password_hash: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    on_conn!(tx, |c| sqlx::query(
        "UPDATE users SET password_hash = $1, version = version + 1, updated_at = $2 WHERE id = $3"
    )
    .bind(password_hash)
    .bind(now)
    .bind(id)
    .execute(c)
    .await?
    .rows_affected());
    Ok(())
}

pub async fn get(tx: &mut Tx, id: i64) -> Result<Option<User>> {
    let sql = "SELECT id, username, full_name, email, unit_id, is_active, version, search_folded FROM users WHERE id = $1";
    let (row, grants) = on_conn!(tx, |c| {
        let row: Option<UserRow> = sqlx::query_as(sql).bind(id).fetch_optional(&mut *c).await?;
        let grants: Vec<GrantRow> = sqlx::query_as(
            "SELECT user_id, role, unit_id FROM role_grants WHERE user_id = $1 ORDER BY id",
        )
        .bind(id)
        .fetch_all(&mut *c)
        .await?;
        (row, grants)
    });
    Ok(row.map(|r| to_user(r, &grants)))
}

/// The user and the stored password hash, for login.
pub async fn credentials(tx: &mut Tx, username: &str) -> Result<Option<(i64, String, bool)>> {
    Ok(on_conn!(tx, |c| sqlx::query_as(
        "SELECT id, password_hash, is_active FROM users WHERE username = $1"
    )
    .bind(username)
    .fetch_optional(c)
    .await?))
}

pub async fn id_by_username(tx: &mut Tx, username: &str) -> Result<Option<i64>> {
    Ok(on_conn!(tx, |c| sqlx::query_scalar(
        "SELECT id FROM users WHERE username = $1"
    )
    .bind(username)
    .fetch_optional(c)
    .await?))
}

/// Users whose name, username or email contains every word of `query`
/// (diacritics ignored), ordered by name. Scope filtering is the caller's job.
pub async fn search(tx: &mut Tx, query: &str) -> Result<Vec<User>> {
    let (rows, grants) = on_conn!(tx, |c| {
        let rows: Vec<UserRow> = sqlx::query_as(
            "SELECT id, username, full_name, email, unit_id, is_active, version, search_folded \
             FROM users ORDER BY full_name, id",
        )
        .fetch_all(&mut *c)
        .await?;
        let grants: Vec<GrantRow> =
            sqlx::query_as("SELECT user_id, role, unit_id FROM role_grants ORDER BY id")
                .fetch_all(&mut *c)
                .await?;
        (rows, grants)
    });
    Ok(rows
        .into_iter()
        .filter(|r| text::matches_folded(&r.search_folded, query))
        .map(|r| to_user(r, &grants))
        .collect())
}

pub async fn replace_grants(
    tx: &mut Tx,
    user_id: i64,
    grants: &[RoleGrant],
    now: DateTime<Utc>,
) -> Result<()> {
    on_conn!(tx, |c| {
        sqlx::query("DELETE FROM role_grants WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *c)
            .await?;
        for g in grants {
            sqlx::query("INSERT INTO role_grants (user_id, role, unit_id, created_at) VALUES ($1, $2, $3, $4)")
                .bind(user_id)
                .bind(g.role.code())
                .bind(g.unit_id)
                .bind(now)
                .execute(&mut *c)
                .await?;
        }
    });
    Ok(())
}

pub async fn count(tx: &mut Tx) -> Result<i64> {
    Ok(on_conn!(tx, |c| sqlx::query_scalar(
        "SELECT COUNT(*) FROM users"
    )
    .fetch_one(c)
    .await?))
}
