//! Building an [`ExportPlan`] from a saved plan (domain types) or from the
//! preview of an imported document.

use std::collections::BTreeMap;

use cchc_domain::plans::{ItemId, ItemKind, Plan, PlanItem, TaskRole};
use cchc_domain::text::fold;
use cchc_domain::units::{Unit, UnitId};

use super::model::{Column, ColumnKind, ExportItem, ExportPlan, ExportSection};
use super::official::{DocHeader, Signer};
use crate::plans::{ItemPreview, PlanPreview};

impl ExportPlan {
    /// The export of a saved plan. `items` are all the plan's items in any
    /// order (the tree comes from `parent_id` and `position`); `units` name
    /// the issuing unit, its parent (the superior body) and the units of
    /// tasks whose lead or cooperating text is empty; `place` starts the
    /// date line. Set `body`, `recipients` and `signer` afterwards as needed.
    pub fn from_domain(plan: &Plan, items: &[PlanItem], units: &[Unit], place: &str) -> Self {
        let unit = |id: UnitId| units.iter().find(|u| u.id == id);
        let issuer = unit(plan.issuing_unit_id);
        let superior = issuer.and_then(|u| u.parent_id).and_then(unit);
        let issuer_name = issuer.map(|u| u.name.clone()).unwrap_or_default();
        let title = subject(&plan.title);
        let mut body = Vec::new();
        if !issuer_name.is_empty() {
            body.push(format!(
                "{issuer_name} ban hành Kế hoạch {} như sau:",
                lower_first(&title)
            ));
        }
        body.push("Nội dung, nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.".to_owned());
        let sections = domain_sections(items, units);
        ExportPlan {
            header: DocHeader {
                superior_body: superior.map(|u| u.name.clone()).unwrap_or_default(),
                issuer: issuer_name,
                number: plan.number.clone(),
                place: place.to_owned(),
                issued_on: plan.issued_on,
            },
            title,
            period_label: Some(plan.period_label()),
            legal_bases: plan.legal_bases.clone(),
            body,
            recipients: vec!["Lưu: VT.".to_owned()],
            signer: Signer::default(),
            columns: Column::defaults_for(&sections),
            sections,
        }
    }

    /// The export of an imported document as previewed: what the round-trip
    /// tests write and read back. The issuing body is not in a preview: set
    /// `header.superior_body` and `header.issuer` for a full plan document.
    ///
    /// Lead and cooperating columns read into one "Chủ trì: X; Phối hợp: Y"
    /// text; when every item's text has that form they become two columns
    /// again, otherwise the text stays one "Trách nhiệm thực hiện" cell.
    pub fn from_preview(preview: &PlanPreview) -> Self {
        let info = &preview.plan;
        let all: Vec<&ItemPreview> = preview
            .sections
            .iter()
            .flat_map(|s| all_items(&s.items))
            .collect();
        let split = all
            .iter()
            .filter_map(|i| i.responsibility.as_deref())
            .all(|t| split_labelled(t).is_some());
        let sections: Vec<ExportSection> = preview
            .sections
            .iter()
            .map(|s| ExportSection {
                number: s.number.clone(),
                title: s.title.clone(),
                items: s.items.iter().map(|i| preview_item(i, split)).collect(),
            })
            .collect();
        let mut columns = Column::defaults_for(&sections);
        if split
            && let Some(c) = columns
                .iter_mut()
                .find(|c| c.kind == ColumnKind::Responsibility)
        {
            // "Chủ trì: X" alone came from a "Chủ trì" column.
            *c = Column {
                group: None,
                ..Column::standard(ColumnKind::Lead)
            };
        }
        ExportPlan {
            header: DocHeader {
                number: info.number.clone().unwrap_or_default(),
                place: info.place.clone().unwrap_or_default(),
                issued_on: info.issued_on,
                ..DocHeader::default()
            },
            title: info.title.clone().unwrap_or_default(),
            period_label: info.period.map(|p| {
                if p.first_year() == p.last_year() {
                    format!("Năm {}", p.first_year())
                } else {
                    format!("Giai đoạn {} - {}", p.first_year(), p.last_year())
                }
            }),
            legal_bases: info.legal_bases.clone(),
            body: Vec::new(),
            recipients: vec!["Lưu: VT.".to_owned()],
            signer: Signer::default(),
            columns,
            sections,
        }
    }
}

/// "Kế hoạch cải cách hành chính năm 2026" -> "Cải cách hành chính năm 2026".
fn subject(title: &str) -> String {
    let title = title.trim();
    let words: Vec<&str> = title.split_whitespace().collect();
    if words.len() > 2 && fold(&format!("{} {}", words[0], words[1])) == "ke hoach" {
        upper_first(&words[2..].join(" "))
    } else {
        title.to_owned()
    }
}

fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Lowercases the first letter unless the first word is an acronym or in capitals.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if second.is_lowercase() => {
            first.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_owned(),
    }
}

