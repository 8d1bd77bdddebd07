//! The one error type of the use cases; the web layer maps it to a page, a
//! toast or `{"error":{"code","message"}}` with the matching status.

use cchc_domain::ValidationErrors;
use cchc_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("Bạn cần đăng nhập để tiếp tục.")]
    Unauthenticated,
    #[error("Tên đăng nhập hoặc mật khẩu không đúng.")]
    InvalidCredentials,
    #[error("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {minutes} phút.")]
    TooManyAttempts { minutes: i64 },
    #[error("Bạn không có quyền thực hiện thao tác này.")]
    Forbidden,
    #[error("{0}")]
    NotFound(&'static str),
    #[error(transparent)]
    Validation(#[from] ValidationErrors),
    #[error(
        "Dữ liệu đã được người khác thay đổi trong lúc bạn sửa. Vui lòng tải lại trang và nhập lại."
    )]
    Conflict,
    #[error("{0}")]
    Duplicate(String),
    #[error("Đã xảy ra lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên.")]
    Internal(#[source] StoreError),
}

impl AppError {
    /// Stable snake_case code for API clients.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Unauthenticated => "unauthenticated",
            Self::InvalidCredentials => "invalid_credentials",
            Self::TooManyAttempts { .. } => "too_many_attempts",
            Self::Forbidden => "forbidden",
            Self::NotFound(_) => "not_found",
            Self::Validation(_) => "validation_failed",
            Self::Conflict => "conflict",
            Self::Duplicate(_) => "duplicate",
            Self::Internal(_) => "internal_error",
        }
    }

    pub fn validation(field: &'static str, message: impl Into<String>) -> Self {
        Self::Validation(ValidationErrors::single(field, message))
    }
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Conflict => Self::Conflict,
            StoreError::NotFound => Self::NotFound("Không tìm thấy dữ liệu."),
            StoreError::Duplicate(what) => Self::Duplicate(duplicate_message(&what)),
            other => {
                tracing::error!(error = %other, "database error");
                Self::Internal(other)
            }
        }
    }
}

fn duplicate_message(constraint: &str) -> String {
    if constraint.contains("username") {
        "Tên đăng nhập này đã có người dùng.".into()
    } else if constraint.contains("code") {
        "Mã đơn vị này đã được dùng cho đơn vị khác.".into()
    } else {
        "Dữ liệu bị trùng với bản ghi đã có.".into()
    }
}
