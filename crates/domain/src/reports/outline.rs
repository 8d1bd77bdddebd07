//! The outline (đề cương) of a report: sections, usually one per reform
//! area, each with narrative fields the unit writes and figure fields that
//! fill themselves from cchc's data for the window (or are typed by hand).
//! A field is addressed by "section.field", e.g. `tthc.ket_qua`.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::error::ValidationErrors;
use crate::text;

/// Longest narrative field accepted, in characters.
pub const TEXT_MAX_CHARS: usize = 20_000;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outline {
    pub sections: Vec<OutlineSection>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutlineSection {
    pub key: String,
    pub title: String,
    /// The reform area whose work the section's figures count; `None`: all.
    #[serde(default)]
    pub area_code: Option<String>,
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    pub key: String,
    pub label: String,
    #[serde(flatten)]
    pub kind: FieldKind,
    /// A narrative field that must be written before submitting.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub required: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FieldKind {
    /// Free text written by the unit.
    Text,
    /// A number: computed from `metric` when there is one, else typed by hand.
    Figure {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        metric: Option<Metric>,
        /// What is counted, e.g. "nhiệm vụ", "đồng".
        #[serde(default)]
        unit: String,
    },
}

/// What a computed figure counts, over tracked work due in the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Task occurrences due in the window.
    TasksDue,
    /// Of those, done (on time or late).
    TasksDone,
    /// Of those, done by the due date.
    TasksOnTime,
    /// Of those, still open after the due date.
    TasksOverdue,
    /// Of those, reported as not done.
    TasksNotDone,
    /// Planned budget (đồng) of the tasks led by the unit(s), counted once per task.
    BudgetVnd,
    /// Evidence files attached to those occurrences.
    EvidenceFiles,
}

impl Metric {
    pub const ALL: [Metric; 7] = [
        Self::TasksDue,
        Self::TasksDone,
        Self::TasksOnTime,
        Self::TasksOverdue,
        Self::TasksNotDone,
        Self::BudgetVnd,
        Self::EvidenceFiles,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::TasksDue => "Số nhiệm vụ đến hạn trong kỳ",
            Self::TasksDone => "Số nhiệm vụ đã hoàn thành",
            Self::TasksOnTime => "Số nhiệm vụ hoàn thành đúng hạn",
            Self::TasksOverdue => "Số nhiệm vụ quá hạn chưa hoàn thành",
            Self::TasksNotDone => "Số nhiệm vụ không hoàn thành",
            Self::BudgetVnd => "Kinh phí dự kiến của các nhiệm vụ đến hạn",
            Self::EvidenceFiles => "Số tài liệu kiểm chứng",
        }
    }

    pub fn unit(self) -> &'static str {
        match self {
            Self::BudgetVnd => "đồng",
            Self::EvidenceFiles => "tệp",
            _ => "nhiệm vụ",
        }
    }
}

impl Field {
    pub fn text(key: &str, label: &str) -> Field {
        Field {
            key: key.into(),
            label: label.into(),
            kind: FieldKind::Text,
            required: false,
        }
    }

    pub fn metric(metric: Metric) -> Field {
        let key = serde_json::to_value(metric)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        Field {
            key,
            label: metric.label().into(),
            kind: FieldKind::Figure {
                metric: Some(metric),
                unit: metric.unit().into(),
            },
            required: false,
        }
    }

    pub fn is_text(&self) -> bool {
        matches!(self.kind, FieldKind::Text)
    }
}

fn valid_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

impl Outline {
    /// Every field with its section and full key, in outline order.
    pub fn fields(&self) -> impl Iterator<Item = (&OutlineSection, &Field, String)> {
        self.sections.iter().flat_map(|s| {
            s.fields
                .iter()
                .map(move |f| (s, f, format!("{}.{}", s.key, f.key)))
        })
    }

    /// The field with full key `key`.
    pub fn field(&self, key: &str) -> Option<(&OutlineSection, &Field)> {
        let (section, field) = key.split_once('.')?;
        let s = self.sections.iter().find(|s| s.key == section)?;
        Some((s, s.fields.iter().find(|f| f.key == field)?))
    }