fn domain_sections(items: &[PlanItem], units: &[Unit]) -> Vec<ExportSection> {
    let mut children: BTreeMap<Option<ItemId>, Vec<&PlanItem>> = BTreeMap::new();
    for item in items {
        children.entry(item.parent_id).or_default().push(item);
    }
    for list in children.values_mut() {
        list.sort_by_key(|i| (i.position, i.id));
    }
    let tree = |id: ItemId| -> Vec<ExportItem> { domain_items(id, &children, units) };
    let mut sections: Vec<ExportSection> = Vec::new();
    for root in children.get(&None).into_iter().flatten() {
        if root.kind == ItemKind::Section {
            sections.push(ExportSection {
                number: root.number.clone(),
                title: root.content.clone(),
                items: tree(root.id),
            });
            continue;
        }
        let item = domain_item(root, tree(root.id), units);
        match sections.last_mut() {
            Some(s) if s.number.is_empty() && s.title.is_empty() => s.items.push(item),
            _ => sections.push(ExportSection {
                items: vec![item],
                ..ExportSection::default()
            }),
        }
    }
    sections
}

fn domain_items(
    parent: ItemId,
    children: &BTreeMap<Option<ItemId>, Vec<&PlanItem>>,
    units: &[Unit],
) -> Vec<ExportItem> {
    children
        .get(&Some(parent))
        .into_iter()
        .flatten()
        .map(|i| domain_item(i, domain_items(i.id, children, units), units))
        .collect()
}

fn domain_item(item: &PlanItem, children: Vec<ExportItem>, units: &[Unit]) -> ExportItem {
    let names = |role: TaskRole, text: &str| -> String {
        if !text.trim().is_empty() {
            return text.to_owned();
        }
        item.unit_ids(role)
            .iter()
            .filter_map(|id| units.iter().find(|u| u.id == *id))
            .map(|u| u.name.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    };
    ExportItem {
        number: item.number.clone(),
        content: item.content.clone(),
        indicator: item.indicator.clone(),
        output: item.output.clone(),
        budget_vnd: item.budget_vnd,
        budget_text: String::new(),
        lead: names(TaskRole::Lead, &item.lead_text),
        cooperating: names(TaskRole::Cooperating, &item.cooperating_text),
        start: item.start_text.clone(),
        end: item.end_text.clone().unwrap_or_default(),
        note: item.note.clone(),
        extra: item.extra.clone(),
        group: item.kind == ItemKind::Group,
        children,
    }
}

fn all_items(items: &[ItemPreview]) -> Vec<&ItemPreview> {
    let mut out = Vec::new();
    for item in items {
        out.push(item);
        out.extend(all_items(&item.children));
    }
    out
}

/// "Chủ trì: X; Phối hợp: Y", "Chủ trì: X" or "Phối hợp: Y" (what the
/// importer writes for separate columns) -> (X, Y).
fn split_labelled(text: &str) -> Option<(&str, &str)> {
    if let Some(rest) = text.strip_prefix("Chủ trì: ") {
        Some(rest.split_once("; Phối hợp: ").unwrap_or((rest, "")))
    } else {
        text.strip_prefix("Phối hợp: ").map(|rest| ("", rest))
    }
}

fn preview_item(item: &ItemPreview, split: bool) -> ExportItem {
    let responsibility = item.responsibility.as_deref().unwrap_or("");
    let (lead, cooperating) = if split {
        split_labelled(responsibility).unwrap_or(("", ""))
    } else {
        (responsibility, "")
    };
    let text = |t: &Option<String>| t.clone().unwrap_or_default();
    ExportItem {
        number: item.number.clone(),
        content: item.content.clone(),
        indicator: text(&item.indicator),
        output: text(&item.output),
        budget_vnd: item
            .budget_million_vnd
            .map(|m| (m * 1_000_000.0).round() as i64),
        budget_text: match item.budget_million_vnd {
            Some(_) => String::new(),
            None => text(&item.budget_text),
        },
        lead: lead.to_owned(),
        cooperating: cooperating.to_owned(),
        start: item
            .start
            .as_ref()
            .map(|c| c.text.clone())
            .unwrap_or_default(),
        end: item
            .end
            .as_ref()
            .map(|c| c.text.clone())
            .unwrap_or_default(),
        note: text(&item.note),
        extra: item.extra.clone(),
        group: !item.children.is_empty(),
        children: item
            .children
            .iter()
            .map(|c| preview_item(c, split))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_subject_drops_the_words_ke_hoach() {
        assert_eq!(
            subject("Kế hoạch cải cách hành chính năm 2026"),
            "Cải cách hành chính năm 2026"
        );
        assert_eq!(subject("CẢI CÁCH HÀNH CHÍNH"), "CẢI CÁCH HÀNH CHÍNH");
        assert_eq!(lower_first("Cải cách"), "cải cách");
        assert_eq!(lower_first("CCHC năm 2020"), "CCHC năm 2020");
    }

    #[test]
    fn labelled_responsibility_splits() {
        assert_eq!(
            split_labelled("Chủ trì: Văn phòng Sở; Phối hợp: Thanh tra Sở"),
            Some(("Văn phòng Sở", "Thanh tra Sở"))
        );
        assert_eq!(split_labelled("Phối hợp: X"), Some(("", "X")));
        assert_eq!(split_labelled("Văn phòng Sở; các đơn vị"), None);
    }
}
