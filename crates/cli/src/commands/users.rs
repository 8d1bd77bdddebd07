//! `cchc user …` and `cchc token …`.

use anyhow::{Context, bail};
use clap::Subcommand;

use cchc_app::auth::system_actor;
use cchc_app::users::NewUser;
use cchc_domain::roles::{Role, RoleGrant};
use cchc_domain::users::UserProfile;

use super::{open, password_from_stdin};
use crate::config::Settings;

#[derive(Subcommand)]
pub enum UserCommand {
    /// Create a user; the password is read from standard input.
    Add {
        username: String,
        /// admin, coordinator, leader, staff or viewer
        #[arg(long)]
        role: String,
        /// Code of the unit the role covers (with its subtree); omit for the whole organisation.
        #[arg(long)]
        unit: Option<String>,
        /// Full name (defaults to the username).
        #[arg(long)]
        full_name: Option<String>,
        #[arg(long, required = true)]
        password_stdin: bool,
    },
    /// Set a new password, read from standard input; the user's sessions end.
    Passwd {
        username: String,
        #[arg(long, required = true)]
        password_stdin: bool,
    },
}

#[derive(Subcommand)]
pub enum TokenCommand {
    /// Create a long-lived API token for a user and print it once.
    Create {
        username: String,
        #[arg(long, default_value = "Mã truy cập tạo từ dòng lệnh")]
        name: String,
    },
}

pub async fn run_user(settings: &Settings, cmd: UserCommand) -> anyhow::Result<()> {
    let app = open(settings).await?;
    let system = system_actor();
    match cmd {
        UserCommand::Add {
            username,
            role,
            unit,
            full_name,
            ..
        } => {
            let Some(role) = Role::parse(&role) else {
                bail!(
                    "vai trò “{role}” không hợp lệ; chọn một trong: admin, coordinator, leader, staff, viewer"
                );
            };
            let unit_id = match &unit {
                Some(code) => {
                    let id = app
                        .units(&system)
                        .await?
                        .into_iter()
                        .find(|u| u.code.eq_ignore_ascii_case(code))
                        .map(|u| u.id);
                    Some(id.with_context(|| format!("không có đơn vị mã “{code}”"))?)
                }
                None => None,
            };
            let password = password_from_stdin()?;
            let input = NewUser {
                username: username.clone(),
                password,
                profile: UserProfile {
                    full_name: full_name.unwrap_or_else(|| username.clone()),
                    email: None,
                    unit_id,
                },
                roles: vec![RoleGrant { role, unit_id }],
            };
            let user = app.create_user(&system, input).await?;
            println!(
                "Đã tạo người dùng {} (id {}) với vai trò {}.",
                user.username,
                user.id,
                role.label()
            );
        }
        UserCommand::Passwd { username, .. } => {
            let user = app.user_by_username(&system, &username).await?;
            let password = password_from_stdin()?;
            app.reset_password(&system, user.id, &password).await?;
            println!("Đã đặt mật khẩu mới cho {}.", user.username);
        }
    }
    app.db().close().await;
    Ok(())
}

pub async fn run_token(settings: &Settings, cmd: TokenCommand) -> anyhow::Result<()> {
    let app = open(settings).await?;
    match cmd {
        TokenCommand::Create { username, name } => {
            let token = app
                .create_api_token(&system_actor(), &username, &name)
                .await?;
            println!("{token}");
            eprintln!("Hãy lưu mã này ngay: hệ thống chỉ lưu bản băm và không thể hiển thị lại.");
        }
    }
    app.db().close().await;
    Ok(())
}
