//! Figure fields: the numbers computed from tracked work due in the window
//! (by reform area, for one unit or the whole department), and the hand
//! corrections that replace them, kept with who made them and why.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::outline::{FieldKind, Metric, Outline};
use crate::error::ValidationErrors;
use crate::text;

/// Counts over tracked work due in a window, for one area (or all).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkFigures {
    pub due: i64,
    pub done: i64,
    pub on_time: i64,
    pub overdue: i64,
    pub not_done: i64,
    pub budget_vnd: i64,
    pub evidence_files: i64,
}

impl WorkFigures {
    pub fn get(&self, metric: Metric) -> i64 {
        match metric {
            Metric::TasksDue => self.due,
            Metric::TasksDone => self.done,
            Metric::TasksOnTime => self.on_time,
            Metric::TasksOverdue => self.overdue,
            Metric::TasksNotDone => self.not_done,
            Metric::BudgetVnd => self.budget_vnd,
            Metric::EvidenceFiles => self.evidence_files,
        }
    }

    pub fn add(&mut self, other: &WorkFigures) {
        self.due += other.due;
        self.done += other.done;
        self.on_time += other.on_time;
        self.overdue += other.overdue;
        self.not_done += other.not_done;
        self.budget_vnd += other.budget_vnd;
        self.evidence_files += other.evidence_files;
    }
}

/// Work figures by reform area code; work of tasks without an area is kept
/// apart and only counts in the totals.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FigureData {
    pub by_area: BTreeMap<String, WorkFigures>,
    pub no_area: WorkFigures,
}

impl FigureData {
    /// The figure of `metric` for `area`, or over all work when `None`.
    pub fn value(&self, metric: Metric, area: Option<&str>) -> i64 {
        match area {
            Some(code) => self.by_area.get(code).map_or(0, |f| f.get(metric)),
            None => self.total().get(metric),
        }
    }

    pub fn total(&self) -> WorkFigures {
        let mut total = self.no_area;
        for f in self.by_area.values() {
            total.add(f);
        }
        total
    }
}

/// A number typed by hand in place of (or in the absence of) a computed one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManualFigure {
    pub value: i64,
    /// Why the figure was corrected.
    pub note: String,
    pub by_user_id: Option<i64>,
    pub by_name: String,
    pub at: DateTime<Utc>,
}

/// A figure field's value: computed, corrected, or both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FigureValue {
    /// From cchc's data; `None` for a field without a metric.
    pub computed: Option<i64>,
    pub manual: Option<ManualFigure>,
}

impl FigureValue {
    /// The value in force: the correction when there is one.
    pub fn value(&self) -> Option<i64> {
        self.manual.as_ref().map(|m| m.value).or(self.computed)
    }

    /// "15", or "15 (điều chỉnh từ 12 bởi Nguyễn Văn A: lý do)".
    pub fn display(&self) -> String {
        let Some(value) = self.value() else {
            return "Chưa có số liệu".into();
        };
        let shown = text::number_vn(value);
        match &self.manual {
            None => shown,
            Some(m) => {
                let from = self
                    .computed
                    .map(|c| format!(" từ {}", text::number_vn(c)))
                    .unwrap_or_default();
                format!("{shown} (điều chỉnh{from} bởi {}: {})", m.by_name, m.note)
            }
        }
    }
}

/// Figure fields by full key.
pub type Figures = BTreeMap<String, FigureValue>;

/// Every figure field of `outline`: computed from `data` by its metric and
/// its section's area, with the corrections in `manual` (by full key).
pub fn figures(
    outline: &Outline,
    data: &FigureData,
    manual: &BTreeMap<String, ManualFigure>,
) -> Figures {
    outline
        .fields()
        .filter_map(|(section, field, key)| match &field.kind {
            FieldKind::Figure { metric, .. } => {
                let computed = metric.map(|m| data.value(m, section.area_code.as_deref()));
                let manual = manual.get(&key).cloned();
                Some((key, FigureValue { computed, manual }))
            }
            FieldKind::Text => None,
        })
        .collect()
}

/// A correction as typed: the value (none to drop the correction) and why.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct FigureOverrideDraft {
    pub field_key: String,
    #[serde(default)]
    pub value: Option<i64>,
    #[serde(default)]
    pub note: String,
}

impl FigureOverrideDraft {
    /// `Some((value, note))` to set a correction, `None` to remove it.
    pub fn validate(&self, outline: &Outline) -> Result<Option<(i64, String)>, ValidationErrors> {
        let is_figure = outline
            .field(&self.field_key)
            .is_some_and(|(_, f)| !f.is_text());
        if !is_figure {
            return Err(ValidationErrors::single(
                "field_key",
                "Không có mục số liệu này trong đề cương báo cáo.",
            ));
        }
        let Some(value) = self.value else {
            return Ok(None);
        };
        let mut errors = ValidationErrors::default();
        if value < 0 {
            errors.add("value", "Số liệu không được âm.");
        }
        let note = text::clean(&self.note);
        if note.is_empty() {
            errors.add("note", "Ghi rõ lý do điều chỉnh số liệu.");
        } else if note.chars().count() > 500 {
            errors.add("note", "Lý do điều chỉnh dài quá 500 ký tự.");
        }
        errors.into_result()?;
        Ok(Some((value, note)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reports::default_outline;

    #[test]
    fn figures_follow_the_section_area_and_corrections_win() {
        let mut data = FigureData::default();
        data.by_area.insert(
            "tthc".into(),
            WorkFigures {
                due: 4,
                done: 3,
                on_time: 2,
                ..Default::default()
            },
        );
        data.no_area.due = 1;
        let at = DateTime::parse_from_rfc3339("2026-03-09T02:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let manual = BTreeMap::from([(
            "tthc.tasks_done".to_string(),
            ManualFigure {
                value: 4,
                note: "Thêm 1 nhiệm vụ báo cáo giấy".into(),
                by_user_id: Some(3),
                by_name: "Nguyễn Văn A".into(),
                at,
            },
        )]);
        let f = figures(&default_outline(), &data, &manual);
        assert_eq!(f["tong_quan.tasks_due"].value(), Some(5));
        assert_eq!(f["tthc.tasks_due"].value(), Some(4));
        assert_eq!(f["the_che.tasks_due"].value(), Some(0));
        assert_eq!(f["tthc.tasks_done"].value(), Some(4));
        assert_eq!(
            f["tthc.tasks_done"].display(),
            "4 (điều chỉnh từ 3 bởi Nguyễn Văn A: Thêm 1 nhiệm vụ báo cáo giấy)"
        );
        assert_eq!(f["tthc.tthc_don_gian_hoa"].value(), None);
        assert!(!f.contains_key("tthc.ket_qua"));
    }

    #[test]
    fn corrections_need_a_reason_and_a_figure_field() {
        let outline = default_outline();
        let draft = |key: &str, value: Option<i64>, note: &str| FigureOverrideDraft {
            field_key: key.into(),
            value,
            note: note.into(),
        };
        assert!(
            draft("tthc.ket_qua", Some(1), "x")
                .validate(&outline)
                .is_err()
        );
        assert!(
            draft("tthc.tasks_due", Some(1), " ")
                .validate(&outline)
                .is_err()
        );
        assert!(
            draft("tthc.tasks_due", Some(-1), "x")
                .validate(&outline)
                .is_err()
        );
        assert_eq!(
            draft("tthc.tasks_due", None, "").validate(&outline),
            Ok(None)
        );
        assert_eq!(
            draft("tthc.tasks_due", Some(7), " Số liệu  giấy ").validate(&outline),
            Ok(Some((7, "Số liệu giấy".into())))
        );
    }
}
