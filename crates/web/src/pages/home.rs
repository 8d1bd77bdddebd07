//! The overview page.

use askama::Template;
use axum::extract::State;
use axum::response::Response;

use cchc_domain::actor::Actor;
use cchc_domain::roles::Role;

use crate::AppState;
use crate::auth::PageUser;
use crate::views::{Chrome, PageError, date_vn, number_vn, render};

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    chrome: Chrome,
    today: String,
    open_units: String,
    visible_users: Option<String>,
    roles: Vec<(String, String)>,
}

/// "Vai trò – phạm vi" rows with unit names.
fn role_rows(actor: &Actor, units: &[cchc_domain::units::Unit]) -> Vec<(String, String)> {
    actor
        .roles
        .iter()
        .map(|r| {
            let scope = match r.unit_id {
                None => "Toàn bộ tổ chức".to_string(),
                Some(id) => units
                    .iter()
                    .find(|u| u.id == id)
                    .map_or(format!("Đơn vị #{id}"), |u| {
                        format!("{} và các đơn vị trực thuộc", u.name)
                    }),
            };
            (r.role.label().to_string(), scope)
        })
        .collect()
}

pub async fn show(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
) -> Result<Response, PageError> {
    let app = &state.app;
    let units = app.units(&actor).await?;
    let today = app.today();
    let visible_users = if actor.has_any_role(&[Role::Admin, Role::Coordinator, Role::Leader]) {
        Some(number_vn(app.users(&actor, "").await?.len() as i64))
    } else {
        None
    };
    Ok(render(&HomePage {
        chrome: Chrome::new(&actor, "/", "Tổng quan"),
        today: date_vn(today),
        open_units: number_vn(units.iter().filter(|u| u.is_open_on(today)).count() as i64),
        visible_users,
        roles: role_rows(&actor, &units),
    }))
}
