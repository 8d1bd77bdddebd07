//! Organisation units (đơn vị): a dated tree so a merged or renamed unit keeps its history.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::ValidationErrors;
use crate::text;

pub type UnitId = i64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// Sở, the department at the root of a provincial sector.
    Department,
    /// Phòng chuyên môn / Văn phòng / Thanh tra of a department.
    Division,
    /// Đơn vị trực thuộc: hospitals, centres, ...
    Subordinate,
    /// UBND cấp huyện.
    DistrictCommittee,
    /// UBND cấp xã.
    CommuneCommittee,
    Other,
}

impl UnitKind {
    pub const ALL: [UnitKind; 6] = [
        Self::Department,
        Self::Division,
        Self::Subordinate,
        Self::DistrictCommittee,
        Self::CommuneCommittee,
        Self::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Department => "department",
            Self::Division => "division",
            Self::Subordinate => "subordinate",
            Self::DistrictCommittee => "district_committee",
            Self::CommuneCommittee => "commune_committee",
            Self::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Department => "Sở, ban, ngành",
            Self::Division => "Phòng, ban thuộc Sở",
            Self::Subordinate => "Đơn vị trực thuộc",
            Self::DistrictCommittee => "UBND cấp huyện",
            Self::CommuneCommittee => "UBND cấp xã",
            Self::Other => "Khác",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unit {
    pub id: UnitId,
    pub code: String,
    pub name: String,
    pub short_name: Option<String>,
    pub aliases: Vec<String>,
    pub kind: UnitKind,
    pub parent_id: Option<UnitId>,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
    pub version: i64,
}

impl Unit {
    /// A unit is open on `day` when `valid_from <= day` and it has not been closed by then.
    pub fn is_open_on(&self, day: NaiveDate) -> bool {
        self.valid_from <= day && self.valid_to.is_none_or(|to| day <= to)
    }

    /// The folded text searched by the tree view: code, name, short name and aliases.
    pub fn search_text(&self) -> String {
        search_text(
            &self.code,
            &self.name,
            self.short_name.as_deref(),
            &self.aliases,
        )
    }
}

pub fn search_text(code: &str, name: &str, short_name: Option<&str>, aliases: &[String]) -> String {
    let mut parts = vec![code, name];
    parts.extend(short_name);
    parts.extend(aliases.iter().map(String::as_str));
    text::fold(&parts.join(" "))
}

/// What a user submits to create or edit a unit, already cleaned by [`UnitDraft::normalised`].
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
pub struct UnitDraft {
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub short_name: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub kind: String,
    #[serde(default)]
    pub parent_id: Option<UnitId>,
    pub valid_from: Option<NaiveDate>,
    #[serde(default)]
    pub valid_to: Option<NaiveDate>,
}

impl UnitDraft {
    /// NFC, trimmed, code upper-cased, empty optionals dropped, aliases de-duplicated.
    pub fn normalised(mut self) -> Self {
        self.code = text::clean(&self.code).to_uppercase();
        self.name = text::clean(&self.name);
        self.short_name = self
            .short_name
            .map(|s| text::clean(&s))
            .filter(|s| !s.is_empty());
        let mut seen = Vec::new();
        self.aliases = self
            .aliases
            .iter()
            .flat_map(|a| a.split([',', ';', '\n']))
            .map(text::clean)
            .filter(|a| !a.is_empty())
            .filter(|a| {
                let folded = text::fold(a);
                let fresh = !seen.contains(&folded);
                seen.push(folded);
                fresh
            })
            .collect();
        self.kind = self.kind.trim().to_string();
        self
    }

    pub fn validate(&self) -> Result<UnitKind, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if self.code.is_empty() {
            errors.add("code", "Mã đơn vị không được để trống.");
        } else if self.code.len() > 32
            || !self
                .code
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
        {
            errors.add(
                "code",
                "Mã đơn vị chỉ gồm chữ không dấu, số và các ký tự - _ . (tối đa 32 ký tự).",
            );
        }
        if self.name.is_empty() {
            errors.add("name", "Tên đơn vị không được để trống.");
        } else if self.name.chars().count() > 255 {
            errors.add("name", "Tên đơn vị dài quá 255 ký tự.");
        }
        let kind = UnitKind::parse(&self.kind);
        if kind.is_none() {
            errors.add("kind", "Loại đơn vị không hợp lệ.");
        }
        if self.valid_from.is_none() {
            errors.add("valid_from", "Cần nhập ngày bắt đầu hiệu lực.");
        }
        if let (Some(from), Some(to)) = (self.valid_from, self.valid_to)
            && to < from
        {
            errors.add(
                "valid_to",
                "Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.",
            );
        }
        errors.into_result()?;
        Ok(kind.unwrap_or(UnitKind::Other))
    }
}

/// Ids of `root` and every unit below it, following `parent_id` links.
/// Cycles (which the store prevents) cannot make this loop forever.
pub fn subtree_ids(units: &[(UnitId, Option<UnitId>)], root: UnitId) -> Vec<UnitId> {
    let mut out = vec![root];
    let mut i = 0;
    while i < out.len() {
        let current = out[i];
        for &(id, parent) in units {
            if parent == Some(current) && !out.contains(&id) {
                out.push(id);
            }
        }
        i += 1;
    }
    out
}

/// True when making `new_parent` the parent of `unit` would put the unit below itself.
pub fn would_create_cycle(
    units: &[(UnitId, Option<UnitId>)],
    unit: UnitId,
    new_parent: UnitId,
) -> bool {
    subtree_ids(units, unit).contains(&new_parent)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> UnitDraft {
        UnitDraft {
            code: " vps ".into(),
            name: "  Văn phòng   Sở ".into(),
            short_name: Some("".into()),
            aliases: vec!["VP Sở; Văn phòng".into(), "vp sở".into()],
            kind: "division".into(),
            parent_id: None,
            valid_from: NaiveDate::from_ymd_opt(2020, 1, 1),
            valid_to: None,
        }
    }

    #[test]
    fn normalises_and_validates() {
        let d = draft().normalised();
        assert_eq!(d.code, "VPS");
        assert_eq!(d.name, "Văn phòng Sở");
        assert_eq!(d.short_name, None);
        assert_eq!(d.aliases, vec!["VP Sở", "Văn phòng"]);
        assert_eq!(d.validate(), Ok(UnitKind::Division));
    }

    #[test]
    fn reports_every_problem_in_vietnamese() {
        let d = UnitDraft {
            code: "mã sai".into(),
            kind: "x".into(),
            ..Default::default()
        }
        .normalised();
        let errors = d.validate().unwrap_err();
        assert!(errors.for_field("code").unwrap().contains("không dấu"));
        assert!(errors.for_field("name").is_some());
        assert!(errors.for_field("kind").is_some());
        assert!(errors.for_field("valid_from").is_some());
    }

    #[test]
    fn subtree_and_cycles() {
        let tree = [(1, None), (2, Some(1)), (3, Some(2)), (4, Some(1))];
        assert_eq!(subtree_ids(&tree, 2), vec![2, 3]);
        assert!(would_create_cycle(&tree, 2, 3));
        assert!(!would_create_cycle(&tree, 3, 4));
    }
}
