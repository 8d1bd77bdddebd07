//! What a round trip must keep, as plain values: the sections and items of
//! a preview without source rows, warnings or derived parses (targets and
//! occurrences follow from the texts compared here).

use std::collections::BTreeMap;

use cchc_office::plans::{ItemPreview, PlanPreview, UnitRef};
use cchc_office::read_plan;
use cchc_office::write::{ExportPlan, appendix_docx, appendix_xlsx, plan_docx};

use super::support::units;

#[derive(Debug, Clone, PartialEq)]
pub struct ItemView {
    pub number: String,
    pub content: String,
    pub indicator: Option<String>,
    pub output: Option<String>,
    /// VND, so that 0.1 + 0.2 compares equal to 0.3.
    pub budget_vnd: Option<i64>,
    pub responsibility: Option<String>,
    pub lead: Vec<(String, Option<i64>)>,
    pub cooperating: Vec<(String, Option<i64>)>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub note: Option<String>,
    pub extra: BTreeMap<String, String>,
    pub children: Vec<ItemView>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SectionView {
    pub number: String,
    pub title: String,
    pub items: Vec<ItemView>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlanView {
    pub sections: Vec<SectionView>,
    pub budget_total_vnd: Option<i64>,
}

fn refs(refs: &[UnitRef]) -> Vec<(String, Option<i64>)> {
    refs.iter().map(|r| (r.text.clone(), r.unit_id)).collect()
}

fn vnd(million: Option<f64>) -> Option<i64> {
    million.map(|m| (m * 1_000_000.0).round() as i64)
}

fn item(i: &ItemPreview) -> ItemView {
    ItemView {
        number: i.number.clone(),
        content: i.content.clone(),
        indicator: i.indicator.clone(),
        output: i.output.clone(),
        budget_vnd: vnd(i.budget_million_vnd),
        responsibility: i.responsibility.clone(),
        lead: refs(&i.lead),
        cooperating: refs(&i.cooperating),
        start: i.start.as_ref().map(|c| c.text.clone()),
        end: i.end.as_ref().map(|c| c.text.clone()),
        note: i.note.clone(),
        extra: i.extra.clone(),
        children: i.children.iter().map(item).collect(),
    }
}

pub fn view(plan: &PlanPreview) -> PlanView {
    PlanView {
        sections: plan
            .sections
            .iter()
            .map(|s| SectionView {
                number: s.number.clone(),
                title: s.title.clone(),
                items: s.items.iter().map(item).collect(),
            })
            .collect(),
        budget_total_vnd: vnd(plan.plan.budget_total_million_vnd),
    }
}

/// The three exports of `plan`, each read back.
pub struct ReadBack {
    pub appendix_docx: PlanPreview,
    pub plan_docx: PlanPreview,
    pub appendix_xlsx: PlanPreview,
}

pub fn export_and_read(plan: &ExportPlan) -> ReadBack {
    let units = units();
    let read = |bytes: Vec<u8>, name: &str| {
        read_plan(&bytes, name, &units).unwrap_or_else(|e| panic!("{name} reads back: {e}"))
    };
    ReadBack {
        appendix_docx: read(appendix_docx(plan).unwrap(), "phu-luc.docx"),
        plan_docx: read(plan_docx(plan).unwrap(), "ke-hoach.docx"),
        appendix_xlsx: read(appendix_xlsx(plan).unwrap(), "phu-luc.xlsx"),
    }
}

/// Asserts the three read-backs have `expected`'s sections and items.
pub fn assert_same_items(expected: &PlanView, back: &ReadBack) {
    for (name, preview) in [
        ("appendix .docx", &back.appendix_docx),
        ("plan .docx", &back.plan_docx),
        ("appendix .xlsx", &back.appendix_xlsx),
    ] {
        let got = view(preview);
        if &got != expected {
            panic!(
                "{name} read back differently:\n{}",
                first_difference(&got, expected)
            );
        }
    }
}

/// The first lines where the pretty-printed values differ, with context.
fn first_difference(got: &PlanView, expected: &PlanView) -> String {
    let (got, expected) = (format!("{got:#?}"), format!("{expected:#?}"));
    let (g, e): (Vec<&str>, Vec<&str>) = (got.lines().collect(), expected.lines().collect());
    let at = g
        .iter()
        .zip(&e)
        .position(|(a, b)| a != b)
        .unwrap_or(g.len().min(e.len()));
    let from = at.saturating_sub(12);
    format!(
        "got:\n{}\nexpected:\n{}",
        g[from..(at + 3).min(g.len())].join("\n"),
        e[from..(at + 3).min(e.len())].join("\n")
    )
}
