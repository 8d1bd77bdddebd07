//! Plan import: a document's appendix table -> a [`PlanPreview`].
//!
//! Steps: read the file into grids ([`crate::read`]); find the grid and row
//! of the appendix header ([`header`]); read the plan facts from the body
//! text before it ([`metadata`]); turn the rows after it into records,
//! skipping repeated headers and joining rows split by page breaks
//! ([`records`]); nest them into sections and items ([`structure`]); read
//! each item's target, budget, units and schedule ([`items`]).

mod cells;
mod header;
mod items;
mod matching;
mod metadata;
mod numbering;
mod preview;
mod records;
mod responsibility;
mod structure;

use cchc_domain::text::fold;
use cchc_domain::units::Unit;

pub use matching::FUZZY_THRESHOLD;
pub use preview::{
    ItemPreview, MatchKind, PlanInfo, PlanPreview, ScheduleCell, SchedulePreview, SectionPreview,
    UnitRef, Warning,
};

use crate::error::ImportError;
use crate::grid::{Grid, Row};
use crate::limits::Limits;
use header::{Field, Header};
use items::Context;
use records::Record;
use structure::Node;

/// Reads an uploaded plan (.docx, .xlsx, .txt/.tsv) into a preview, matching
/// responsible units against `units`. Uses [`Limits::default`].
pub fn read_plan(
    bytes: &[u8],
    file_name: &str,
    units: &[Unit],
) -> Result<PlanPreview, ImportError> {
    read_plan_with(bytes, file_name, units, &Limits::default())
}

/// [`read_plan`] with explicit limits.
pub fn read_plan_with(
    bytes: &[u8],
    file_name: &str,
    units: &[Unit],
    limits: &Limits,
) -> Result<PlanPreview, ImportError> {
    let grids = crate::read::read(bytes, file_name, limits)?;
    preview(&grids, units)
}

/// The preview of the first grid that has an appendix header.
pub fn preview(grids: &[Grid], units: &[Unit]) -> Result<PlanPreview, ImportError> {
    let (grid, header) = grids
        .iter()
        .find_map(|g| header::find(&g.rows).map(|h| (g, h)))
        .ok_or(ImportError::NoAppendixHeader)?;
    let mut warnings = Vec::new();
    let plan = metadata::read(&body_lines(&grid.rows[..header.first_row]), &mut warnings);
    let mut records = records::collect(&grid.rows, &header, &mut warnings);
    let total = take_total(&mut records, &header);
    if records.is_empty() {
        return Err(ImportError::EmptyTable);
    }
    if !(header.has(Field::Schedule) || header.has(Field::Start) || header.has(Field::End)) {
        warnings.push(Warning::plan(
            "Bảng phụ lục không có cột thời gian thực hiện: cần xác định thời hạn cho từng nhiệm vụ.",
        ));
    }
    let column = |field| header.column_of(field);
    let sections = structure::build(
        &records,
        |r| r.get(column(Field::Number)).to_owned(),
        |r| r.get(column(Field::Content)).to_owned(),
        |r| has_task_data(r, &header),
        &mut warnings,
    );
    let ctx = Context {
        header: &header,
        units,
        period: plan.period,
    };
    let sections: Vec<SectionPreview> = sections
        .into_iter()
        .map(|s| SectionPreview {
            row: s.row,
            number: s.number,
            title: s.title,
            items: s
                .items
                .iter()
                .map(|n| item_tree(n, &records, &ctx, &mut warnings))
                .collect(),
        })
        .collect();
    let mut plan = plan;
    if let Some(total) = total {
        check_total(&total, &sections, &header, &mut plan, &mut warnings);
    }
    // Plan-wide warnings first, then by row; the sort is stable.
    warnings.sort_by_key(|w| w.row);
    Ok(PlanPreview {
        plan,
        sections,
        warnings,
    })
}

/// Removes the "Tổng" / "Tổng cộng" row, which sums the budgets and is no task.
fn take_total(records: &mut Vec<Record>, header: &Header) -> Option<Record> {
    let is_total = |r: &Record| {
        let label = match r.get(header.column_of(Field::Number)) {
            "" => r.get(header.column_of(Field::Content)),
            number => number,
        };
        let folded = fold(label);
        folded == "cong" || folded.starts_with("tong")
    };
    let at = records.iter().position(is_total)?;
    Some(records.remove(at))
}

fn check_total(
    total: &Record,
    sections: &[SectionPreview],
    header: &Header,
    plan: &mut PlanInfo,
    warnings: &mut Vec<Warning>,
) {
    let text = total.get(header.column_of(Field::Budget));
    let Some(value) = items::parse_budget(text) else {
        return;
    };
    plan.budget_total_million_vnd = Some(value);
    fn sum(items: &[ItemPreview]) -> f64 {
        items
            .iter()
            .map(|i| i.budget_million_vnd.unwrap_or(0.0) + sum(&i.children))
            .sum()
    }
    let items: f64 = sections.iter().map(|s| sum(&s.items)).sum();
    if (items - value).abs() > 1e-6 {
        let show = |v: f64| format!("{v}").replace('.', ",");
        warnings.push(Warning::at(
            total.row,
            format!(
                "Tổng kinh phí của bảng ({} triệu đồng) khác tổng kinh phí các nhiệm vụ ({} triệu đồng).",
                show(value),
                show(items)
            ),
        ));
    }
}

fn item_tree(
    node: &Node,
    records: &[Record],
    ctx: &Context,
    warnings: &mut Vec<Warning>,
) -> ItemPreview {
    let record = &records[node.record];
    let mut item = items::item(
        record,
        node.number.clone(),
        !node.children.is_empty(),
        ctx,
        warnings,
    );
    item.children = node
        .children
        .iter()
        .map(|c| item_tree(c, records, ctx, warnings))
        .collect();
    item
}

/// Whether a heading row also fills task columns (beyond STT and content).
fn has_task_data(record: &Record, header: &Header) -> bool {
    record.cells.iter().enumerate().any(|(i, text)| {
        let field = header.columns.get(i).and_then(|c| c.field);
        !text.is_empty() && !matches!(field, Some(Field::Number | Field::Content))
    })
}

/// The body text before the header: paragraphs, and the cells of layout
/// tables (the number and date usually sit in one), line by line.
fn body_lines(rows: &[Row]) -> Vec<metadata::Line> {
    let mut lines = Vec::new();
    for row in rows {
        for cell in &row.cells {
            for line in cell.text.split('\n') {
                lines.push((row.source, cells::clean_cell(line)));
            }
        }
    }
    lines
}
