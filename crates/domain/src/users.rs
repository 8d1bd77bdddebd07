//! User accounts: validation of usernames, names and passwords.

use serde::{Deserialize, Serialize};

use crate::error::ValidationErrors;
use crate::roles::RoleGrant;
use crate::text;
use crate::units::UnitId;

pub const MIN_PASSWORD_CHARS: usize = 8;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct User {
    pub id: i64,
    pub username: String,
    pub full_name: String,
    pub email: Option<String>,
    pub unit_id: Option<UnitId>,
    pub is_active: bool,
    pub roles: Vec<RoleGrant>,
    pub version: i64,
}

/// Usernames are lower-case ASCII so they can be typed on any keyboard.
pub fn normalise_username(input: &str) -> String {
    input.trim().to_lowercase()
}

pub fn validate_username(username: &str, errors: &mut ValidationErrors) {
    let ok_chars = username
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if username.len() < 2 || username.len() > 64 || !ok_chars {
        errors.add(
            "username",
            "Tên đăng nhập gồm 2–64 ký tự: chữ không dấu, số và các ký tự . _ -",
        );
    }
}

pub fn validate_password(password: &str, errors: &mut ValidationErrors) {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        errors.add(
            "password",
            format!("Mật khẩu phải có ít nhất {MIN_PASSWORD_CHARS} ký tự."),
        );
    } else if password.chars().count() > 256 {
        errors.add("password", "Mật khẩu dài quá 256 ký tự.");
    }
}

/// Profile fields of a user as submitted by the admin.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
pub struct UserProfile {
    pub full_name: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub unit_id: Option<UnitId>,
}

impl UserProfile {
    pub fn normalised(mut self) -> Self {
        self.full_name = text::clean(&self.full_name);
        self.email = self
            .email
            .map(|e| e.trim().to_string())
            .filter(|e| !e.is_empty());
        self
    }

    pub fn validate(&self, errors: &mut ValidationErrors) {
        if self.full_name.is_empty() {
            errors.add("full_name", "Họ và tên không được để trống.");
        } else if self.full_name.chars().count() > 255 {
            errors.add("full_name", "Họ và tên dài quá 255 ký tự.");
        }
        if let Some(email) = &self.email {
            let valid = email.len() <= 254
                && email.split_once('@').is_some_and(|(local, domain)| {
                    !local.is_empty()
                        && domain.contains('.')
                        && !domain.starts_with('.')
                        && !domain.ends_with('.')
                })
                && !email.contains(char::is_whitespace);
            if !valid {
                errors.add("email", "Địa chỉ email không hợp lệ.");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn username_rules() {
        let mut e = ValidationErrors::default();
        validate_username(&normalise_username("  Nguyen.Van_A "), &mut e);
        assert!(e.is_empty());
        validate_username("nguyễn", &mut e);
        assert_eq!(e.0.len(), 1);
    }

    #[test]
    fn profile_rules() {
        let mut e = ValidationErrors::default();
        let p = UserProfile {
            full_name: "  Nguyễn  Văn A ".into(),
            email: Some("a@b".into()),
            unit_id: None,
        }
        .normalised();
        p.validate(&mut e);
        assert_eq!(p.full_name, "Nguyễn Văn A");
        assert!(e.for_field("email").is_some());
        let mut e = ValidationErrors::default();
        validate_password("ngắn", &mut e);
        assert!(e.for_field("password").unwrap().contains("8"));
    }
}
