//! What every page shares: the navigation frame, notices, formatting of
//! dates and numbers the Vietnamese way, rendering and the error page.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::{DateTime, NaiveDate, Utc};

use cchc_app::AppError;
use cchc_domain::actor::Actor;
use cchc_domain::roles::Role;

use crate::error::status_of;

pub struct NavItem {
    pub href: &'static str,
    pub label: &'static str,
    pub active: bool,
}

pub struct NavGroup {
    pub label: &'static str,
    pub items: Vec<NavItem>,
}

/// The query of a page that only shows a notice: `?ok=` left by a
/// redirect after saving (see [`Chrome::with_notice`]).
#[derive(serde::Deserialize, Default)]
pub struct NoticeQuery {
    #[serde(default)]
    pub ok: Option<String>,
}

/// The frame around every logged-in page.
pub struct Chrome {
    pub title: String,
    pub full_name: String,
    pub username: String,
    pub roles: String,
    pub nav: Vec<NavGroup>,
    pub notice: Option<&'static str>,
}

impl Chrome {
    pub fn new(actor: &Actor, active: &str, title: impl Into<String>) -> Chrome {
        let item = |href: &'static str, label: &'static str| NavItem {
            href,
            label,
            active: href == active,
        };
        let mut nav = vec![NavGroup {
            label: "Chung",
            items: vec![
                item("/", "Tổng quan"),
                item("/my", "Việc của đơn vị tôi"),
                item("/calendar", "Lịch làm việc"),
            ],
        }];
        nav.push(NavGroup {
            label: "Kế hoạch CCHC",
            items: vec![
                item("/plans", "Kế hoạch"),
                item("/work", "Theo dõi nhiệm vụ"),
                item("/reports", "Báo cáo định kỳ"),
            ],
        });
        let mut org = vec![item("/units", "Cơ cấu tổ chức")];
        if actor.has_any_role(&[Role::Admin, Role::Coordinator, Role::Leader]) {
            org.push(item("/users", "Người dùng"));
        }
        nav.push(NavGroup {
            label: "Tổ chức",
            items: org,
        });
        if actor.has_any_role(&[Role::Coordinator, Role::Admin]) {
            let mut reminders = vec![item("/reminders", "Nhật ký nhắc việc")];
            if actor.has_role(Role::Coordinator) {
                reminders.push(item("/reminders/new", "Gửi nhắc việc"));
            }
            nav.push(NavGroup {
                label: "Đôn đốc, nhắc việc",
                items: reminders,
            });
        }
        if actor.covers_all(&[Role::Admin]) {
            nav.push(NavGroup {
                label: "Quản trị",
                items: vec![item("/audit", "Nhật ký hệ thống")],
            });
        }
        nav.push(NavGroup {
            label: "Cá nhân",
            items: vec![
                item("/notifications", "Thông báo"),
                item("/account", "Tài khoản của tôi"),
                item("/api/docs/", "Tài liệu API"),
            ],
        });
        let mut roles: Vec<&str> = actor.roles.iter().map(|r| r.role.label()).collect();
        roles.dedup();
        Chrome {
            title: title.into(),
            full_name: actor.full_name.clone(),
            username: actor.username.clone(),
            roles: roles.join(", "),
            nav,
            notice: None,
        }
    }

    /// Shows the message for a `?ok=` code left by a redirect after saving.
    pub fn with_notice(mut self, code: Option<&str>) -> Chrome {
        self.notice = code.and_then(notice);
        self
    }
}

