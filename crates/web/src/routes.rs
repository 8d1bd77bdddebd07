//! Every route of the application, registered through one builder that also
//! records it in a catalog. The permission test walks that catalog, so a new
//! route cannot escape it.

use axum::Router;
use axum::http::Method;
use axum::routing::{MethodRouter, delete, get, post, put};

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

    fn delete(self, path: &'static str, access: Access, handler: MethodRouter<AppState>) -> Self {
        self.add(Method::DELETE, path, access, handler)
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
    .get("/calendar", LoggedIn, get(pages::calendar::show))
    .post(
        "/calendar/overrides",
        LoggedIn,
        post(pages::calendar::save_override),
    )
    .get(
        "/calendar/overrides/{day}/delete",
        LoggedIn,
        get(pages::calendar::confirm_delete),
    )
    .post(
        "/calendar/overrides/{day}/delete",
        LoggedIn,
        post(pages::calendar::delete_override),
    )
    .get("/audit", LoggedIn, get(pages::audit::list))
    .get("/plans", LoggedIn, get(pages::plans::list))
    .get("/plans/new", LoggedIn, get(pages::plans::new_form))
    .get("/plans/import", LoggedIn, get(pages::imports::upload_form))
    .post("/plans/import", LoggedIn, post(pages::imports::upload))
    .post(
        "/plans/import/preview",
        LoggedIn,
        post(pages::imports::preview),
    )
    .post(
        "/plans/import/commit",
        LoggedIn,
        post(pages::imports::commit),
    )
    .get(
        "/plans/{id}/reimport",
        LoggedIn,
        get(pages::imports::reupload_form),
    )
    .post(
        "/plans/{id}/reimport",
        LoggedIn,
        post(pages::imports::reupload),
    )
    .post(
        "/plans/{id}/reimport/apply",
        LoggedIn,
        post(pages::imports::apply),
    )
    .get("/plans/{id}/export", LoggedIn, get(pages::imports::export))
    .post("/plans", LoggedIn, post(pages::plans::create))
    .get("/plans/{id}", LoggedIn, get(pages::plans::show))
    .get("/plans/{id}/edit", LoggedIn, get(pages::plans::edit_form))
    .post("/plans/{id}", LoggedIn, post(pages::plans::update))
    .post(
        "/plans/{id}/renumber",
        LoggedIn,
        post(pages::plans::renumber),
    )
    .get(
        "/plans/{id}/items/new",
        LoggedIn,
        get(pages::items::new_form),
    )
    .post("/plans/{id}/items", LoggedIn, post(pages::items::create))
    .get("/items/{id}/edit", LoggedIn, get(pages::items::edit_form))
    .post("/items/{id}", LoggedIn, post(pages::items::update))
    .post("/items/{id}/move", LoggedIn, post(pages::items::move_item))
    .get(
        "/items/{id}/delete",
        LoggedIn,
        get(pages::items::delete_form),
    )
    .post("/items/{id}/delete", LoggedIn, post(pages::items::delete))
    .get("/tasks/{id}", LoggedIn, get(pages::tasks::show))
    .post(
        "/tracking/{id}/report",
        LoggedIn,
        post(pages::tasks::report),
    )
    .post(
        "/tracking/{id}/confirm",
        LoggedIn,
        post(pages::tasks::confirm),
    )
    .post(
        "/tracking/{id}/return",
        LoggedIn,
        post(pages::tasks::send_back),
    )
    .post(
        "/tracking/{id}/evidence",
        LoggedIn,
        post(pages::tasks::upload).layer(axum::extract::DefaultBodyLimit::max(
            cchc_app::tracking::MAX_EVIDENCE_BYTES + 64 * 1024,
        )),
    )
    .get("/evidence/{id}", LoggedIn, get(pages::tasks::download))
    .post(
        "/evidence/{id}/remove",
        LoggedIn,
        post(pages::tasks::remove),
    )
    .post(
        "/occurrences/{id}/due",
        LoggedIn,
        post(pages::tasks::set_due),
    )
    .get("/my", LoggedIn, get(pages::work::my))
    .get("/work", LoggedIn, get(pages::work::list))
    .get("/work.csv", LoggedIn, get(pages::work::export_csv))
    .get("/work.xlsx", LoggedIn, get(pages::work::export_xlsx))
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
    .get("/reports", LoggedIn, get(pages::reports::rounds::list))
    .get(
        "/reports/new",
        LoggedIn,
        get(pages::reports::open::new_form),
    )
    .post("/reports", LoggedIn, post(pages::reports::open::open))
    .get(
        "/reports/timeliness",
        LoggedIn,
        get(pages::reports::timeliness::show),
    )
    .get(
        "/reports/rounds/{id}",
        LoggedIn,
        get(pages::reports::rounds::show),
    )
    .get(
        "/reports/rounds/{id}/close",
        LoggedIn,
        get(pages::reports::rounds::close_form),
    )
    .post(
        "/reports/rounds/{id}/close",
        LoggedIn,
        post(pages::reports::rounds::close),
    )
    .get(
        "/reports/rounds/{id}/consolidated",
        LoggedIn,
        get(pages::reports::consolidated::show),
    )
    .post(
        "/reports/rounds/{id}/figures",
        LoggedIn,
        post(pages::reports::consolidated::set_figure),
    )
    .get(
        "/reports/rounds/{id}/document",
        LoggedIn,
        get(pages::reports::consolidated::document),
    )
    .get("/reports/{id}", LoggedIn, get(pages::reports::report::show))
    .post(
        "/reports/{id}/draft",
        LoggedIn,
        post(pages::reports::report::save_draft),
    )
    .post(
        "/reports/{id}/autosave",
        LoggedIn,
        post(pages::reports::report::autosave),
    )
    .post(
        "/reports/{id}/figures",
        LoggedIn,
        post(pages::reports::report::set_figure),
    )
    .get(
        "/reports/{id}/submit",
        LoggedIn,
        get(pages::reports::review::submit_form),
    )
    .post(
        "/reports/{id}/submit",
        LoggedIn,
        post(pages::reports::review::submit),
    )
    .get(
        "/reports/{id}/accept",
        LoggedIn,
        get(pages::reports::review::accept_form),
    )
    .post(
        "/reports/{id}/accept",
        LoggedIn,
        post(pages::reports::review::accept),
    )
    .post(
        "/reports/{id}/return",
        LoggedIn,
        post(pages::reports::review::send_back),
    )
    .get(
        "/reports/{id}/diff",
        LoggedIn,
        get(pages::reports::history::diff),
    )
    .get(
        "/reports/{id}/versions/{number}",
        LoggedIn,
        get(pages::reports::history::version),
    )
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
        "/api/v1/calendar/working-days",
        LoggedIn,
        get(api::calendar::working_days),
    )
    .get(
        "/api/v1/calendar/{year}",
        LoggedIn,
        get(api::calendar::year),
    )
    .put(
        "/api/v1/calendar/overrides/{day}",
        LoggedIn,
        put(api::calendar::put_override),
    )
    .delete(
        "/api/v1/calendar/overrides/{day}",
        LoggedIn,
        delete(api::calendar::delete_override),
    )
    .get("/api/v1/plans", LoggedIn, get(api::plans::list))
    .post("/api/v1/plans/import", LoggedIn, post(api::imports::import))
    .get(
        "/api/v1/plans/{id}/export",
        LoggedIn,
        get(api::imports::export),
    )
    .post("/api/v1/plans", LoggedIn, post(api::plans::create))
    .get("/api/v1/plans/{id}", LoggedIn, get(api::plans::show))
    .put("/api/v1/plans/{id}", LoggedIn, put(api::plans::update))
    .post(
        "/api/v1/plans/{id}/items",
        LoggedIn,
        post(api::plans::create_item),
    )
    .put("/api/v1/items/{id}", LoggedIn, put(api::plans::update_item))
    .get("/api/v1/tasks/{id}", LoggedIn, get(api::plans::task))
    .get("/api/v1/work", LoggedIn, get(api::plans::work))
    .post(
        "/api/v1/tracking/{id}/report",
        LoggedIn,
        post(api::plans::report),
    )
    .post(
        "/api/v1/tracking/{id}/confirm",
        LoggedIn,
        post(api::plans::confirm),
    )
    .post(
        "/api/v1/tracking/{id}/return",
        LoggedIn,
        post(api::plans::send_back),
    )
    .put(
        "/api/v1/occurrences/{id}/due",
        LoggedIn,
        put(api::plans::set_due),
    )
    .post(
        "/api/v1/tracking/{id}/evidence",
        LoggedIn,
        post(api::plans::upload).layer(axum::extract::DefaultBodyLimit::max(
            cchc_app::tracking::MAX_EVIDENCE_BYTES + 64 * 1024,
        )),
    )
    .get("/api/v1/evidence/{id}", LoggedIn, get(api::plans::download))
    .get(
        "/api/v1/notifications",
        LoggedIn,
        get(api::notifications::list),
    )
    .post("/api/v1/reminders", LoggedIn, post(api::reminders::create))
    .get(
        "/api/v1/reports/types",
        LoggedIn,
        get(api::reports::rounds::types),
    )
    .get(
        "/api/v1/reports/periods",
        LoggedIn,
        get(api::reports::rounds::periods),
    )
    .get(
        "/api/v1/reports/rounds",
        LoggedIn,
        get(api::reports::rounds::list),
    )
    .post(
        "/api/v1/reports/rounds",
        LoggedIn,
        post(api::reports::rounds::open),
    )
    .get(
        "/api/v1/reports/rounds/{id}",
        LoggedIn,
        get(api::reports::rounds::show),
    )
    .post(
        "/api/v1/reports/rounds/{id}/close",
        LoggedIn,
        post(api::reports::rounds::close),
    )
    .get(
        "/api/v1/reports/rounds/{id}/consolidated",
        LoggedIn,
        get(api::reports::overview::consolidated),
    )
    .put(
        "/api/v1/reports/rounds/{id}/figures",
        LoggedIn,
        put(api::reports::overview::set_department_figure),
    )
    .get(
        "/api/v1/reports/timeliness",
        LoggedIn,
        get(api::reports::overview::timeliness),
    )
    .get(
        "/api/v1/reports/{id}",
        LoggedIn,
        get(api::reports::unit_reports::show),
    )
    .put(
        "/api/v1/reports/{id}/draft",
        LoggedIn,
        put(api::reports::unit_reports::save_draft),
    )
    .put(
        "/api/v1/reports/{id}/figures",
        LoggedIn,
        put(api::reports::unit_reports::set_figure),
    )
    .post(
        "/api/v1/reports/{id}/submit",
        LoggedIn,
        post(api::reports::unit_reports::submit),
    )
    .post(
        "/api/v1/reports/{id}/return",
        LoggedIn,
        post(api::reports::unit_reports::send_back),
    )
    .post(
        "/api/v1/reports/{id}/accept",
        LoggedIn,
        post(api::reports::unit_reports::accept),
    )
    .get(
        "/api/v1/reports/{id}/versions",
        LoggedIn,
        get(api::reports::unit_reports::versions),
    )
    .get(
        "/api/v1/reports/{id}/diff",
        LoggedIn,
        get(api::reports::unit_reports::diff),
    )
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
