//! Per-date overrides of the rules: the government's yearly decisions (Tết
//! days, swapped working days) and any local decision, kept as data.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::lunar::LUNAR_SUPPORTED_YEARS;
use crate::error::ValidationErrors;
use crate::text;

/// What an override makes of its date; it wins over the weekend and holiday rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum OverrideKind {
    /// A day off, e.g. an extra Tết day or the weekday given in a swap.
    DayOff { name: String },
    /// A working day, e.g. the Saturday worked in a swap.
    WorkingDay { name: String },
}

/// One dated override.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Override {
    pub date: NaiveDate,
    #[serde(flatten)]
    pub kind: OverrideKind,
}

impl Override {
    /// An override making `date` a day off.
    pub fn day_off(date: NaiveDate, name: impl Into<String>) -> Self {
        let name = name.into();
        Override {
            date,
            kind: OverrideKind::DayOff { name },
        }
    }

    /// An override making `date` a working day.
    pub fn working_day(date: NaiveDate, name: impl Into<String>) -> Self {
        let name = name.into();
        Override {
            date,
            kind: OverrideKind::WorkingDay { name },
        }
    }

    /// Whether the override makes its date a day off.
    pub fn is_day_off(&self) -> bool {
        matches!(self.kind, OverrideKind::DayOff { .. })
    }

    /// The override's name (shown to users).
    pub fn name(&self) -> &str {
        match &self.kind {
            OverrideKind::DayOff { name } | OverrideKind::WorkingDay { name } => name,
        }
    }
}

impl OverrideKind {
    /// The stored code: `day_off` or `working_day`.
    pub fn code(&self) -> &'static str {
        match self {
            OverrideKind::DayOff { .. } => DAY_OFF,
            OverrideKind::WorkingDay { .. } => WORKING_DAY,
        }
    }
}

/// Code of an override making its date a day off.
pub const DAY_OFF: &str = "day_off";
/// Code of an override making its date a working day.
pub const WORKING_DAY: &str = "working_day";

/// The override kinds as (code, Vietnamese label), for forms.
pub const OVERRIDE_KINDS: [(&str, &str); 2] =
    [(DAY_OFF, "Ngày nghỉ"), (WORKING_DAY, "Ngày làm việc bù")];

/// The Vietnamese label of an override kind code.
pub fn override_kind_label(code: &str) -> &'static str {
    OVERRIDE_KINDS
        .iter()
        .find(|(c, _)| *c == code)
        .map_or("Không rõ", |(_, label)| label)
}

/// Longest accepted override name, in characters.
const NAME_MAX: usize = 200;

/// What an administrator submits to add or replace the override of one date.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct OverrideDraft {
    pub day: Option<NaiveDate>,
    /// `day_off` or `working_day`.
    pub kind: String,
    pub name: String,
}

impl OverrideDraft {
    /// The override, or every problem with the input in Vietnamese.
    pub fn validate(&self) -> Result<Override, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        match self.day {
            None => errors.add("day", "Vui lòng nhập ngày cần điều chỉnh."),
            Some(day) if !LUNAR_SUPPORTED_YEARS.contains(&day.year()) => errors.add(
                "day",
                format!(
                    "Chỉ điều chỉnh được ngày trong các năm {}–{}.",
                    LUNAR_SUPPORTED_YEARS.start(),
                    LUNAR_SUPPORTED_YEARS.end()
                ),
            ),
            Some(_) => {}
        }
        let kind = self.kind.trim();
        if kind != DAY_OFF && kind != WORKING_DAY {
            errors.add(
                "kind",
                "Loại điều chỉnh không hợp lệ; chọn “Ngày nghỉ” hoặc “Ngày làm việc bù”.",
            );
        }
        let name = text::clean(&self.name);
        if name.is_empty() {
            errors.add(
                "name",
                "Vui lòng nhập tên hoặc lý do điều chỉnh, ví dụ “Nghỉ bù Quốc khánh”.",
            );
        } else if name.chars().count() > NAME_MAX {
            errors.add(
                "name",
                format!("Tên hoặc lý do điều chỉnh dài quá {NAME_MAX} ký tự."),
            );
        }
        errors.into_result()?;
        let day = self
            .day
            .ok_or_else(|| ValidationErrors::single("day", "Vui lòng nhập ngày cần điều chỉnh."))?;
        Ok(if kind == WORKING_DAY {
            Override::working_day(day, name)
        } else {
            Override::day_off(day, name)
        })
    }
}

/// A stored (administrator-made) override with who made it and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OverrideRecord {
    pub id: i64,
    #[serde(flatten)]
    pub rule: Override,
    pub created_by: Option<i64>,
    /// The creator's full name, when the account still exists.
    pub created_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_are_cleaned_and_checked() {
        let day = NaiveDate::from_ymd_opt(2026, 5, 4);
        let draft = OverrideDraft {
            day,
            kind: " working_day ".into(),
            name: "  Làm bù   cho thứ Hai ".into(),
        };
        let rule = draft.validate().unwrap();
        assert_eq!(rule.name(), "Làm bù cho thứ Hai");
        assert!(!rule.is_day_off());

        let errors = OverrideDraft::default().validate().unwrap_err();
        assert!(errors.for_field("day").is_some());
        assert!(errors.for_field("kind").is_some());
        assert!(errors.for_field("name").is_some());
        let far = OverrideDraft {
            day: NaiveDate::from_ymd_opt(2300, 1, 1),
            kind: DAY_OFF.into(),
            name: "x".into(),
        };
        assert!(far.validate().unwrap_err().for_field("day").is_some());
    }
}
