//! Submitted versions of a unit's report: every submission is kept as it
//! was sent (narratives and figures), with what the coordinator made of it,
//! and two versions can be compared field by field.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::UnitReportId;
use super::figures::{FigureValue, Figures};
use super::outline::Outline;

/// A report's content as submitted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportContent {
    pub texts: BTreeMap<String, String>,
    pub figures: Figures,
}

/// What the coordinator did with a submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Returned,
    Accepted,
}

impl Outcome {
    pub fn code(self) -> &'static str {
        match self {
            Self::Returned => "returned",
            Self::Accepted => "accepted",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Returned => "Bị trả lại",
            Self::Accepted => "Đã tiếp nhận",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "returned" => Some(Self::Returned),
            "accepted" => Some(Self::Accepted),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportVersion {
    pub id: i64,
    pub report_id: UnitReportId,
    /// 1 for the first submission.
    pub number: i64,
    pub content: ReportContent,
    pub submitted_by_name: String,
    pub submitted_at: DateTime<Utc>,
    pub outcome: Option<Outcome>,
    pub review_comment: String,
    pub reviewed_by_name: String,
    pub reviewed_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldChangeKind {
    Added,
    Removed,
    Changed,
}

/// One field that differs between two versions, with both values as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    pub key: String,
    /// The section's title and the field's label; the key when the outline
    /// no longer has the field.
    pub section: String,
    pub label: String,
    pub kind: FieldChangeKind,
    pub before: Option<String>,
    pub after: Option<String>,
}

fn figure_shown(f: Option<&FigureValue>) -> Option<String> {
    f.filter(|f| f.value().is_some()).map(FigureValue::display)
}

/// The fields that differ from `before` to `after`, in outline order, then
/// any keys the outline does not know. A figure differs when its value or
/// its correction changed.
pub fn diff(outline: &Outline, before: &ReportContent, after: &ReportContent) -> Vec<FieldChange> {
    let mut keys: Vec<String> = outline.fields().map(|(_, _, key)| key).collect();
    let known: BTreeSet<String> = keys.iter().cloned().collect();
    let extra: BTreeSet<String> = before
        .texts
        .keys()
        .chain(after.texts.keys())
        .chain(before.figures.keys())
        .chain(after.figures.keys())
        .filter(|k| !known.contains(*k))
        .cloned()
        .collect();
    keys.extend(extra);
    let mut changes = Vec::new();
    for key in keys {
        let (a, b) = match (before.figures.get(&key), after.figures.get(&key)) {
            (None, None) => (
                before.texts.get(&key).cloned(),
                after.texts.get(&key).cloned(),
            ),
            (x, y) => {
                let same = x.map(|f| (f.value(), &f.manual)) == y.map(|f| (f.value(), &f.manual));
                if same {
                    continue;
                }
                (figure_shown(x), figure_shown(y))
            }
        };
        let kind = match (&a, &b) {
            (None, None) => continue,
            (x, y) if x == y => continue,
            (None, Some(_)) => FieldChangeKind::Added,
            (Some(_), None) => FieldChangeKind::Removed,
            _ => FieldChangeKind::Changed,
        };
        let (section, label) = outline.field(&key).map_or_else(
            || (String::new(), key.clone()),
            |(s, f)| (s.title.clone(), f.label.clone()),
        );
        changes.push(FieldChange {
            key,
            section,
            label,
            kind,
            before: a,
            after: b,
        });
    }
    changes
}
