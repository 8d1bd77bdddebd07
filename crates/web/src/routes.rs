//! Every route of the application, registered through one builder that also
//! records it in a catalog. The permission test walks that catalog, so a new
//! route cannot escape it.

use axum::Router;
use axum::http::Method;
use axum::routing::{MethodRouter, get, post, put};

use crate::{AppState, api, assets, pages};

/// Who may reach a route at all; finer checks (roles, unit scope) happen in the use cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Public,
    LoggedIn,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteInfo {
    pub method: Method,
    pub path: &'static str,
    pub access: Access,
    /// An HTML page (cookie session) rather than the JSON API (bearer token).
    pub page: bool,
}

struct Builder {
    router: Router<AppState>,
    catalog: Vec<RouteInfo>,
}

impl Builder {
    fn add(
        mut self,
        method: Method,
        path: &'static str,
        access: Access,
        handler: MethodRouter<AppState>,
    ) -> Self {
        let page = !path.starts_with("/api/");
        self.catalog.push(RouteInfo {
            method,
            path,
            access,
            page,
        });
        self.router = self.router.route(path, handler);
        self
    }

    fn get(self, path: &'static str, access: Access, handler: MethodRouter<AppState>) -> Self {
        self.add(Method::GET, path, access, handler)
    }

    fn post(self, path: &'static str, access: Access, handler: MethodRouter<AppState>) -> Self {
        self.add(Method::POST, path, access, handler)
    }

    fn put(self, path: &'static str, access: Access, handler: MethodRouter<AppState>) -> Self {
        self.add(Method::PUT, path, access, handler)
    }
}

/// The router (without state) and the catalog of its routes.
pub fn build() -> (Router<AppState>, Vec<RouteInfo>) {
    use Access::{LoggedIn, Public};
    let b = Builder {
        router: Router::new(),
        catalog: Vec::new(),
    }
    .get("/healthz", Public, get(pages::health))
    .get("/static/{*path}", Public, get(assets::serve))
    .get("/login", Public, get(pages::login::form))
    .post("/login", Public, post(pages::login::submit))
    .post("/logout", LoggedIn, post(pages::login::logout))
    .get("/", LoggedIn, get(pages::home::show))
    .get("/units", LoggedIn, get(pages::units::list))
    .get("/units/new", LoggedIn, get(pages::units::new_form))
    .post("/units", LoggedIn, post(pages::units::create))
    .get("/units/{id}", LoggedIn, get(pages::units::show))
    .get("/units/{id}/edit", LoggedIn, get(pages::units::edit_form))
    .post("/units/{id}", LoggedIn, post(pages::units::update))
    .get("/units/{id}/close", LoggedIn, get(pages::units::close_form))
    .post("/units/{id}/close", LoggedIn, post(pages::units::close))
    .get("/users", LoggedIn, get(pages::users::list))
    .get("/users/new", LoggedIn, get(pages::users::new_form))
    .post("/users", LoggedIn, post(pages::users::create))
    .get("/users/{id}", LoggedIn, get(pages::users::edit_form))
    .post("/users/{id}", LoggedIn, post(pages::users::update))
    .post(
        "/users/{id}/password",
        LoggedIn,
        post(pages::users::reset_password),
    )
    .get("/audit", LoggedIn, get(pages::audit::list))
    .get("/notifications", LoggedIn, get(pages::notifications::list))
    .get(
        "/notifications/unread",
        LoggedIn,
        get(pages::notifications::unread_badge),
    )
    .post(
        "/notifications/read-all",
        LoggedIn,
        post(pages::notifications::mark_all_read),
    )
    .post(
        "/notifications/{id}/read",
        LoggedIn,
        post(pages::notifications::mark_read),
    )
    .get("/reminders", LoggedIn, get(pages::reminders::list))
    .get("/reminders/new", LoggedIn, get(pages::reminders::new_form))
    .post("/reminders", LoggedIn, post(pages::reminders::create))
    .get("/account", LoggedIn, get(pages::account::show))
    .post(
        "/account/password",
        LoggedIn,
        post(pages::account::change_password),
    )
    .post("/api/v1/auth/login", Public, post(api::auth::login))
    .post("/api/v1/auth/logout", LoggedIn, post(api::auth::logout))
    .get("/api/v1/me", LoggedIn, get(api::auth::me))
    .get("/api/v1/units", LoggedIn, get(api::units::list))
    .post("/api/v1/units", LoggedIn, post(api::units::create))
    .get("/api/v1/units/{id}", LoggedIn, get(api::units::show))
    .put("/api/v1/units/{id}", LoggedIn, put(api::units::update))
    .get("/api/v1/users", LoggedIn, get(api::users::list))
    .post("/api/v1/users", LoggedIn, post(api::users::create))
    .get("/api/v1/users/{id}", LoggedIn, get(api::users::show))
    .put("/api/v1/users/{id}", LoggedIn, put(api::users::update))
    .get("/api/v1/audit", LoggedIn, get(api::audit::list))
    .get(
        "/api/v1/notifications",
        LoggedIn,
        get(api::notifications::list),
    )
    .post("/api/v1/reminders", LoggedIn, post(api::reminders::create))
    .get("/api/v1/openapi.json", Public, get(api::openapi_json));
    let mut catalog = b.catalog;
    // The Swagger UI is a router of its own (vendored assets); it is public documentation.
    catalog.push(RouteInfo {
        method: Method::GET,
        path: "/api/docs/",
        access: Public,
        page: true,
    });
    let router = b.router.merge(api::swagger_ui());
    (router, catalog)
}

/// The catalog alone, for tests and documentation.
pub fn catalog() -> Vec<RouteInfo> {
    build().1
}
