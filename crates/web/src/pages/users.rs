//! User administration pages.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use cchc_app::AppError;
use cchc_app::users::{NewUser, UserUpdate};
use cchc_domain::ValidationErrors;
use cchc_domain::actor::Actor;
use cchc_domain::roles::{Role, RoleGrant};
use cchc_domain::units::Unit;
use cchc_domain::users::{User, UserProfile};

use super::{opt_id, opt_text};
use crate::AppState;
use crate::auth::PageUser;
use crate::error::status_of;
use crate::views::{Chrome, NoticeQuery, PageError, Pager, render};

const PER_PAGE: i64 = 25;
/// Role rows on the form: the user's grants plus empty rows up to this many.
const GRANT_ROWS: usize = 4;

pub struct Row {
    id: i64,
    full_name: String,
    username: String,
    unit: String,
    roles: String,
    active: bool,
}

fn unit_name(units: &[Unit], id: Option<i64>) -> String {
    id.and_then(|id| units.iter().find(|u| u.id == id))
        .map(|u| u.name.clone())
        .unwrap_or_default()
}

fn roles_text(units: &[Unit], user: &User) -> String {
    user.roles
        .iter()
        .map(|g| match g.unit_id {
            None => format!("{} (toàn bộ)", g.role.label()),
            Some(_) => format!("{} ({})", g.role.label(), unit_name(units, g.unit_id)),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[derive(Template)]
#[template(path = "users/list.html")]
struct ListPage {
    chrome: Chrome,
    q: String,
    rows: Vec<Row>,
    pager: Pager,
    can_create: bool,
}

#[derive(Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: Option<i64>,
    #[serde(default)]
    ok: Option<String>,
}

pub async fn list(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Query(q): Query<ListQuery>,
) -> Result<Response, PageError> {
    let users = state.app.users(&actor, &q.q).await?;
    let units = state.app.units(&actor).await?;
    let pager = Pager::new(q.page.unwrap_or(1), PER_PAGE, users.len() as i64);
    let rows = users
        .iter()
        .skip(((pager.page - 1) * PER_PAGE) as usize)
        .take(PER_PAGE as usize)
        .map(|u| Row {
            id: u.id,
            full_name: u.full_name.clone(),
            username: u.username.clone(),
            unit: unit_name(&units, u.unit_id),
            roles: roles_text(&units, u),
            active: u.is_active,
        })
        .collect();
    Ok(render(&ListPage {
        chrome: Chrome::new(&actor, "/users", "Người dùng").with_notice(q.ok.as_deref()),
        q: q.q,
        rows,
        pager,
        can_create: actor.has_role(Role::Admin),
    }))
}

/// The user form as typed. Role rows arrive as `role_N` / `scope_N` pairs.
#[derive(Deserialize, Default)]
pub struct UserForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    username: String,
    #[serde(default)]
    full_name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    unit_id: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    is_active: Option<String>,
    #[serde(flatten)]
    grants: std::collections::HashMap<String, String>,
}

/// What the template shows: typed values and role rows as (role code, scope) strings.
pub struct FormView {
    username: String,
    full_name: String,
    email: String,
    unit_id: String,
    is_active: bool,
    grants: Vec<(String, String)>,
}

impl UserForm {
    fn roles(&self) -> Vec<RoleGrant> {
        (0..GRANT_ROWS)
            .filter_map(|i| {
                let role = Role::parse(self.grants.get(&format!("role_{i}"))?)?;
                let scope = self
                    .grants
                    .get(&format!("scope_{i}"))
                    .map(String::as_str)
                    .unwrap_or("all");
                Some(RoleGrant {
                    role,
                    unit_id: opt_id(scope),
                })
            })
            .collect()
    }

    fn profile(&self) -> UserProfile {
        UserProfile {
            full_name: self.full_name.clone(),
            email: opt_text(&self.email),
            unit_id: opt_id(&self.unit_id),
        }
    }

    fn view(&self) -> FormView {
        let grants = self.roles().iter().map(|g| grant_row(*g)).collect();
        FormView {
            username: self.username.clone(),
            full_name: self.full_name.clone(),
            email: self.email.clone(),
            unit_id: self.unit_id.clone(),
            is_active: self.is_active.is_some(),
            grants: pad(grants),
        }
    }
}

fn grant_row(g: RoleGrant) -> (String, String) {
    (
        g.role.code().to_string(),
        g.unit_id.map_or("all".to_string(), |u| u.to_string()),
    )
}

fn pad(mut grants: Vec<(String, String)>) -> Vec<(String, String)> {
    while grants.len() < GRANT_ROWS {
        grants.push((String::new(), "all".into()));
    }
    grants
}

fn view_of(user: &User) -> FormView {
    FormView {
        username: user.username.clone(),
        full_name: user.full_name.clone(),
        email: user.email.clone().unwrap_or_default(),
        unit_id: user.unit_id.map(|u| u.to_string()).unwrap_or_default(),
        is_active: user.is_active,
        grants: pad(user.roles.iter().map(|g| grant_row(*g)).collect()),
    }
}

#[derive(Template)]
#[template(path = "users/form.html")]
struct FormPage {
    chrome: Chrome,
    action: String,
    version: String,
    user_id: i64,
    is_new: bool,
    editable: bool,
    show_history: bool,
    form: FormView,
    units: Vec<(String, String)>,
    roles: Vec<(&'static str, &'static str)>,
    errors: ValidationErrors,
    password_error: Option<String>,
}

struct FormArgs {
    user_id: Option<i64>,
    version: String,
    editable: bool,
    form: FormView,
    errors: ValidationErrors,
    password_error: Option<String>,
    notice: Option<String>,
}

async fn form_page(state: &AppState, actor: &Actor, a: FormArgs) -> Result<FormPage, AppError> {
    let rows = state.app.unit_tree(actor, "", false).await?;
    let title = if a.user_id.is_some() {
        "Thông tin người dùng"
    } else {
        "Thêm người dùng"
    };
    Ok(FormPage {
        chrome: Chrome::new(actor, "/users", title).with_notice(a.notice.as_deref()),
        action: a
            .user_id
            .map_or("/users".into(), |id| format!("/users/{id}")),
        version: a.version,
        user_id: a.user_id.unwrap_or(0),
        is_new: a.user_id.is_none(),
        editable: a.editable,
        show_history: actor.covers_all(&[Role::Admin]),
        form: a.form,
        units: rows
            .into_iter()
            .map(|r| (r.unit.id.to_string(), r.indented_name()))
            .collect(),
        roles: Role::ALL.iter().map(|r| (r.code(), r.label())).collect(),
        errors: a.errors,
        password_error: a.password_error,
    })
}

fn form_errors(error: AppError) -> Result<ValidationErrors, PageError> {
    match error {
        AppError::Validation(errors) => Ok(errors),
        AppError::Conflict | AppError::Duplicate(_) => {
            let field = if matches!(error, AppError::Duplicate(_)) {
                "username"
            } else {
                "form"
            };
            Ok(ValidationErrors::single(field, error.to_string()))
        }
        other => Err(other.into()),
    }
}

pub async fn new_form(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
) -> Result<Response, PageError> {
    if !actor.has_role(Role::Admin) {
        return Err(AppError::Forbidden.into());
    }
    let form = UserForm {
        unit_id: actor.unit_id.map(|u| u.to_string()).unwrap_or_default(),
        ..Default::default()
    };
    let args = FormArgs {
        user_id: None,
        version: String::new(),
        editable: true,
        form: form.view(),
        errors: ValidationErrors::default(),
        password_error: None,
        notice: None,
    };
    Ok(render(&form_page(&state, &actor, args).await?))
}

pub async fn create(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Form(f): Form<UserForm>,
) -> Result<Response, PageError> {
    let input = NewUser {
        username: f.username.clone(),
        password: f.password.clone(),
        profile: f.profile(),
        roles: f.roles(),
    };
    match state.app.create_user(&actor, input).await {
        Ok(user) => Ok(Redirect::to(&format!("/users/{}?ok=created", user.id)).into_response()),
        Err(error) => {
            let status = status_of(&error);
            let errors = form_errors(error)?;
            let args = FormArgs {
                user_id: None,
                version: String::new(),
                editable: true,
                form: f.view(),
                errors,
                password_error: None,
                notice: None,
            };
            Ok((status, render(&form_page(&state, &actor, args).await?)).into_response())
        }
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, PageError> {
    let user = state.app.user(&actor, id).await?;
    let args = FormArgs {
        user_id: Some(id),
        version: user.version.to_string(),
        editable: state.app.can_manage_user(&actor, &user),
        form: view_of(&user),
        errors: ValidationErrors::default(),
        password_error: None,
        notice: q.ok,
    };
    Ok(render(&form_page(&state, &actor, args).await?))
}

pub async fn update(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
    Form(f): Form<UserForm>,
) -> Result<Response, PageError> {
    let version = f.version.trim().parse().unwrap_or(0);
    let input = UserUpdate {
        profile: f.profile(),
        is_active: f.is_active.is_some(),
        roles: f.roles(),
    };
    match state.app.update_user(&actor, id, version, input).await {
        Ok(_) => Ok(Redirect::to(&format!("/users/{id}?ok=saved")).into_response()),
        Err(error) => {
            let status = status_of(&error);
            let errors = form_errors(error)?;
            let user = state.app.user(&actor, id).await?;
            let mut view = f.view();
            view.username = user.username;
            let args = FormArgs {
                user_id: Some(id),
                version: f.version.clone(),
                editable: true,
                form: view,
                errors,
                password_error: None,
                notice: None,
            };
            Ok((status, render(&form_page(&state, &actor, args).await?)).into_response())
        }
    }
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    password: String,
}

pub async fn reset_password(
    State(state): State<AppState>,
    PageUser(actor): PageUser,
    Path(id): Path<i64>,
    Form(f): Form<PasswordForm>,
) -> Result<Response, PageError> {
    match state.app.reset_password(&actor, id, &f.password).await {
        Ok(()) => Ok(Redirect::to(&format!("/users/{id}?ok=password")).into_response()),
        Err(error @ AppError::Validation(_)) => {
            let user = state.app.user(&actor, id).await?;
            let args = FormArgs {
                user_id: Some(id),
                version: user.version.to_string(),
                editable: true,
                form: view_of(&user),
                errors: ValidationErrors::default(),
                password_error: Some(error.to_string()),
                notice: None,
            };
            Ok((
                status_of(&error),
                render(&form_page(&state, &actor, args).await?),
            )
                .into_response())
        }
        Err(error) => Err(error.into()),
    }
}