    /// Keys are lowercase ASCII and unique; every section has a title.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let mut sections = BTreeSet::new();
        for s in &self.sections {
            if !valid_key(&s.key) || !sections.insert(&s.key) || s.title.trim().is_empty() {
                errors.add(
                    "outline",
                    format!(
                        "Phần “{}” của đề cương có mã trùng, sai hoặc thiếu tên.",
                        s.title
                    ),
                );
            }
            let mut fields = BTreeSet::new();
            for f in &s.fields {
                if !valid_key(&f.key) || !fields.insert(&f.key) || f.label.trim().is_empty() {
                    errors.add(
                        "outline",
                        format!(
                            "Mục “{}” của đề cương có mã trùng, sai hoặc thiếu tên.",
                            f.label
                        ),
                    );
                }
            }
        }
        errors.into_result()
    }

    /// Labels ("Section: field") of the required narrative fields left empty.
    pub fn missing_required(&self, texts: &BTreeMap<String, String>) -> Vec<String> {
        self.fields()
            .filter(|(_, f, key)| {
                f.required && f.is_text() && texts.get(key).is_none_or(|t| t.is_empty())
            })
            .map(|(s, f, _)| format!("{}: {}", s.title, f.label))
            .collect()
    }
}

/// Cleans one narrative: NFC, spaces collapsed per line, at most one blank
/// line between paragraphs, none at the ends.
fn clean_text(input: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for line in input.lines().map(text::clean) {
        if line.is_empty() && out.last().is_none_or(|l| l.is_empty()) {
            continue;
        }
        out.push(line);
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    out.join("\n")
}

/// The narrative fields of a draft, cleaned; empty ones are dropped. Keys
/// that are not narrative fields of `outline` are refused.
pub fn clean_texts(
    outline: &Outline,
    texts: &BTreeMap<String, String>,
) -> Result<BTreeMap<String, String>, ValidationErrors> {
    let mut errors = ValidationErrors::default();
    let mut out = BTreeMap::new();
    for (key, value) in texts {
        let Some((section, field)) = outline.field(key).filter(|(_, f)| f.is_text()) else {
            errors.add(
                "texts",
                format!("Mục “{key}” không phải nội dung viết của đề cương báo cáo."),
            );
            continue;
        };
        let cleaned = clean_text(value);
        if cleaned.chars().count() > TEXT_MAX_CHARS {
            errors.add(
                "texts",
                format!(
                    "Nội dung “{}: {}” dài quá {TEXT_MAX_CHARS} ký tự.",
                    section.title, field.label
                ),
            );
        } else if !cleaned.is_empty() {
            out.insert(key.clone(), cleaned);
        }
    }
    errors.into_result()?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reports::default_outline;

    #[test]
    fn texts_are_cleaned_and_checked_against_the_outline() {
        let outline = default_outline();
        assert!(outline.validate().is_ok());
        let texts = BTreeMap::from([
            (
                "tthc.ket_qua".to_string(),
                "\n  Rà soát   12 thủ tục \n\n\n Công bố 3 quy trình \n".to_string(),
            ),
            ("tthc.han_che".to_string(), "  ".to_string()),
        ]);
        let cleaned = clean_texts(&outline, &texts).unwrap();
        assert_eq!(
            cleaned.get("tthc.ket_qua").map(String::as_str),
            Some("Rà soát 12 thủ tục\n\nCông bố 3 quy trình")
        );
        assert!(!cleaned.contains_key("tthc.han_che"), "empty is dropped");
        let bad = BTreeMap::from([
            ("tthc.tasks_due".to_string(), "5".to_string()),
            ("khong_co.x".to_string(), "x".to_string()),
        ]);
        assert_eq!(clean_texts(&outline, &bad).unwrap_err().0.len(), 2);
        let missing = outline.missing_required(&cleaned);
        assert_eq!(missing, ["Kết quả chung: Đánh giá chung"]);
    }

    #[test]
    fn duplicate_keys_are_refused() {
        let mut outline = default_outline();
        let copy = outline.sections[1].clone();
        outline.sections.push(copy);
        assert!(outline.validate().is_err());
    }
}
