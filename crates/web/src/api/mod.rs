//! The JSON API under `/api/v1`: bearer-token authentication, errors as
//! `{"error":{"code","message"}}`, and an OpenAPI 3 document generated from
//! the handlers' annotations.

pub mod audit;
pub mod auth;
pub mod calendar;
pub mod imports;
pub mod notifications;
pub mod plans;
pub mod reminders;
pub mod reports;
pub mod units;
pub mod users;

use axum::Json;
use axum::extract::{FromRequest, FromRequestParts};
use axum::response::IntoResponse;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_swagger_ui::{Config, SwaggerUi};

use crate::AppState;
use crate::error::ApiError;

/// A JSON body whose rejection is an [`ApiError`] in our error format.
#[derive(FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct ApiJson<T>(pub T);

/// A path parameter whose rejection is an [`ApiError`].
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(ApiError))]
pub struct ApiPath<T>(pub T);

/// Query parameters whose rejection is an [`ApiError`].
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ApiError))]
pub struct ApiQuery<T>(pub T);

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(title = "cchc API", description = "API quản lý cải cách hành chính. Đăng nhập bằng POST /api/v1/auth/login rồi gửi `Authorization: Bearer <token>`."),
    paths(
        auth::login, auth::logout, auth::me,
        units::list, units::create, units::show, units::update,
        users::list, users::create, users::show, users::update,
        audit::list,
        calendar::year, calendar::working_days, calendar::put_override, calendar::delete_override,
        plans::list, plans::create, plans::show, plans::update, plans::create_item, plans::update_item,
        plans::task, plans::work, plans::report, plans::confirm, plans::send_back, plans::set_due,
        plans::upload, plans::download,
        imports::import, imports::export,
        notifications::list,
        reminders::create,
        reports::rounds::types, reports::rounds::periods, reports::rounds::list, reports::rounds::open,
        reports::rounds::show, reports::rounds::close,
        reports::overview::timeliness, reports::overview::consolidated, reports::overview::set_department_figure,
        reports::unit_reports::show, reports::unit_reports::save_draft, reports::unit_reports::set_figure,
        reports::unit_reports::submit, reports::unit_reports::send_back, reports::unit_reports::accept,
        reports::unit_reports::versions, reports::unit_reports::diff,
    ),
    modifiers(&BearerAuth),
    security(("bearer" = [])),
    tags(
        (name = "auth", description = "Đăng nhập, mã truy cập"),
        (name = "units", description = "Cơ cấu tổ chức"),
        (name = "users", description = "Người dùng và vai trò"),
        (name = "audit", description = "Nhật ký hệ thống"),
        (name = "plans", description = "Kế hoạch và các mục, nhiệm vụ"),
        (name = "tracking", description = "Theo dõi thực hiện, báo cáo kết quả, tài liệu kiểm chứng"),
        (name = "calendar", description = "Lịch làm việc: ngày nghỉ, ngày làm việc bù, tính hạn theo ngày làm việc"),
        (name = "notifications", description = "Thông báo của người dùng"),
        (name = "reminders", description = "Đôn đốc, nhắc việc"),
        (name = "reports", description = "Báo cáo định kỳ: kỳ báo cáo, báo cáo của đơn vị, tính kịp thời, báo cáo tổng hợp"),
    )
)]
pub struct ApiDoc;

pub async fn openapi_json(_: axum::extract::State<AppState>) -> impl IntoResponse {
    Json(ApiDoc::openapi())
}

/// Swagger UI at `/api/docs/`, its assets served from the binary.
pub fn swagger_ui() -> axum::Router<AppState> {
    SwaggerUi::new("/api/docs")
        .config(Config::new(["/api/v1/openapi.json"]))
        .into()
}
