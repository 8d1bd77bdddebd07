//! Per-date overrides of the rules: the government's yearly decisions (Tết
//! days, swapped working days) and any local decision, kept as data.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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
