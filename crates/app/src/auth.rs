//! Login, sessions, API tokens and password hashing (argon2id). Tokens are
//! random 256-bit values; only their SHA-256 hashes reach the database.

use std::collections::BTreeSet;

use argon2::{Algorithm, Argon2, Params, PasswordHasher, PasswordVerifier, Version};
use base64::Engine;
use sha2::{Digest, Sha256};

use cchc_domain::actor::{Actor, Scope, ScopedRole};
use cchc_domain::roles::Role;
use cchc_domain::units::subtree_ids;
use cchc_domain::users::normalise_username;
use cchc_store::audit::{self as audit_store, NewAuditEntry};
use cchc_store::{Tx, sessions, units, users};

use crate::{App, AppError, Result};

/// A user id of 0 marks work done from the command line, not by a person logged in.
pub const SYSTEM_USER_ID: i64 = 0;

/// How stale a session's or token's recorded last use may get before a
/// request writes it again.
pub const TOUCH_EVERY: chrono::Duration = chrono::Duration::minutes(1);

/// The actor for `cchc` shell commands run by the server's operator.
pub fn system_actor() -> Actor {
    Actor {
        user_id: SYSTEM_USER_ID,
        username: "he-thong".into(),
        full_name: "Hệ thống (dòng lệnh)".into(),
        unit_id: None,
        roles: vec![ScopedRole {
            role: Role::Admin,
            unit_id: None,
            scope: Scope::All,
        }],
        ip: None,
    }
}

/// The actor for `cchc` shell commands that do a coordinator's work, such
/// as generating a round's report (`cchc report export`): the system user
/// as coordinator of the whole organisation. Meant for commands that only
/// read, and `cchc plan import`, which writes a plan as the coordinator would.
pub fn system_coordinator() -> Actor {
    Actor {
        roles: vec![ScopedRole {
            role: Role::Coordinator,
            unit_id: None,
            scope: Scope::All,
        }],
        ..system_actor()
    }
}

