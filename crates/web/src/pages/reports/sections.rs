//! A report's content laid out for a page: its outline's sections, numbered
//! I, II, ..., each field with its text or its figure (computed value, hand
//! correction with author, time and reason), already formatted.

use std::collections::BTreeMap;

use cchc_domain::plans::roman;
use cchc_domain::reports::{FieldKind, FigureValue, Figures, Outline};

use crate::views::{datetime_hm_vn, number_vn};

pub struct ManualCard {
    pub value: String,
    pub note: String,
    pub by: String,
    pub at: String,
}

pub struct FieldCard {
    /// "section.field".
    pub key: String,
    /// The key as an HTML id: "f-section-field".
    pub anchor: String,
    pub label: String,
    pub required: bool,
    pub is_text: bool,
    pub text: String,
    /// What a figure counts ("nhiệm vụ", "đồng").
    pub unit: String,
    /// The value in force, formatted; empty when there is none.
    pub value: String,
    /// Whether cchc computes the figure from its data.
    pub automatic: bool,
    /// The computed value, formatted; empty without one.
    pub computed: String,
    pub manual: Option<ManualCard>,
}

/// A narrative, or the figures that follow one another in the outline
/// (shown as one table).
pub struct Block {
    pub text: Option<FieldCard>,
    pub figures: Vec<FieldCard>,
}

pub struct SectionCard {
    pub number: String,
    pub title: String,
    pub blocks: Vec<Block>,
}

/// Fields in outline order, consecutive figures put together.
fn blocks(fields: Vec<FieldCard>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for f in fields {
        if f.is_text {
            out.push(Block {
                text: Some(f),
                figures: Vec::new(),
            });
        } else if let Some(last) = out.last_mut().filter(|b| b.text.is_none()) {
            last.figures.push(f);
        } else {
            out.push(Block {
                text: None,
                figures: vec![f],
            });
        }
    }
    out
}

pub fn anchor(key: &str) -> String {
    format!("f-{}", key.replace(['.', '_'], "-"))
}

/// The formatted parts of a figure: (value in force, computed, correction).
pub fn figure_parts(f: Option<&FigureValue>) -> (String, String, Option<ManualCard>) {
    let Some(f) = f else {
        return (String::new(), String::new(), None);
    };
    (
        f.value().map(number_vn).unwrap_or_default(),
        f.computed.map(number_vn).unwrap_or_default(),
        f.manual.as_ref().map(|m| ManualCard {
            value: number_vn(m.value),
            note: m.note.clone(),
            by: m.by_name.clone(),
            at: datetime_hm_vn(m.at),
        }),
    )
}

/// Every section of `outline` with `texts` and `figures` filled in.
pub fn cards(
    outline: &Outline,
    texts: &BTreeMap<String, String>,
    figures: &Figures,
) -> Vec<SectionCard> {
    outline
        .sections
        .iter()
        .enumerate()
        .map(|(i, section)| SectionCard {
            number: roman(u32::try_from(i + 1).unwrap_or(u32::MAX)),
            title: section.title.clone(),
            blocks: blocks(
                section
                    .fields
                    .iter()
                    .map(|field| {
                        let key = format!("{}.{}", section.key, field.key);
                        let (automatic, unit) = match &field.kind {
                            FieldKind::Text => (false, String::new()),
                            FieldKind::Figure { metric, unit } => (metric.is_some(), unit.clone()),
                        };
                        let (value, computed, manual) = figure_parts(figures.get(&key));
                        FieldCard {
                            anchor: anchor(&key),
                            text: texts.get(&key).cloned().unwrap_or_default(),
                            label: field.label.clone(),
                            required: field.required,
                            is_text: field.is_text(),
                            unit,
                            value,
                            automatic,
                            computed,
                            manual,
                            key,
                        }
                    })
                    .collect(),
            ),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use cchc_domain::reports::{ManualFigure, default_outline};
    use chrono::{TimeZone, Utc};

    #[test]
    fn sections_are_numbered_and_figures_show_their_correction() {
        let texts = BTreeMap::from([("tthc.ket_qua".to_string(), "Rà soát".to_string())]);
        let mut figures = Figures::new();
        figures.insert(
            "tthc.tasks_due".into(),
            FigureValue {
                computed: Some(1200),
                manual: Some(ManualFigure {
                    value: 1250,
                    note: "Thêm hồ sơ giấy".into(),
                    by_user_id: None,
                    by_name: "Nguyễn Văn A".into(),
                    at: Utc.with_ymd_and_hms(2026, 3, 2, 2, 5, 0).unwrap(),
                }),
            },
        );
        let cards = cards(&default_outline(), &texts, &figures);
        assert_eq!(cards[0].number, "I");
        let tthc = cards.iter().find(|c| c.title.contains("thủ tục")).unwrap();
        assert_eq!(tthc.number, "IV");
        let shape: Vec<(bool, usize)> = tthc
            .blocks
            .iter()
            .map(|b| (b.text.is_some(), b.figures.len()))
            .collect();
        assert_eq!(shape, [(true, 0), (false, 5), (true, 0)]);
        assert_eq!(tthc.blocks[0].text.as_ref().unwrap().text, "Rà soát");
        let due = &tthc.blocks[1].figures[0];
        assert_eq!(
            (due.value.as_str(), due.computed.as_str()),
            ("1.250", "1.200")
        );
        assert_eq!(due.anchor, "f-tthc-tasks-due");
        let m = due.manual.as_ref().unwrap();
        assert_eq!(
            (m.by.as_str(), m.at.as_str()),
            ("Nguyễn Văn A", "02/03/2026 09:05")
        );
        let manual_only = tthc.blocks[1]
            .figures
            .iter()
            .find(|f| f.key == "tthc.tthc_don_gian_hoa");
        assert!(manual_only.is_some_and(|f| !f.automatic && f.value.is_empty()));
    }
}
