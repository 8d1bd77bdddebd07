//! The appendix as an Excel workbook: title rows, the header (frozen and
//! repeated on every printed page), section rows merged and bold, budgets
//! as numbers with a `SUM` in the "Tổng cộng" row, A4 landscape printing.

use rust_xlsxwriter::{ColNum, Format, Formula, RowNum, Workbook, Worksheet, XlsxError};

use super::model::{Column, ColumnKind, ExportItem, ExportPlan};
use super::words;
use super::xlsx_parts::{Formats, LINE, column_letter, fault, formats, lines, number_format};
use crate::error::ExportError;

/// Excel column width units a landscape A4 page holds at 100 %.
const PAGE_WIDTH: f64 = 130.0;
/// The first header row (after "PHỤ LỤC", the title, the reference and a gap).
const HEADER_ROW: RowNum = 4;

/// The appendix as .xlsx bytes, on one sheet named "Phụ lục".
pub fn appendix_xlsx(plan: &ExportPlan) -> Result<Vec<u8>, ExportError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    write_sheet(sheet, &plan.with_columns()).map_err(fault)?;
    workbook.save_to_buffer().map_err(fault)
}

fn write_sheet(sheet: &mut Worksheet, plan: &ExportPlan) -> Result<(), XlsxError> {
    let f = formats();
    let last = plan.columns.len().saturating_sub(1) as ColNum;
    sheet.set_name("Phụ lục")?;
    let widths = widths(sheet, &plan.columns)?;
    let page: f64 = widths.iter().sum();
    let title = words::appendix_title(plan);
    merged(sheet, 0, last, "PHỤ LỤC", &f.title)?;
    merged(sheet, 1, last, &title, &f.title)?;
    sheet.set_row_height(1, 19.0 * lines(&title, page) as f64)?;
    let reference = words::appendix_reference(plan);
    merged(sheet, 2, last, &reference, &f.reference)?;
    sheet.set_row_height(2, 19.0 * lines(&reference, page) as f64)?;
    let header_last = header(sheet, &plan.columns, &widths, &f)?;
    let first_data = header_last + 1;
    let mut row = first_data;
    let sheet_rows = Rows {
        plan,
        widths: &widths,
        f: &f,
    };
    for section in &plan.sections {
        if !(section.number.is_empty() && section.title.is_empty()) {
            sheet.write_string_with_format(row, 0, &section.number, &f.header)?;
            merged(sheet, row, last, &section.title, &f.bold)?;
            let height = lines(&section.title, page - widths[0]);
            sheet.set_row_height(row, LINE * height as f64 + 2.0)?;
            row += 1;
        }
        row = sheet_rows.items(sheet, row, &section.items)?;
    }
    let budget = plan
        .columns
        .iter()
        .position(|c| c.kind == ColumnKind::Budget);
    if let (Some(budget), Some(total)) = (budget, plan.budget_total_vnd()) {
        total_row(sheet, plan, row, (first_data, budget as ColNum), total, &f)?;
    }
    sheet.set_freeze_panes(first_data, 0)?;
    sheet.set_repeat_rows(HEADER_ROW, header_last)?;
    sheet
        .set_landscape()
        .set_paper_size(9)
        .set_margins(1.18, 0.59, 0.79, 0.79, 0.3, 0.3)
        .set_print_fit_to_pages(1, 0)
        .set_print_center_horizontally(true)
        .set_footer("&C&\"Times New Roman\"&11Trang &P/&N");
    Ok(())
}

/// Text across columns 1..=last of `row` (from column 0 when `row` is a
/// title row), merged when that is more than one cell.
fn merged(
    sheet: &mut Worksheet,
    row: RowNum,
    last: ColNum,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    let first = if row < HEADER_ROW { 0 } else { 1.min(last) };
    if first == last {
        sheet.write_string_with_format(row, first, text, format)?;
    } else {
        sheet.merge_range(row, first, row, last, text, format)?;
    }
    Ok(())
}

/// Sets and returns the column widths, in proportion to the weights.
fn widths(sheet: &mut Worksheet, columns: &[Column]) -> Result<Vec<f64>, XlsxError> {
    let total: f64 = columns.iter().map(|c| f64::from(c.weight.max(1))).sum();
    let mut widths = Vec::with_capacity(columns.len());
    for (i, column) in columns.iter().enumerate() {
        let width = (f64::from(column.weight.max(1)) * PAGE_WIDTH / total)
            .max(5.0)
            .round();
        sheet.set_column_width(i as ColNum, width)?;
        widths.push(width);
    }
    Ok(widths)
}