pub fn hash_token(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Lowercase hexadecimal of `bytes` (token hashes, file digests, message ids).
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl App {
    fn argon2(&self) -> Argon2<'static> {
        let params = Params::new(
            self.auth.argon2_memory_kib,
            self.auth.argon2_iterations,
            1,
            None,
        )
        .unwrap_or_default();
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
    }

    pub(crate) fn hash_password(&self, password: &str) -> Result<String> {
        let mut salt = [0u8; 16];
        self.random.fill(&mut salt);
        self.argon2()
            .hash_password_with_salt(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|_| AppError::validation("password", "Không thể mã hóa mật khẩu này."))
    }

    pub(crate) fn password_matches(&self, password: &str, hash: &str) -> bool {
        self.argon2()
            .verify_password(password.as_bytes(), hash)
            .is_ok()
    }

    pub(crate) fn new_token(&self) -> String {
        let mut bytes = [0u8; 32];
        self.random.fill(&mut bytes);
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    }

    /// Checks the password with throttling per account and per address, and
    /// records the attempt. Returns the user id.
    async fn check_credentials(
        &self,
        tx: &mut Tx,
        username: &str,
        password: &str,
        ip: &str,
    ) -> Result<i64> {
        let username = normalise_username(username);
        let now = self.now();
        let since = now - self.auth.throttle_window;
        let (by_user, by_ip) = sessions::recent_failures(tx, &username, ip, since).await?;
        if by_user >= self.auth.max_failures_per_account
            || by_ip >= self.auth.max_failures_per_address
        {
            return Err(AppError::TooManyAttempts {
                minutes: self.auth.throttle_window.num_minutes(),
            });
        }
        let found = users::credentials(tx, &username).await?;
        // Verify against a fixed hash when the user is unknown so timing does not reveal which usernames exist.
        let dummy = self
            .dummy_hash
            .get_or_init(|| self.hash_password("không-có-tài-khoản").unwrap_or_default());
        let hash = found
            .as_ref()
            .map_or(dummy.as_str(), |(_, hash, _)| hash.as_str());
        let ok = self.password_matches(password, hash);
        let user = found
            .filter(|(_, _, active)| *active && ok)
            .map(|(id, _, _)| id);
        sessions::record_login_attempt(tx, &username, ip, now, user.is_some()).await?;
        if user.is_none() {
            audit_store::insert(
                tx,
                NewAuditEntry {
                    at: now,
                    actor_user_id: None,
                    actor_name: &username,
                    action: "login_failed",
                    entity_type: "user",
                    entity_id: username.clone(),
                    summary: "Đăng nhập không thành công".into(),
                    before: None,
                    after: None,
                    ip: Some(ip),
                },
            )
            .await?;
        }
        user.ok_or(AppError::InvalidCredentials)
    }

    async fn audit_login(
        &self,
        tx: &mut Tx,
        user_id: i64,
        action: &'static str,
        summary: &str,
        ip: Option<&str>,
    ) -> Result<()> {
        let username = users::get(tx, user_id)
            .await?
            .map(|u| u.username)
            .unwrap_or_default();
        audit_store::insert(
            tx,
            NewAuditEntry {
                at: self.now(),
                actor_user_id: Some(user_id),
                actor_name: &username,
                action,
                entity_type: "session",
                entity_id: user_id.to_string(),
                summary: summary.into(),
                before: None,
                after: None,
                ip,
            },
        )
        .await?;
        Ok(())
    }

    /// Browser login: returns the session token for the cookie.
    /// A failed attempt is committed even though the call returns an error.
    pub async fn login(
        &self,
        username: &str,
        password: &str,
        ip: &str,
        user_agent: Option<&str>,
    ) -> Result<String> {
        let mut tx = self.db.write().await?;
        let user_id = match self
            .check_credentials(&mut tx, username, password, ip)
            .await
        {
            Ok(id) => id,
            Err(error) => {
                tx.commit().await?;
                return Err(error);
            }
        };
        let token = self.new_token();
        let now = self.now();
        let session = sessions::NewSession {
            token_hash: &hash_token(&token),
            user_id,
            now,
            expires_at: now + self.auth.session_absolute,
            ip: Some(ip),
            user_agent,
        };
        sessions::create_session(&mut tx, &session).await?;
        self.audit_login(
            &mut tx,
            user_id,
            "login",
            "Đăng nhập giao diện web",
            Some(ip),
        )
        .await?;
        tx.commit().await?;
        Ok(token)
    }

    /// API login: returns a bearer token valid for 30 days.
    pub async fn api_login(&self, username: &str, password: &str, ip: &str) -> Result<String> {
        let mut tx = self.db.write().await?;
        let user_id = match self
            .check_credentials(&mut tx, username, password, ip)
            .await
        {
            Ok(id) => id,
            Err(error) => {
                tx.commit().await?;
                return Err(error);
            }
        };
        let token = self.new_token();
        let now = self.now();
        let expires = Some(now + chrono::Duration::days(30));
        sessions::create_api_token(
            &mut tx,
            &hash_token(&token),
            user_id,
            "Đăng nhập API",
            now,
            expires,
        )
        .await?;
        self.audit_login(&mut tx, user_id, "login", "Đăng nhập API", Some(ip))
            .await?;
        tx.commit().await?;
        Ok(token)
    }

    /// A long-lived API token for `username`, made from the command line.
    pub async fn create_api_token(
        &self,
        actor: &Actor,
        username: &str,
        name: &str,
    ) -> Result<String> {
        if !actor.covers_all(&[Role::Admin]) {
            return Err(AppError::Forbidden);
        }
        let mut tx = self.db.write().await?;
        let user_id = users::id_by_username(&mut tx, &normalise_username(username))
            .await?
            .ok_or(AppError::NotFound("Không tìm thấy người dùng."))?;
        let token = self.new_token();
        let id = sessions::create_api_token(
            &mut tx,
            &hash_token(&token),
            user_id,
            name,
            self.now(),
            None,
        )
        .await?;
        let change = crate::audit::Change {
            action: "token_create",
            entity_type: "api_token",
            entity_id: id,
            summary: format!("Tạo mã truy cập API \"{name}\" cho {username}"),
            before: None,
            after: None,
        };
        crate::audit::record(&mut tx, actor, self.now(), change).await?;
        tx.commit().await?;
        Ok(token)
    }

    /// The actor behind a browser session cookie; extends the idle timeout.
    ///
    /// Requests only read; the last use is written when it is older than
    /// [`TOUCH_EVERY`], so that concurrent requests do not queue for the
    /// database's write lock (SQLite has one writer).
    pub async fn session_actor(&self, token: &str, ip: Option<&str>) -> Result<Actor> {
        let now = self.now();
        let hash = hash_token(token);
        let idle_since = now - self.auth.session_idle;
        let mut tx = self.db.read().await?;
        let (user_id, last_seen) = sessions::live_session(&mut tx, &hash, now, idle_since)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        let actor = load_actor(&mut tx, user_id, ip).await?;
        tx.commit().await?;
        if now - last_seen >= TOUCH_EVERY {
            let mut tx = self.db.write().await?;
            sessions::touch_session(&mut tx, &hash, now, idle_since)
                .await?
                .ok_or(AppError::Unauthenticated)?;
            tx.commit().await?;
        }
        actor.ok_or(AppError::Unauthenticated)
    }

    /// The actor behind an API bearer token; its last use is recorded as
    /// for sessions.
    pub async fn token_actor(&self, token: &str, ip: Option<&str>) -> Result<Actor> {
        let now = self.now();
        let hash = hash_token(token);
        let mut tx = self.db.read().await?;
        let (user_id, last_used) = sessions::live_api_token(&mut tx, &hash, now)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        let actor = load_actor(&mut tx, user_id, ip).await?;
        tx.commit().await?;
        if last_used.is_none_or(|at| now - at >= TOUCH_EVERY) {
            let mut tx = self.db.write().await?;
            sessions::use_api_token(&mut tx, &hash, now)
                .await?
                .ok_or(AppError::Unauthenticated)?;
            tx.commit().await?;
        }
        actor.ok_or(AppError::Unauthenticated)
    }

    pub async fn logout(&self, token: &str, ip: Option<&str>) -> Result<()> {
        let mut tx = self.db.write().await?;
        if let Some(user_id) = sessions::delete_session(&mut tx, &hash_token(token)).await? {
            self.audit_login(&mut tx, user_id, "logout", "Đăng xuất", ip)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn revoke_token(&self, token: &str, ip: Option<&str>) -> Result<()> {
        let mut tx = self.db.write().await?;
        if let Some(user_id) =
            sessions::revoke_api_token(&mut tx, &hash_token(token), self.now()).await?
        {
            self.audit_login(&mut tx, user_id, "logout", "Thu hồi mã truy cập API", ip)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// The active user with each role's scope resolved from the current unit tree.
pub(crate) async fn load_actor(
    tx: &mut Tx,
    user_id: i64,
    ip: Option<&str>,
) -> Result<Option<Actor>> {
    let Some(user) = users::get(tx, user_id).await?.filter(|u| u.is_active) else {
        return Ok(None);
    };
    let links = units::links(tx).await?;
    let roles = user
        .roles
        .iter()
        .map(|g| ScopedRole {
            role: g.role,
            unit_id: g.unit_id,
            scope: match g.unit_id {
                None => Scope::All,
                Some(unit) => Scope::Units(
                    subtree_ids(&links, unit)
                        .into_iter()
                        .collect::<BTreeSet<_>>(),
                ),
            },
        })
        .collect();
    Ok(Some(Actor {
        user_id: user.id,
        username: user.username,
        full_name: user.full_name,
        unit_id: user.unit_id,
        roles,
        ip: ip.map(str::to_string),
    }))
}
