//! Browser sessions, API tokens and login attempts. Only SHA-256 hashes of
//! tokens are stored, so a copy of the database cannot be used to log in.

use chrono::{DateTime, Utc};

use crate::db::on_conn;
use crate::{Result, Tx};

pub struct NewSession<'a> {
    pub token_hash: &'a str,
    pub user_id: i64,
    pub now: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub ip: Option<&'a str>,
    pub user_agent: Option<&'a str>,
}

pub async fn create_session(tx: &mut Tx, s: &NewSession<'_>) -> Result<()> {
    on_conn!(tx, |c| {
        sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at, ip, user_agent) \
         VALUES ($1, $2, $3, $3, $4, $5, $6)",
    )
    .bind(s.token_hash)
    .bind(s.user_id)
    .bind(s.now)
    .bind(s.expires_at)
    .bind(s.ip)
    .bind(s.user_agent)
    .execute(c)
    .await?
    .rows_affected()
    });
    Ok(())
}

/// The user and last use of a session that exists, has not passed its
/// absolute expiry and was used after `idle_since`. Reads only, so that
/// requests do not queue for the write lock; see [`touch_session`].
pub async fn live_session(
    tx: &mut Tx,
    token_hash: &str,
    now: DateTime<Utc>,
    idle_since: DateTime<Utc>,
) -> Result<Option<(i64, DateTime<Utc>)>> {
    Ok(on_conn!(tx, |c| sqlx::query_as(
        "SELECT user_id, last_seen_at FROM sessions \
         WHERE token_hash = $1 AND expires_at > $2 AND last_seen_at > $3",
    )
    .bind(token_hash)
    .bind(now)
    .bind(idle_since)
    .fetch_optional(c)
    .await?))
}

/// The session's user when it exists, has not passed its absolute expiry and
/// was used after `idle_since`; its last use is then moved to `now`.
pub async fn touch_session(
    tx: &mut Tx,
    token_hash: &str,
    now: DateTime<Utc>,
    idle_since: DateTime<Utc>,
) -> Result<Option<i64>> {
    Ok(on_conn!(tx, |c| sqlx::query_scalar(
        "UPDATE sessions SET last_seen_at = $1 \
         WHERE token_hash = $2 AND expires_at > $1 AND last_seen_at > $3 RETURNING user_id",
    )
    .bind(now)
    .bind(token_hash)
    .bind(idle_since)
    .fetch_optional(c)
    .await?))
}

pub async fn delete_session(tx: &mut Tx, token_hash: &str) -> Result<Option<i64>> {
    Ok(on_conn!(tx, |c| sqlx::query_scalar(
        "DELETE FROM sessions WHERE token_hash = $1 RETURNING user_id"
    )
    .bind(token_hash)
    .fetch_optional(c)
    .await?))
}

/// Ends every session of a user, e.g. after a password change or deactivation.
pub async fn delete_user_sessions(tx: &mut Tx, user_id: i64) -> Result<u64> {
    Ok(on_conn!(tx, |c| sqlx::query(
        "DELETE FROM sessions WHERE user_id = $1"
    )
    .bind(user_id)
    .execute(c)
    .await?
    .rows_affected()))
}

pub async fn purge_expired_sessions(
    tx: &mut Tx,
    now: DateTime<Utc>,
    idle_since: DateTime<Utc>,
) -> Result<u64> {
    Ok(on_conn!(tx, |c| sqlx::query(
        "DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2"
    )
    .bind(now)
    .bind(idle_since)
    .execute(c)
    .await?
    .rows_affected()))
}

pub async fn create_api_token(
    tx: &mut Tx,
    token_hash: &str,
    user_id: i64,
    name: &str,
    now: DateTime<Utc>,
    expires_at: Option<DateTime<Utc>>,
) -> Result<i64> {
    Ok(on_conn!(tx, |c| sqlx::query_scalar(
        "INSERT INTO api_tokens (token_hash, user_id, name, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(name)
    .bind(now)
    .bind(expires_at)
    .fetch_one(c)
    .await?))
}

/// The user and last use of a token that is neither revoked nor expired.
pub async fn live_api_token(
    tx: &mut Tx,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<(i64, Option<DateTime<Utc>>)>> {
    Ok(on_conn!(tx, |c| sqlx::query_as(
        "SELECT user_id, last_used_at FROM api_tokens WHERE token_hash = $1 \
         AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2)",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(c)
    .await?))
}

/// The token's user when it is neither revoked nor expired; records its use.
pub async fn use_api_token(
    tx: &mut Tx,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<i64>> {
    Ok(on_conn!(tx, |c| sqlx::query_scalar(
        "UPDATE api_tokens SET last_used_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL \
         AND (expires_at IS NULL OR expires_at > $1) RETURNING user_id",
    )
    .bind(now)
    .bind(token_hash)
    .fetch_optional(c)
    .await?))
}

pub async fn revoke_api_token(
    tx: &mut Tx,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<i64>> {
    Ok(on_conn!(tx, |c| {
        sqlx::query_scalar(
        "UPDATE api_tokens SET revoked_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL RETURNING user_id",
    )
    .bind(now)
    .bind(token_hash)
    .fetch_optional(c)
    .await?
    }))
}

pub async fn record_login_attempt(
    tx: &mut Tx,
    username: &str,
    ip: &str,
    now: DateTime<Utc>,
    succeeded: bool,
) -> Result<()> {
    on_conn!(tx, |c| sqlx::query(
        "INSERT INTO login_attempts (username, ip, attempted_at, succeeded) VALUES ($1, $2, $3, $4)"
    )
    .bind(username)
    .bind(ip)
    .bind(now)
    .bind(succeeded)
    .execute(c)
    .await?
    .rows_affected());
    Ok(())
}

/// Failed attempts since `since` for the account and for the address, each
/// counted only after that key's last successful login.
pub async fn recent_failures(
    tx: &mut Tx,
    username: &str,
    ip: &str,
    since: DateTime<Utc>,
) -> Result<(i64, i64)> {
    on_conn!(tx, |c| {
        let by_user: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM login_attempts WHERE username = $1 AND succeeded = $2 AND attempted_at > $3 \
             AND attempted_at > COALESCE((SELECT MAX(attempted_at) FROM login_attempts \
                                          WHERE username = $1 AND succeeded = $4), $3)",
        )
        .bind(username)
        .bind(false)
        .bind(since)
        .bind(true)
        .fetch_one(&mut *c)
        .await?;
        let by_ip: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM login_attempts WHERE ip = $1 AND succeeded = $2 AND attempted_at > $3",
        )
        .bind(ip)
        .bind(false)
        .bind(since)
        .fetch_one(&mut *c)
        .await?;
        Ok((by_user, by_ip))
    })
}

pub async fn purge_login_attempts(tx: &mut Tx, before: DateTime<Utc>) -> Result<u64> {
    Ok(on_conn!(tx, |c| sqlx::query(
        "DELETE FROM login_attempts WHERE attempted_at < $1"
    )
    .bind(before)
    .execute(c)
    .await?
    .rows_affected()))
}
