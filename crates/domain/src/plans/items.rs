//! Plan items: sections (Roman numerals, one per reform area), groups that
//! only gather sub-items, and tasks that units carry out and report on.
//! Every appendix column is kept as written next to its parsed form.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::ValidationErrors;
use crate::schedule::Schedule;
use crate::target::Target;
use crate::text;
use crate::units::UnitId;

use super::{ItemId, PlanId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A Roman-numeral section, usually one reform area.
    Section,
    /// A heading that gathers sub-items and is not tracked itself.
    Group,
    /// A task with units, a schedule and occurrences to track.
    Task,
}

impl ItemKind {
    pub const ALL: [ItemKind; 3] = [Self::Section, Self::Group, Self::Task];

    pub fn code(self) -> &'static str {
        match self {
            Self::Section => "section",
            Self::Group => "group",
            Self::Task => "task",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Section => "Phần (lĩnh vực)",
            Self::Group => "Nhóm nhiệm vụ",
            Self::Task => "Nhiệm vụ",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskRole {
    /// Chủ trì: answers for the whole task.
    Lead,
    /// Phối hợp: reports its own part.
    Cooperating,
}

impl TaskRole {
    pub fn code(self) -> &'static str {
        match self {
            Self::Lead => "lead",
            Self::Cooperating => "cooperating",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Lead => "Chủ trì",
            Self::Cooperating => "Phối hợp",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "lead" => Some(Self::Lead),
            "cooperating" => Some(Self::Cooperating),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskUnit {
    pub unit_id: UnitId,
    pub role: TaskRole,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanItem {
    pub id: ItemId,
    pub plan_id: PlanId,
    pub parent_id: Option<ItemId>,
    pub area_id: Option<i64>,
    pub position: i64,
    pub kind: ItemKind,
    /// The plan's own number as shown: "II", "1.", "3.3.3", "a)".
    pub number: String,
    pub content: String,
    pub indicator: String,
    pub output: String,
    /// Budget in VND (the plan writes million VND).
    pub budget_vnd: Option<i64>,
    /// "Trách nhiệm thực hiện" / "Chủ trì" as written.
    pub lead_text: String,
    pub cooperating_text: String,
    pub start_text: String,
    pub end_text: Option<String>,
    pub note: String,
    /// Appendix columns the plan has and cchc does not know, by title.
    pub extra: BTreeMap<String, String>,
    pub units: Vec<TaskUnit>,
    pub version: i64,
}

impl PlanItem {
    pub fn schedule(&self) -> Schedule {
        match &self.end_text {
            Some(end) => Schedule::parse_pair(&self.start_text, end),
            None => Schedule::parse(&self.start_text),
        }
    }

    pub fn target(&self) -> Target {
        Target::parse(&self.indicator)
    }

    pub fn unit_ids(&self, role: TaskRole) -> Vec<UnitId> {
        self.units
            .iter()
            .filter(|u| u.role == role)
            .map(|u| u.unit_id)
            .collect()
    }

    /// The item as a draft, to edit and submit again.
    pub fn draft(&self) -> ItemDraft {
        ItemDraft {
            parent_id: self.parent_id,
            area_id: self.area_id,
            kind: self.kind.code().into(),
            number: self.number.clone(),
            content: self.content.clone(),
            indicator: self.indicator.clone(),
            output: self.output.clone(),
            budget: self.budget_vnd.map(format_budget).unwrap_or_default(),
            lead_unit_ids: self.unit_ids(TaskRole::Lead),
            cooperating_unit_ids: self.unit_ids(TaskRole::Cooperating),
            lead_text: self.lead_text.clone(),
            cooperating_text: self.cooperating_text.clone(),
            start_text: self.start_text.clone(),
            end_text: self.end_text.clone(),
            note: self.note.clone(),
            extra: self.extra.clone(),
        }
    }

    pub fn role_of(&self, unit: UnitId) -> Option<TaskRole> {
        self.units
            .iter()
            .find(|u| u.unit_id == unit)
            .map(|u| u.role)
    }
}

/// What the coordinator submits for an item.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
pub struct ItemDraft {
    #[serde(default)]
    pub parent_id: Option<ItemId>,
    #[serde(default)]
    pub area_id: Option<i64>,
    pub kind: String,
    #[serde(default)]
    pub number: String,
    pub content: String,
    #[serde(default)]
    pub indicator: String,
    #[serde(default)]
    pub output: String,
    /// Million VND as typed: "10", "1.234,5", "0,5".
    #[serde(default)]
    pub budget: String,
    #[serde(default)]
    pub lead_unit_ids: Vec<UnitId>,
    #[serde(default)]
    pub cooperating_unit_ids: Vec<UnitId>,
    #[serde(default)]
    pub lead_text: String,
    #[serde(default)]
    pub cooperating_text: String,
    #[serde(default)]
    pub start_text: String,
    #[serde(default)]
    pub end_text: Option<String>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub extra: BTreeMap<String, String>,
}

/// A validated [`ItemDraft`]: texts in NFC, budget in VND, units de-duplicated.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidItem {
    pub parent_id: Option<ItemId>,
    pub area_id: Option<i64>,
    pub kind: ItemKind,
    pub number: String,
    pub content: String,
    pub indicator: String,
    pub output: String,
    pub budget_vnd: Option<i64>,
    pub units: Vec<TaskUnit>,
    pub lead_text: String,
    pub cooperating_text: String,
    pub start_text: String,
    pub end_text: Option<String>,
    pub note: String,
    pub extra: BTreeMap<String, String>,
}

impl ValidItem {
    pub fn search_text(&self) -> String {
        text::fold(&format!(
            "{} {} {} {}",
            self.number, self.content, self.indicator, self.output
        ))
    }
}

/// Keeps line breaks (cells often hold lists) but cleans each line.
fn clean_multiline(s: &str) -> String {
    s.lines()
        .map(text::clean)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

impl ItemDraft {
    pub fn validate(&self) -> Result<ValidItem, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let kind = ItemKind::parse(self.kind.trim()).unwrap_or_else(|| {
            errors.add("kind", "Chọn loại mục: phần, nhóm nhiệm vụ hoặc nhiệm vụ.");
            ItemKind::Task
        });
        let content = clean_multiline(&self.content);
        if content.is_empty() {
            errors.add("content", "Nội dung không được để trống.");
        } else if content.chars().count() > 5000 {
            errors.add("content", "Nội dung dài quá 5.000 ký tự.");
        }
        let budget_vnd = parse_budget(&self.budget).unwrap_or_else(|message| {
            errors.add("budget", message);
            None
        });
        let mut units: Vec<TaskUnit> = Vec::new();
        for (ids, role) in [
            (&self.lead_unit_ids, TaskRole::Lead),
            (&self.cooperating_unit_ids, TaskRole::Cooperating),
        ] {
            for &unit_id in ids {
                if !units.iter().any(|u| u.unit_id == unit_id) {
                    units.push(TaskUnit { unit_id, role });
                }
            }
        }
        if kind != ItemKind::Task && !units.is_empty() {
            errors.add(
                "lead_unit_ids",
                "Chỉ nhiệm vụ mới được giao đơn vị thực hiện.",
            );
        }
        if kind == ItemKind::Task
            && !units.is_empty()
            && !units.iter().any(|u| u.role == TaskRole::Lead)
        {
            errors.add(
                "lead_unit_ids",
                "Nhiệm vụ có đơn vị phối hợp thì phải có đơn vị chủ trì.",
            );
        }
        if kind == ItemKind::Section && self.parent_id.is_some() {
            errors.add(
                "parent_id",
                "Phần (lĩnh vực) phải nằm ở cấp đầu của kế hoạch.",
            );
        }
        errors.into_result()?;
        Ok(ValidItem {
            parent_id: self.parent_id,
            area_id: self.area_id,
            kind,
            number: text::clean(&self.number),
            content,
            indicator: clean_multiline(&self.indicator),
            output: clean_multiline(&self.output),
            budget_vnd,
            units,
            lead_text: clean_multiline(&self.lead_text),
            cooperating_text: clean_multiline(&self.cooperating_text),
            start_text: text::clean(&self.start_text),
            end_text: self.end_text.as_deref().map(text::clean),
            note: clean_multiline(&self.note),
            extra: self
                .extra
                .iter()
                .map(|(k, v)| (text::clean(k), clean_multiline(v)))
                .collect(),
        })
    }
}

/// Reads a budget in million VND as Vietnamese write it ("1.234,5", "0,5",
/// "10") into VND. Empty or "-" is no budget. A lone "." followed by three
/// digits is a thousands separator ("1.500" = 1500), otherwise a decimal point.
pub fn parse_budget(input: &str) -> Result<Option<i64>, String> {
    let s: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    if s.is_empty() || s == "-" {
        return Ok(None);
    }
    let error = || {
        format!(
            "Kinh phí “{}” không phải là số (triệu đồng), ví dụ 10 hoặc 1.234,5.",
            input.trim()
        )
    };
    let normalised = if s.contains(',') {
        s.replace('.', "").replace(',', ".")
    } else if s.split('.').skip(1).all(|g| g.len() == 3) && s.contains('.') {
        s.replace('.', "")
    } else {
        s
    };
    if !normalised.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Err(error());
    }
    let million: f64 = normalised.parse().map_err(|_| error())?;
    if !(0.0..=1e9).contains(&million) {
        return Err(error());
    }
    Ok(Some((million * 1_000_000.0).round() as i64))
}

/// VND as million VND in Vietnamese notation: 1_234_500_000 -> "1.234,5".
pub fn format_budget(vnd: i64) -> String {
    let million = vnd as f64 / 1_000_000.0;
    let whole = million.trunc() as i64;
    let mut frac = format!("{:.3}", million.fract());
    frac = frac
        .trim_start_matches('0')
        .trim_end_matches('0')
        .to_string();
    let grouped = text::number_vn(whole);
    if frac.len() > 1 {
        format!("{grouped},{}", &frac[1..])
    } else {
        grouped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budgets_read_vietnamese_numbers() {
        assert_eq!(parse_budget("10"), Ok(Some(10_000_000)));
        assert_eq!(parse_budget("0,5"), Ok(Some(500_000)));
        assert_eq!(parse_budget("1.234,5"), Ok(Some(1_234_500_000)));
        assert_eq!(parse_budget("1.500"), Ok(Some(1_500_000_000)));
        assert_eq!(parse_budget("2.5"), Ok(Some(2_500_000)));
        assert_eq!(parse_budget(" "), Ok(None));
        assert_eq!(parse_budget("-"), Ok(None));
        assert!(parse_budget("mười").is_err());
        assert!(parse_budget("-5").is_err());
    }

    #[test]
    fn budgets_print_in_vietnamese_notation() {
        assert_eq!(format_budget(10_000_000), "10");
        assert_eq!(format_budget(1_234_500_000), "1.234,5");
        assert_eq!(format_budget(500_000), "0,5");
        assert_eq!(format_budget(0), "0");
        for vnd in [0, 250_000, 10_000_000, 1_234_500_000, 999_999_000_000] {
            assert_eq!(parse_budget(&format_budget(vnd)), Ok(Some(vnd)));
        }
    }

    #[test]
    fn an_item_draft_needs_content_and_a_lead_for_cooperators() {
        let draft = ItemDraft {
            kind: "task".into(),
            content: " ".into(),
            cooperating_unit_ids: vec![3],
            budget: "abc".into(),
            ..Default::default()
        };
        let errors = draft.validate().unwrap_err();
        for field in ["content", "lead_unit_ids", "budget"] {
            assert!(errors.for_field(field).is_some(), "{field}");
        }
        let ok = ItemDraft {
            kind: "task".into(),
            content: "Xây dựng kế hoạch\n\n  tuyên truyền ".into(),
            lead_unit_ids: vec![1, 1],
            cooperating_unit_ids: vec![1, 2],
            ..Default::default()
        }
        .validate()
        .unwrap();
        assert_eq!(ok.content, "Xây dựng kế hoạch\ntuyên truyền");
        assert_eq!(
            ok.units,
            vec![
                TaskUnit {
                    unit_id: 1,
                    role: TaskRole::Lead
                },
                TaskUnit {
                    unit_id: 2,
                    role: TaskRole::Cooperating
                }
            ]
        );
    }
}
