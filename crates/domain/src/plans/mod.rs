//! Plans (kế hoạch) and their items: sections by reform area, groups and
//! tasks (nhiệm vụ) in the plan's own numbering, with the units assigned to
//! each task. Also who may see and manage a plan.

mod items;
mod numbering;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::actor::Actor;
use crate::error::ValidationErrors;
use crate::roles::Role;
use crate::schedule::PlanPeriod;
use crate::text;
use crate::units::UnitId;

pub use items::{
    ItemDraft, ItemKind, PlanItem, TaskRole, TaskUnit, ValidItem, format_budget, parse_budget,
};
pub use numbering::{renumber, roman};

pub type PlanId = i64;
pub type ItemId = i64;

/// Roles that see a whole plan when they cover its issuing unit.
pub const PLAN_VIEW_ROLES: [Role; 4] = [Role::Coordinator, Role::Viewer, Role::Leader, Role::Staff];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    Draft,
    Issued,
    Closed,
}

impl PlanStatus {
    pub const ALL: [PlanStatus; 3] = [Self::Draft, Self::Issued, Self::Closed];

    pub fn code(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Issued => "issued",
            Self::Closed => "closed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Draft => "Dự thảo",
            Self::Issued => "Đã ban hành",
            Self::Closed => "Đã kết thúc",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    pub id: PlanId,
    /// Number and symbol as issued, e.g. "123/KH-SYT" (may be blank in a draft).
    pub number: String,
    pub title: String,
    pub issuing_unit_id: UnitId,
    pub issued_on: Option<NaiveDate>,
    pub first_year: i32,
    pub last_year: i32,
    /// One legal basis (căn cứ) per line.
    pub legal_bases: Vec<String>,
    pub status: PlanStatus,
    pub version: i64,
}

impl Plan {
    /// The plan's years; `None` only for years a validated plan cannot have.
    pub fn period(&self) -> Option<PlanPeriod> {
        PlanPeriod::new(self.first_year, self.last_year).ok()
    }

    /// "Năm 2026" or "Giai đoạn 2021 - 2025".
    pub fn period_label(&self) -> String {
        if self.first_year == self.last_year {
            format!("Năm {}", self.first_year)
        } else {
            format!("Giai đoạn {} - {}", self.first_year, self.last_year)
        }
    }

    /// A coordinator covering the issuing unit manages the plan.
    pub fn managed_by(&self, actor: &Actor) -> bool {
        actor.covers(&[Role::Coordinator], self.issuing_unit_id)
    }

    /// Sees every item of the plan (not only its own units' tasks).
    pub fn fully_visible_to(&self, actor: &Actor) -> bool {
        actor.covers(&PLAN_VIEW_ROLES, self.issuing_unit_id)
    }
}

/// What the coordinator submits to create or edit a plan's header.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
pub struct PlanDraft {
    #[serde(default)]
    pub number: String,
    pub title: String,
    pub issuing_unit_id: Option<UnitId>,
    #[serde(default)]
    pub issued_on: Option<NaiveDate>,
    pub first_year: Option<i32>,
    #[serde(default)]
    pub last_year: Option<i32>,
    #[serde(default)]
    pub legal_bases: Vec<String>,
    #[serde(default)]
    pub status: Option<String>,
}

/// A validated [`PlanDraft`].
#[derive(Debug, Clone, PartialEq)]
pub struct ValidPlan {
    pub number: String,
    pub title: String,
    pub issuing_unit_id: UnitId,
    pub issued_on: Option<NaiveDate>,
    pub first_year: i32,
    pub last_year: i32,
    pub legal_bases: Vec<String>,
    pub status: PlanStatus,
}

impl ValidPlan {
    pub fn search_text(&self) -> String {
        text::fold(&format!("{} {}", self.number, self.title))
    }
}

impl PlanDraft {
    pub fn validate(&self) -> Result<ValidPlan, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let title = text::clean(&self.title);
        if title.is_empty() {
            errors.add("title", "Tên kế hoạch không được để trống.");
        } else if title.chars().count() > 500 {
            errors.add("title", "Tên kế hoạch dài quá 500 ký tự.");
        }
        let number = text::clean(&self.number);
        if number.chars().count() > 60 {
            errors.add("number", "Số, ký hiệu dài quá 60 ký tự.");
        }
        if self.issuing_unit_id.is_none() {
            errors.add("issuing_unit_id", "Chọn đơn vị ban hành kế hoạch.");
        }
        let first_year = self.first_year.unwrap_or(0);
        let last_year = self.last_year.unwrap_or(first_year);
        if !(2000..=2100).contains(&first_year) {
            errors.add("first_year", "Năm bắt đầu phải trong khoảng 2000 - 2100.");
        } else if last_year < first_year || last_year - first_year > 10 {
            errors.add(
                "last_year",
                "Năm kết thúc phải từ năm bắt đầu trở đi và không quá 10 năm.",
            );
        }
        let status = match self.status.as_deref().map(str::trim) {
            None | Some("") => PlanStatus::Draft,
            Some(code) => PlanStatus::parse(code).unwrap_or_else(|| {
                errors.add("status", "Trạng thái kế hoạch không hợp lệ.");
                PlanStatus::Draft
            }),
        };
        let legal_bases = self
            .legal_bases
            .iter()
            .flat_map(|b| b.lines())
            .map(text::clean)
            .filter(|b| !b.is_empty())
            .collect();
        errors.into_result()?;
        Ok(ValidPlan {
            number,
            title,
            issuing_unit_id: self.issuing_unit_id.unwrap_or_default(),
            issued_on: self.issued_on,
            first_year,
            last_year,
            legal_bases,
            status,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> PlanDraft {
        PlanDraft {
            number: " 123/KH-SYT ".into(),
            title: "Kế hoạch  cải cách hành chính năm 2026".into(),
            issuing_unit_id: Some(1),
            first_year: Some(2026),
            legal_bases: vec!["Căn cứ A\n\nCăn cứ B".into()],
            ..Default::default()
        }
    }

    #[test]
    fn a_plan_draft_is_cleaned_and_defaults_to_one_year() {
        let plan = draft().validate().unwrap();
        assert_eq!(plan.number, "123/KH-SYT");
        assert_eq!(plan.title, "Kế hoạch cải cách hành chính năm 2026");
        assert_eq!((plan.first_year, plan.last_year), (2026, 2026));
        assert_eq!(plan.legal_bases, vec!["Căn cứ A", "Căn cứ B"]);
        assert_eq!(plan.status, PlanStatus::Draft);
    }

    #[test]
    fn bad_plan_drafts_name_every_problem() {
        let bad = PlanDraft {
            title: "  ".into(),
            first_year: Some(2026),
            last_year: Some(2020),
            status: Some("xyz".into()),
            ..Default::default()
        };
        let errors = bad.validate().unwrap_err();
        for field in ["title", "issuing_unit_id", "last_year", "status"] {
            assert!(errors.for_field(field).is_some(), "{field}: {errors:?}");
        }
    }
}