fn notice(code: &str) -> Option<&'static str> {
    Some(match code {
        "created" => "Đã tạo mới thành công.",
        "saved" => "Đã lưu thay đổi.",
        "closed" => "Đã đóng đơn vị. Lịch sử của đơn vị vẫn được giữ lại.",
        "password" => "Đã đặt mật khẩu mới. Các phiên đăng nhập cũ của người dùng đã kết thúc.",
        "deleted" => "Đã xóa.",
        "renumbered" => "Đã đánh số lại các mục của kế hoạch.",
        "imported" => {
            "Đã nhập kế hoạch từ tệp. Kiểm tra các mục “cần xác định thời hạn” và đơn vị thực hiện."
        }
        "reported" => "Đã gửi báo cáo kết quả.",
        "confirmed" => "Đã xác nhận hoàn thành.",
        "returned" => "Đã trả lại báo cáo cho đơn vị.",
        "uploaded" => "Đã tải lên tài liệu kiểm chứng.",
        "removed" => "Đã gỡ tài liệu.",
        "calendar_saved" => {
            "Đã lưu điều chỉnh lịch làm việc. Các hạn xử lý được tính theo lịch mới."
        }
        "calendar_removed" => "Đã xóa điều chỉnh. Ngày này trở lại theo quy định chung.",
        "read" => "Đã đánh dấu tất cả thông báo là đã đọc.",
        "round_opened" => "Đã mở kỳ báo cáo. Các đơn vị đã có bản nháp báo cáo để bắt đầu viết.",
        "round_closed" => "Đã đóng kỳ báo cáo. Các báo cáo trong kỳ không thay đổi được nữa.",
        "draft_saved" => "Đã lưu bản nháp báo cáo.",
        "figure_saved" => "Đã lưu điều chỉnh số liệu.",
        "figure_restored" => "Đã bỏ điều chỉnh; số liệu trở lại theo dữ liệu tự động.",
        "report_submitted" => "Đã gửi báo cáo. Đầu mối CCHC sẽ xem xét và tiếp nhận.",
        "report_returned" => "Đã trả lại báo cáo cho đơn vị kèm ý kiến.",
        "report_accepted" => "Đã tiếp nhận báo cáo. Báo cáo đã được khóa.",
        _ => return None,
    })
}

pub fn date_vn(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

pub fn opt_date_vn(date: Option<NaiveDate>) -> String {
    date.map(date_vn).unwrap_or_default()
}

/// An instant shown in Vietnam time (UTC+7).
pub fn datetime_vn(at: DateTime<Utc>) -> String {
    (at + chrono::Duration::hours(7))
        .format("%d/%m/%Y %H:%M:%S")
        .to_string()
}

/// An instant in Vietnam time to the minute: "02/03/2026 09:05".
pub fn datetime_hm_vn(at: DateTime<Utc>) -> String {
    (at + chrono::Duration::hours(7))
        .format("%d/%m/%Y %H:%M")
        .to_string()
}

/// The time of day of an instant in Vietnam time: "09:05".
pub fn time_vn(at: DateTime<Utc>) -> String {
    (at + chrono::Duration::hours(7))
        .format("%H:%M")
        .to_string()
}

pub use cchc_domain::text::number_vn;

/// Percent-encodes `s` for a URL or an RFC 5987 header value: ASCII letters,
/// digits, `-`, `_`, `.` and the bytes in `also_keep` stay as they are.
pub fn percent_encode(s: &str, also_keep: &[u8]) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.".contains(&b) || also_keep.contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

pub fn render<T: Template>(template: &T) -> Response {
    match template.render() {
        Ok(html) => Html(html).into_response(),
        Err(error) => {
            tracing::error!(%error, "template rendering failed");
            (StatusCode::INTERNAL_SERVER_ERROR, "Lỗi hiển thị trang.").into_response()
        }
    }
}

/// Pagination numbers for list pages.
pub struct Pager {
    pub page: i64,
    pub pages: i64,
    pub total: i64,
    pub prev: Option<i64>,
    pub next: Option<i64>,
}

impl Pager {
    pub fn new(page: i64, per_page: i64, total: i64) -> Pager {
        let pages = ((total + per_page - 1) / per_page).max(1);
        let page = page.clamp(1, pages);
        Pager {
            page,
            pages,
            total,
            prev: (page > 1).then_some(page - 1),
            next: (page < pages).then_some(page + 1),
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    status: u16,
    message: String,
}

/// A use-case error on an HTML page.
pub struct PageError(pub AppError);

impl From<AppError> for PageError {
    fn from(error: AppError) -> Self {
        Self(error)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        if matches!(self.0, AppError::Unauthenticated) {
            return Redirect::to("/login").into_response();
        }
        let status = status_of(&self.0);
        let page = ErrorPage {
            status: status.as_u16(),
            message: self.0.to_string(),
        };
        (status, render(&page)).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_formats() {
        assert_eq!(number_vn(1234567), "1.234.567");
        assert_eq!(number_vn(-1000), "-1.000");
        assert_eq!(number_vn(12), "12");
        assert_eq!(
            date_vn(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()),
            "02/03/2026"
        );
        let at = DateTime::parse_from_rfc3339("2026-03-01T20:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(datetime_vn(at), "02/03/2026 03:30:00");
    }

    #[test]
    fn pager_clamps() {
        let p = Pager::new(9, 25, 51);
        assert_eq!((p.page, p.pages, p.prev, p.next), (3, 3, Some(2), None));
        let p = Pager::new(1, 25, 0);
        assert_eq!((p.page, p.pages, p.prev, p.next), (1, 1, None, None));
    }
}
