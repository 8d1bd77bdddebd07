//! The appendix table in Word: a one- or two-line header (group titles such
//! as "Thời gian thực hiện" over "Bắt đầu" / "Kết thúc"), a bold section row
//! whose title spans the table, item rows in tree order, and a "Tổng cộng"
//! row with the budget sum. Rows that fit comfortably on a page are kept
//! whole (`cantSplit`); section and group rows stay with the next row.

use docx_rs::{
    AlignmentType, Paragraph, Table, TableCell, TableCellMargins, TableLayoutType, TableRow,
    VAlignType, VMergeType, WidthType,
};

use super::docx_parts::{Look, TABLE, paragraph, text_width};
use super::model::{Column, ColumnKind, ExportItem, ExportPlan};
use super::words;

/// Lines of 12 pt text up to which a row is kept on one page.
const MAX_UNSPLIT_LINES: usize = 8;
/// Twips a line of 12 pt text takes (single spacing).
const LINE: f32 = 276.0;
/// Cell padding left and right, in twips.
const PADDING: usize = 70;

/// The appendix table and how many header rows it has.
pub(super) fn appendix_table(plan: &ExportPlan) -> (Table, usize) {
    let widths = column_widths(&plan.columns, text_width(true));
    let header = header_rows(&plan.columns, &widths);
    let header_count = header.len();
    let mut rows = header;
    for section in &plan.sections {
        if !(section.number.is_empty() && section.title.is_empty()) {
            rows.push(section_row(&section.number, &section.title, &widths));
        }
        item_rows(&section.items, plan, &widths, &mut rows);
    }
    if let (true, Some(total)) = (
        plan.has_column(&ColumnKind::Budget),
        plan.budget_total_vnd(),
    ) {
        rows.push(total_row(plan, total, &widths));
    }
    let table = Table::new(rows)
        .set_grid(widths.clone())
        .layout(TableLayoutType::Fixed)
        .width(widths.iter().sum(), WidthType::Dxa)
        .margins(TableCellMargins::new().margin(30, PADDING, 30, PADDING));
    (table, header_count)
}

/// Twips per column, in proportion to the weights, filling `total`.
pub(super) fn column_widths(columns: &[Column], total: usize) -> Vec<usize> {
    let weights: usize = columns.iter().map(|c| usize::from(c.weight.max(1))).sum();
    columns
        .iter()
        .map(|c| total * usize::from(c.weight.max(1)) / weights.max(1))
        .collect()
}

fn cell(text: &str, look: Look, align: AlignmentType, width: usize) -> TableCell {
    TableCell::new()
        .add_paragraph(paragraph(text, look, align))
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
}

/// The header lines. Their minimum heights are set from the titles:
/// LibreOffice lays out a repeated header without the height a title
/// merged over both lines needs, and clips it.
fn header_rows(columns: &[Column], widths: &[usize]) -> Vec<TableRow> {
    let look = Look::sized(TABLE).bold();
    let two_lines = columns.iter().any(|c| c.group.is_some());
    let mut first = Vec::new();
    let mut second = Vec::new();
    // Lines of the group titles, of the titles under them, and of the
    // titles spanning both header lines.
    let (mut top, mut bottom, mut both) = (1, 1, 1);
    let mut i = 0;
    while i < columns.len() {
        let Some(group) = &columns[i].group else {
            both = both.max(title_lines(&columns[i].title, widths[i]));
            let title = cell(&columns[i].title, look, AlignmentType::Center, widths[i]);
            if two_lines {
                first.push(title.vertical_merge(VMergeType::Restart));
                second.push(
                    TableCell::new()
                        .add_paragraph(Paragraph::new().size(TABLE))
                        .width(widths[i], WidthType::Dxa)
                        .vertical_merge(VMergeType::Continue),
                );
            } else {
                first.push(title);
            }
            i += 1;
            continue;
        };
        let span = columns[i..]
            .iter()
            .take_while(|c| c.group.as_ref() == Some(group))
            .count();
        let width = widths[i..i + span].iter().sum();
        top = top.max(title_lines(group, width));
        first.push(cell(group, look, AlignmentType::Center, width).grid_span(span));
        for j in i..i + span {
            bottom = bottom.max(title_lines(&columns[j].title, widths[j]));
            second.push(cell(
                &columns[j].title,
                look,
                AlignmentType::Center,
                widths[j],
            ));
        }
        i += span;
    }
    let height = |lines: usize| LINE * lines as f32 + 80.0;
    if !two_lines {
        return vec![TableRow::new(first).cant_split().row_height(height(both))];
    }
    let bottom = bottom.max(both.saturating_sub(top));
    vec![
        TableRow::new(first).cant_split().row_height(height(top)),
        TableRow::new(second)
            .cant_split()
            .row_height(height(bottom)),
    ]
}