/// Writes the header lines; returns the last header row.
fn header(
    sheet: &mut Worksheet,
    columns: &[Column],
    widths: &[f64],
    f: &Formats,
) -> Result<RowNum, XlsxError> {
    let two_lines = columns.iter().any(|c| c.group.is_some());
    let second = HEADER_ROW + RowNum::from(two_lines);
    // Lines of the first row's group titles, of the second row's titles,
    // and of the titles spanning both rows.
    let (mut top, mut bottom, mut both) = (1, 1, 1);
    let mut i = 0;
    while i < columns.len() {
        let col = i as ColNum;
        let Some(group) = &columns[i].group else {
            both = both.max(lines(&columns[i].title, widths[i]));
            if two_lines {
                sheet.merge_range(HEADER_ROW, col, second, col, &columns[i].title, &f.header)?;
            } else {
                sheet.write_string_with_format(HEADER_ROW, col, &columns[i].title, &f.header)?;
            }
            i += 1;
            continue;
        };
        let span = columns[i..]
            .iter()
            .take_while(|c| c.group.as_ref() == Some(group))
            .count();
        let end = (i + span - 1) as ColNum;
        top = top.max(lines(group, widths[i..i + span].iter().sum()));
        if span > 1 {
            sheet.merge_range(HEADER_ROW, col, HEADER_ROW, end, group, &f.header)?;
        } else {
            sheet.write_string_with_format(HEADER_ROW, col, group, &f.header)?;
        }
        for (j, column) in columns[i..i + span].iter().enumerate() {
            sheet.write_string_with_format(second, col + j as ColNum, &column.title, &f.header)?;
            bottom = bottom.max(lines(&column.title, widths[i + j]));
        }
        i += span;
    }
    if two_lines {
        bottom = bottom.max(both.saturating_sub(top));
        sheet.set_row_height(HEADER_ROW, LINE * top as f64 + 2.0)?;
        sheet.set_row_height(second, LINE * bottom as f64 + 2.0)?;
    } else {
        sheet.set_row_height(HEADER_ROW, LINE * both as f64 + 2.0)?;
    }
    Ok(second)
}

/// What writing item rows needs.
struct Rows<'a> {
    plan: &'a ExportPlan,
    widths: &'a [f64],
    f: &'a Formats,
}

impl Rows<'_> {
    /// Writes `list` and the children of each from `row`; returns the next
    /// free row.
    fn items(
        &self,
        sheet: &mut Worksheet,
        mut row: RowNum,
        list: &[ExportItem],
    ) -> Result<RowNum, XlsxError> {
        for item in list {
            let mut height = 1;
            for (i, column) in self.plan.columns.iter().enumerate() {
                height = height.max(self.cell(sheet, row, i, &column.kind, item)?);
            }
            sheet.set_row_height(row, LINE * height as f64 + 2.0)?;
            row = self.items(sheet, row + 1, &item.children)?;
        }
        Ok(row)
    }

    /// Writes one cell; returns the lines it takes.
    fn cell(
        &self,
        sheet: &mut Worksheet,
        row: RowNum,
        i: usize,
        kind: &ColumnKind,
        item: &ExportItem,
    ) -> Result<usize, XlsxError> {
        let (col, f) = (i as ColNum, self.f);
        if let (ColumnKind::Budget, Some(vnd)) = (kind, item.budget_vnd) {
            let million = vnd as f64 / 1_000_000.0;
            sheet.write_number_with_format(row, col, million, number_format(million, f))?;
            return Ok(1);
        }
        let bold = item.group || !item.children.is_empty();
        let format = match kind {
            ColumnKind::Number if bold => &f.bold_centered,
            ColumnKind::Content if bold => &f.bold,
            ColumnKind::Number | ColumnKind::Schedule | ColumnKind::Start | ColumnKind::End => {
                &f.centered
            }
            _ => &f.text,
        };
        let text = words::cell(item, kind);
        if text.is_empty() {
            sheet.write_blank(row, col, format)?;
        } else {
            sheet.write_string_with_format(row, col, &text, format)?;
        }
        Ok(lines(&text, self.widths[i]))
    }
}

/// "Tổng cộng" with `=SUM(...)` over the budget column; the sum is also
/// stored as the formula's result for readers that do not calculate.
fn total_row(
    sheet: &mut Worksheet,
    plan: &ExportPlan,
    row: RowNum,
    (first_data, budget): (RowNum, ColNum),
    total_vnd: i64,
    f: &Formats,
) -> Result<(), XlsxError> {
    let label = plan.total_label_column();
    for (i, column) in plan.columns.iter().enumerate() {
        let col = i as ColNum;
        match column.kind {
            _ if i == label => {
                sheet.write_string_with_format(row, col, "Tổng cộng", &f.header)?;
            }
            ColumnKind::Budget => {}
            _ => {
                sheet.write_blank(row, col, &f.header)?;
            }
        }
    }
    let million = total_vnd as f64 / 1_000_000.0;
    let letter = column_letter(budget);
    let formula = Formula::new(format!("=SUM({letter}{}:{letter}{row})", first_data + 1))
        .set_result(million.to_string());
    let format = number_format(million, f).clone().set_bold();
    sheet.write_formula_with_format(row, budget, formula, &format)?;
    Ok(())
}
