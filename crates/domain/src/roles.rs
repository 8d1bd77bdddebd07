//! Roles (vai trò) are granted to a user for a unit and its whole subtree,
//! or for the whole organisation when no unit is given.

use serde::{Deserialize, Serialize};

use crate::units::UnitId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Quản trị hệ thống: units, users, audit log, calendar.
    Admin,
    /// Đầu mối CCHC: manages all reform work in scope.
    Coordinator,
    /// Lãnh đạo đơn vị: confirms and approves the unit's work.
    Leader,
    /// Chuyên viên: does and reports the unit's work.
    Staff,
    /// Chỉ xem, e.g. the director.
    Viewer,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Self::Admin,
        Self::Coordinator,
        Self::Leader,
        Self::Staff,
        Self::Viewer,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Coordinator => "coordinator",
            Self::Leader => "leader",
            Self::Staff => "staff",
            Self::Viewer => "viewer",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Admin => "Quản trị hệ thống",
            Self::Coordinator => "Đầu mối CCHC",
            Self::Leader => "Lãnh đạo đơn vị",
            Self::Staff => "Chuyên viên",
            Self::Viewer => "Chỉ xem",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code.trim())
    }
}

/// A role as stored: for one unit (and its subtree) or for everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RoleGrant {
    pub role: Role,
    pub unit_id: Option<UnitId>,
}
