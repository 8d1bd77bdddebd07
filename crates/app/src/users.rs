//! User administration. Administrators manage the users of the units they
//! cover; leaders and coordinators see (not change) the users of theirs.

use serde::{Deserialize, Serialize};

use cchc_domain::ValidationErrors;
use cchc_domain::actor::Actor;
use cchc_domain::roles::{Role, RoleGrant};
use cchc_domain::text;
use cchc_domain::units::UnitId;
use cchc_domain::users::{
    User, UserProfile, normalise_username, validate_password, validate_username,
};
use cchc_store::{Tx, sessions, units, users as store};

use crate::audit::{Change, record, snapshot};
use crate::{App, AppError, Result};

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct NewUser {
    pub username: String,
    pub password: String,
    #[serde(flatten)]
    pub profile: UserProfile,
    #[serde(default)]
    pub roles: Vec<RoleGrant>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct UserUpdate {
    #[serde(flatten)]
    pub profile: UserProfile,
    pub is_active: bool,
    pub roles: Vec<RoleGrant>,
}

const VIEW_ROLES: [Role; 3] = [Role::Admin, Role::Coordinator, Role::Leader];

fn not_found() -> AppError {
    AppError::NotFound("Không tìm thấy người dùng.")
}

fn covers_unit(actor: &Actor, roles: &[Role], unit: Option<UnitId>) -> bool {
    match unit {
        Some(u) => actor.covers(roles, u),
        None => actor.covers_all(roles),
    }
}

/// The actor may grant every role in `roles` and place the user in `unit`.
fn check_manageable(actor: &Actor, unit: Option<UnitId>, roles: &[RoleGrant]) -> Result<()> {
    if !covers_unit(actor, &[Role::Admin], unit)
        || roles
            .iter()
            .any(|g| !covers_unit(actor, &[Role::Admin], g.unit_id))
    {
        return Err(AppError::Forbidden);
    }
    Ok(())
}

async fn check_units_exist(tx: &mut Tx, unit: Option<UnitId>, roles: &[RoleGrant]) -> Result<()> {
    let links = units::links(tx).await?;
    let exists = |id: &UnitId| links.iter().any(|(u, _)| u == id);
    if unit.is_some_and(|u| !exists(&u)) {
        return Err(AppError::validation(
            "unit_id",
            "Đơn vị công tác không tồn tại.",
        ));
    }
    if roles.iter().filter_map(|g| g.unit_id).any(|u| !exists(&u)) {
        return Err(AppError::validation(
            "roles",
            "Vai trò được gán cho một đơn vị không tồn tại.",
        ));
    }
    Ok(())
}

fn dedup(mut roles: Vec<RoleGrant>) -> Vec<RoleGrant> {
    let mut seen = Vec::new();
    roles.retain(|g| {
        let fresh = !seen.contains(g);
        seen.push(*g);
        fresh
    });
    roles
}

impl App {
    /// Users the actor may see, filtered by a diacritic-insensitive query.
    pub async fn users(&self, actor: &Actor, query: &str) -> Result<Vec<User>> {
        if !actor.has_any_role(&VIEW_ROLES) {
            return Err(AppError::Forbidden);
        }
        let mut tx = self.db.read().await?;
        let all = store::search(&mut tx, query).await?;
        let mut visible: Vec<User> = all
            .into_iter()
            .filter(|u| covers_unit(actor, &VIEW_ROLES, u.unit_id))
            .collect();
        // Vietnamese lists sort people by given name (the last word), then the full name.
        visible.sort_by_cached_key(|u| {
            let given = u.full_name.rsplit(' ').next().unwrap_or_default();
            (text::sort_key(given), text::sort_key(&u.full_name), u.id)
        });
        Ok(visible)
    }

    pub async fn user(&self, actor: &Actor, id: i64) -> Result<User> {
        let mut tx = self.db.read().await?;
        let user = store::get(&mut tx, id).await?.ok_or_else(not_found)?;
        if user.id != actor.user_id && !covers_unit(actor, &VIEW_ROLES, user.unit_id) {
            return Err(AppError::Forbidden);
        }
        Ok(user)
    }

    /// Whether the actor may edit this user (for showing the edit buttons).
    pub fn can_manage_user(&self, actor: &Actor, user: &User) -> bool {
        check_manageable(actor, user.unit_id, &user.roles).is_ok()
    }

    pub async fn create_user(&self, actor: &Actor, input: NewUser) -> Result<User> {
        let username = normalise_username(&input.username);
        let profile = input.profile.normalised();
        let roles = dedup(input.roles);
        check_manageable(actor, profile.unit_id, &roles)?;
        let mut errors = ValidationErrors::default();
        validate_username(&username, &mut errors);
        validate_password(&input.password, &mut errors);
        profile.validate(&mut errors);
        errors.into_result()?;
        let hash = self.hash_password(&input.password)?;
        let mut tx = self.db.write().await?;
        check_units_exist(&mut tx, profile.unit_id, &roles).await?;
        let now = self.now();
        let id = store::insert(&mut tx, &username, &profile, &hash, now).await?;
        store::replace_grants(&mut tx, id, &roles, now).await?;
        let user = store::get(&mut tx, id).await?.ok_or_else(not_found)?;
        let change = Change {
            action: "create",
            entity_type: "user",
            entity_id: id,
            summary: format!("Tạo người dùng {} ({})", user.username, user.full_name),
            before: None,
            after: snapshot(&user),
        };
        record(&mut tx, actor, now, change).await?;
        tx.commit().await?;
        Ok(user)
    }

    pub async fn update_user(
        &self,
        actor: &Actor,
        id: i64,
        version: i64,
        input: UserUpdate,
    ) -> Result<User> {
        let profile = input.profile.normalised();
        let roles = dedup(input.roles);
        let mut tx = self.db.write().await?;
        let before = store::get(&mut tx, id).await?.ok_or_else(not_found)?;
        check_manageable(actor, before.unit_id, &before.roles)?;
        check_manageable(actor, profile.unit_id, &roles)?;
        if id == actor.user_id {
            let keeps_admin = roles.iter().any(|g| g.role == Role::Admin);
            if !input.is_active
                || (before.roles.iter().any(|g| g.role == Role::Admin) && !keeps_admin)
            {
                return Err(AppError::validation(
                    "roles",
                    "Bạn không thể tự khóa tài khoản hoặc tự bỏ quyền quản trị của mình.",
                ));
            }
        }
        let mut errors = ValidationErrors::default();
        profile.validate(&mut errors);
        errors.into_result()?;
        check_units_exist(&mut tx, profile.unit_id, &roles).await?;
        let now = self.now();
        store::update(
            &mut tx,
            id,
            version,
            &before.username,
            &profile,
            input.is_active,
            now,
        )
        .await?;
        store::replace_grants(&mut tx, id, &roles, now).await?;
        if !input.is_active {
            sessions::delete_user_sessions(&mut tx, id).await?;
        }
        let after = store::get(&mut tx, id).await?.ok_or_else(not_found)?;
        let change = Change {
            action: "update",
            entity_type: "user",
            entity_id: id,
            summary: format!("Cập nhật người dùng {}", after.username),
            before: snapshot(&before),
            after: snapshot(&after),
        };
        record(&mut tx, actor, now, change).await?;
        tx.commit().await?;
        Ok(after)
    }

    /// An administrator sets a new password; the user's sessions end.
    pub async fn reset_password(&self, actor: &Actor, id: i64, password: &str) -> Result<()> {
        let mut tx = self.db.write().await?;
        let user = store::get(&mut tx, id).await?.ok_or_else(not_found)?;
        check_manageable(actor, user.unit_id, &user.roles)?;
        self.store_password(&mut tx, actor, &user, password).await?;
        tx.commit().await.map_err(Into::into)
    }

    /// The user changes their own password after confirming the current one.
    pub async fn change_own_password(&self, actor: &Actor, current: &str, new: &str) -> Result<()> {
        let mut tx = self.db.write().await?;
        let user = store::get(&mut tx, actor.user_id)
            .await?
            .ok_or_else(not_found)?;
        let (_, hash, _) = store::credentials(&mut tx, &user.username)
            .await?
            .ok_or_else(not_found)?;
        if !self.password_matches(current, &hash) {
            return Err(AppError::validation(
                "current_password",
                "Mật khẩu hiện tại không đúng.",
            ));
        }
        self.store_password(&mut tx, actor, &user, new).await?;
        tx.commit().await.map_err(Into::into)
    }

    async fn store_password(
        &self,
        tx: &mut Tx,
        actor: &Actor,
        user: &User,
        password: &str,
    ) -> Result<()> {
        let mut errors = ValidationErrors::default();
        validate_password(password, &mut errors);
        errors.into_result()?;
        let hash = self.hash_password(password)?;
        let now = self.now();
        store::set_password(tx, user.id, &hash, now).await?;
        sessions::delete_user_sessions(tx, user.id).await?;
        let change = Change {
            action: "password",
            entity_type: "user",
            entity_id: user.id,
            summary: format!("Đặt mật khẩu mới cho {}", user.username),
            before: None,
            after: None,
        };
        record(tx, actor, now, change).await
    }

    /// Looks a user up by username, for the command line.
    pub async fn user_by_username(&self, actor: &Actor, username: &str) -> Result<User> {
        let mut tx = self.db.read().await?;
        let id = store::id_by_username(&mut tx, &normalise_username(username))
            .await?
            .ok_or_else(not_found)?;
        drop(tx);
        self.user(actor, id).await
    }
}