fn section_row(number: &str, title: &str, widths: &[usize]) -> TableRow {
    let look = Look::sized(TABLE).bold();
    let rest: usize = widths.iter().skip(1).sum();
    let mut cells = vec![
        TableCell::new()
            .add_paragraph(paragraph(number, look, AlignmentType::Center).keep_next(true))
            .width(widths[0], WidthType::Dxa)
            .vertical_align(VAlignType::Center),
    ];
    if widths.len() > 1 {
        cells.push(
            TableCell::new()
                .add_paragraph(paragraph(title, look, AlignmentType::Left).keep_next(true))
                .width(rest, WidthType::Dxa)
                .vertical_align(VAlignType::Center)
                .grid_span(widths.len() - 1),
        );
    }
    TableRow::new(cells).cant_split()
}

fn item_rows(items: &[ExportItem], plan: &ExportPlan, widths: &[usize], rows: &mut Vec<TableRow>) {
    for item in items {
        let keep_next = item.group || !item.children.is_empty();
        let mut lines = 1;
        let cells = plan
            .columns
            .iter()
            .zip(widths)
            .map(|(column, &width)| {
                let text = words::cell(item, &column.kind);
                lines = lines.max(estimated_lines(&text, width));
                let bold =
                    keep_next && matches!(column.kind, ColumnKind::Number | ColumnKind::Content);
                let look = if bold {
                    Look::sized(TABLE).bold()
                } else {
                    Look::sized(TABLE)
                };
                let p = paragraph(&text, look, alignment(&column.kind)).keep_next(keep_next);
                TableCell::new()
                    .add_paragraph(p)
                    .width(width, WidthType::Dxa)
                    .vertical_align(VAlignType::Top)
            })
            .collect();
        let row = TableRow::new(cells);
        rows.push(if lines <= MAX_UNSPLIT_LINES {
            row.cant_split()
        } else {
            row
        });
        item_rows(&item.children, plan, widths, rows);
    }
}

fn alignment(kind: &ColumnKind) -> AlignmentType {
    match kind {
        ColumnKind::Number | ColumnKind::Schedule | ColumnKind::Start | ColumnKind::End => {
            AlignmentType::Center
        }
        ColumnKind::Budget => AlignmentType::Right,
        _ => AlignmentType::Left,
    }
}

fn total_row(plan: &ExportPlan, total_vnd: i64, widths: &[usize]) -> TableRow {
    let look = Look::sized(TABLE).bold();
    let label = plan.total_label_column();
    let cells = plan
        .columns
        .iter()
        .zip(widths)
        .enumerate()
        .map(|(i, (column, &width))| {
            let (text, align) = match column.kind {
                _ if i == label => ("Tổng cộng".to_owned(), AlignmentType::Center),
                ColumnKind::Budget => (
                    cchc_domain::plans::format_budget(total_vnd),
                    AlignmentType::Right,
                ),
                _ => (String::new(), AlignmentType::Left),
            };
            cell(&text, look, align, width)
        })
        .collect();
    TableRow::new(cells).cant_split()
}

/// Lines `text` takes in a cell `width` twips wide at 12 pt (an average
/// Times New Roman character is about 110 twips wide).
fn estimated_lines(text: &str, width: usize) -> usize {
    words::wrapped_lines(text, width.saturating_sub(2 * PADDING) / 110)
}

/// [`estimated_lines`] for bold titles, erring on the tall side.
fn title_lines(text: &str, width: usize) -> usize {
    words::wrapped_lines(text, width.saturating_sub(2 * PADDING) / 135)
}
