//! HTML pages, one module per capability.

pub mod account;
pub mod audit;
pub mod home;
pub mod login;
pub mod units;
pub mod users;

use axum::extract::State;
use axum::http::StatusCode;

use crate::AppState;

/// `GET /healthz`: 200 `ok` when the database answers.
pub async fn health(State(state): State<AppState>) -> (StatusCode, &'static str) {
    match state.app.db().ping().await {
        Ok(()) => (StatusCode::OK, "ok"),
        Err(error) => {
            tracing::error!(%error, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}

/// Parses an optional form field: empty means none.
pub(crate) fn opt_text(value: &str) -> Option<String> {
    let v = value.trim();
    (!v.is_empty()).then(|| v.to_string())
}

pub(crate) fn opt_id(value: &str) -> Option<i64> {
    value.trim().parse().ok()
}

pub(crate) fn opt_date(value: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").ok()
}
