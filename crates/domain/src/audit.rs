//! Audit log entries: who changed which entity, when, with the state before and after.

use chrono::{DateTime, Utc};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor_user_id: Option<i64>,
    pub actor_name: String,
    pub action: String,
    pub entity_type: String,
    pub entity_id: String,
    pub summary: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub ip: Option<String>,
}

/// Audit action codes and their Vietnamese labels, for the log viewer.
pub const ACTIONS: &[(&str, &str)] = &[
    ("create", "Tạo mới"),
    ("update", "Cập nhật"),
    ("delete", "Xóa"),
    ("close", "Đóng"),
    ("password", "Đổi mật khẩu"),
    ("login", "Đăng nhập"),
    ("login_failed", "Đăng nhập thất bại"),
    ("logout", "Đăng xuất"),
    ("token_create", "Tạo mã truy cập API"),
    ("move", "Di chuyển"),
    ("renumber", "Đánh số lại"),
    ("import", "Nhập từ tệp"),
    ("report", "Báo cáo kết quả"),
    ("confirm", "Xác nhận"),
    ("return", "Trả lại"),
    ("set_due", "Đặt thời hạn"),
    ("upload", "Tải lên"),
    ("remove", "Gỡ bỏ"),
    ("remind", "Đôn đốc, nhắc việc"),
    ("open", "Mở kỳ báo cáo"),
    ("save_draft", "Lưu bản nháp"),
    ("set_figure", "Điều chỉnh số liệu"),
    ("submit", "Gửi báo cáo"),
    ("accept", "Tiếp nhận báo cáo"),
];

/// Entity type codes and their Vietnamese labels.
pub const ENTITIES: &[(&str, &str)] = &[
    ("unit", "Đơn vị"),
    ("user", "Người dùng"),
    ("session", "Phiên đăng nhập"),
    ("api_token", "Mã truy cập API"),
    ("plan", "Kế hoạch"),
    ("plan_item", "Mục kế hoạch"),
    ("occurrence", "Lần thực hiện"),
    ("tracking", "Kết quả thực hiện"),
    ("evidence", "Tài liệu kiểm chứng"),
    ("calendar_override", "Điều chỉnh lịch làm việc"),
    ("reminder", "Nhắc việc"),
    ("report_round", "Kỳ báo cáo"),
    ("unit_report", "Báo cáo của đơn vị"),
];

fn label<'a>(table: &[(&str, &'static str)], code: &'a str) -> &'a str {
    table
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(code, |(_, l)| l)
}

pub fn action_label(action: &str) -> &str {
    label(ACTIONS, action)
}

pub fn entity_label(entity: &str) -> &str {
    label(ENTITIES, entity)
}
