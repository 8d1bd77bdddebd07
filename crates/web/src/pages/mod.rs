//! HTML pages, one module per capability.

pub mod account;
pub mod audit;
pub mod calendar;
pub mod home;
pub mod imports;
pub mod items;
pub mod login;
pub mod notifications;
pub mod plans;
pub mod reminders;
pub mod reports;
pub mod tasks;
pub mod units;
pub mod users;
pub mod work;

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

/// A date typed in a form: `dd/mm/yyyy` as users write it (also `d/m/yyyy`,
/// `dd-mm-yyyy`, `dd.mm.yyyy`) or ISO `yyyy-mm-dd`. Empty means none;
/// anything else is an error naming the expected form.
pub(crate) fn date_input(
    field: &'static str,
    value: &str,
) -> Result<Option<chrono::NaiveDate>, cchc_domain::ValidationErrors> {
    let v = value.trim();
    if v.is_empty() {
        return Ok(None);
    }
    let parsed = chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d")
        .ok()
        .or_else(|| {
            let parts: Vec<&str> = v.split(['/', '-', '.']).map(str::trim).collect();
            match parts.as_slice() {
                [d, m, y] if y.len() == 4 => chrono::NaiveDate::from_ymd_opt(
                    y.parse().ok()?,
                    m.parse().ok()?,
                    d.parse().ok()?,
                ),
                _ => None,
            }
        });
    parsed.map(Some).ok_or_else(|| {
        cchc_domain::ValidationErrors::single(
            field,
            format!("Ngày “{v}” không hợp lệ; nhập theo dạng ngày/tháng/năm, ví dụ 31/12/2026."),
        )
    })
}

/// [`date_input`] for filters: an unreadable date is ignored.
pub(crate) fn opt_date(value: &str) -> Option<chrono::NaiveDate> {
    date_input("date", value).ok().flatten()
}

/// The errors a form shows again (validation, conflict, duplicate), with
/// their status; any other error becomes an error page.
pub(crate) fn form_errors(
    error: cchc_app::AppError,
) -> Result<(axum::http::StatusCode, cchc_domain::ValidationErrors), crate::views::PageError> {
    use cchc_app::AppError;
    let status = crate::error::status_of(&error);
    match error {
        AppError::Validation(errors) => Ok((status, errors)),
        AppError::Conflict | AppError::Duplicate(_) => Ok((
            status,
            cchc_domain::ValidationErrors::single("form", error.to_string()),
        )),
        other => Err(other.into()),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    #[test]
    fn reads_dates_as_users_type_them() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        for input in [
            "05/03/2026",
            "5/3/2026",
            "05-03-2026",
            "05.03.2026",
            "2026-03-05",
            " 05/03/2026 ",
        ] {
            assert_eq!(super::date_input("f", input).unwrap(), Some(d), "{input}");
        }
        assert_eq!(super::date_input("f", "").unwrap(), None);
        for bad in ["31/02/2026", "03/2026", "hôm nay", "05/03/26"] {
            let err = super::date_input("f", bad).unwrap_err();
            assert!(err.summary().contains("ngày/tháng/năm"), "{bad}");
        }
    }
}
