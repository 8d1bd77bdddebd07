//! The user's own account: profile and password change.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use cchc_app::AppError;
use cchc_domain::actor::Actor;

use crate::AppState;
use crate::auth::PageUser;
use crate::error::status_of;
use crate::views::{Chrome, PageError, render};

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    chrome: Chrome,
    unit: String,
    error: Option<String>,
    changed: bool,
}

async fn page(
    state: &AppState,
    actor: &Actor,
    error: Option<String>,
    changed: bool,
) -> Result<AccountPage, AppError> {
    let unit = match actor.unit_id {
        Some(id) => state
            .app
            .unit(actor, id)
            .await
            .map(|u| u.name)
            .unwrap_or_default(),
        None => "Chưa gán đơn vị".into(),
    };
    Ok(AccountPage {
        chrome: Chrome::new(actor, "/account", "Tài khoản của tôi"),
        unit,
        error,
        changed,
    })
}

pub async fn show(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
) -> Result<Response, PageError> {
    Ok(render(&page(&state, &actor, None, false).await?))
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
    #[serde(default)]
    confirm_password: String,
}

pub async fn change_password(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Form(f): Form<PasswordForm>,
) -> Result<Response, PageError> {
    let result = if f.new_password != f.confirm_password {
        Err(AppError::validation(
            "confirm_password",
            "Mật khẩu nhập lại không khớp.",
        ))
    } else {
        state
            .app
            .change_own_password(&actor, &f.current_password, &f.new_password)
            .await
    };
    match result {
        Ok(()) => Ok(render(&page(&state, &actor, None, true).await?)),
        Err(error @ AppError::Validation(_)) => Ok((
            status_of(&error),
            render(&page(&state, &actor, Some(error.to_string()), false).await?),
        )
            .into_response()),
        Err(error) => Err(error.into()),
    }
}
