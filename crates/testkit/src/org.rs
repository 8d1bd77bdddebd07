//! A small organisation for permission tests: a department with two
//! divisions, a unit below the first, and one user per role and place.

use cchc_app::App;
use cchc_app::auth::system_actor;
use cchc_app::users::NewUser;
use cchc_domain::actor::Actor;
use cchc_domain::roles::{Role, RoleGrant};
use cchc_domain::units::{UnitDraft, UnitId};
use cchc_domain::users::UserProfile;

pub const PASSWORD: &str = "mat-khau-thu";

pub struct Org {
    pub root: UnitId,
    /// "Inside": the unit that owns the data under test.
    pub inside: UnitId,
    /// A unit below `inside`.
    pub inside_child: UnitId,
    /// "Outside": a sibling of `inside`.
    pub outside: UnitId,
}

pub async fn unit(app: &App, code: &str, name: &str, kind: &str, parent: Option<UnitId>) -> UnitId {
    let draft = UnitDraft {
        code: code.into(),
        name: name.into(),
        kind: kind.into(),
        parent_id: parent,
        valid_from: chrono::NaiveDate::from_ymd_opt(2020, 1, 1),
        ..Default::default()
    };
    app.create_unit(&system_actor(), draft)
        .await
        .expect("create unit")
        .id
}

pub async fn build(app: &App) -> Org {
    let root = unit(app, "SYT", "Sở Y tế", "department", None).await;
    let inside = unit(app, "VPS", "Văn phòng Sở", "division", Some(root)).await;
    let inside_child = unit(
        app,
        "VPS-TN",
        "Bộ phận Tiếp nhận và Trả kết quả",
        "other",
        Some(inside),
    )
    .await;
    let outside = unit(app, "TTS", "Thanh tra Sở", "division", Some(root)).await;
    Org {
        root,
        inside,
        inside_child,
        outside,
    }
}

/// Creates `username` with `role` on `scope` (None: whole organisation), working in `home`.
pub async fn user(
    app: &App,
    username: &str,
    role: Role,
    scope: Option<UnitId>,
    home: Option<UnitId>,
) -> i64 {
    user_with_email(app, username, role, scope, home, None).await
}

/// [`user`] with an email address.
pub async fn user_with_email(
    app: &App,
    username: &str,
    role: Role,
    scope: Option<UnitId>,
    home: Option<UnitId>,
    email: Option<&str>,
) -> i64 {
    let input = NewUser {
        username: username.into(),
        password: PASSWORD.into(),
        profile: UserProfile {
            full_name: format!("Người dùng {username}"),
            email: email.map(str::to_string),
            unit_id: home,
        },
        roles: vec![RoleGrant {
            role,
            unit_id: scope,
        }],
    };
    app.create_user(&system_actor(), input)
        .await
        .expect("create user")
        .id
}

/// Logs in through the API use case and returns the actor behind the token.
pub async fn actor(app: &App, username: &str) -> Actor {
    actor_with_password(app, username, PASSWORD).await
}

/// [`actor`] for a user with another password (e.g. a demo account).
pub async fn actor_with_password(app: &App, username: &str, password: &str) -> Actor {
    let token = app
        .api_login(username, password, "127.0.0.1")
        .await
        .expect("login");
    app.token_actor(&token, None).await.expect("token actor")
}
