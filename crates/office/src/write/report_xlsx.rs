//! The report's figures as an Excel workbook. Sheet "Số liệu": one row per
//! figure, grouped by section, with the department's figure, each unit's
//! and their `SUM`; sheet "Tình hình gửi báo cáo" (when the report has the
//! appendix): each unit's submission with `COUNTIF` totals. Formulas carry
//! their results for readers that do not calculate; headers are frozen and
//! repeated on printed pages.

use chrono::Datelike;
use rust_xlsxwriter::{
    ColNum, ExcelDateTime, Format, Formula, RowNum, Workbook, Worksheet, XlsxError,
};

use super::report::{ExportReport, FigureRow, ReportPart, Submissions, lower_first};
use super::words;
use super::xlsx_parts::{Formats, LINE, column_letter, fault, formats, lines};
use crate::error::ExportError;

/// Title, subject and window above the header row, then a gap.
const HEADER_ROW: RowNum = 4;
/// The first column of the units' figures.
const FIRST_UNIT: ColNum = 4;

/// The report's figures (and the units' submissions) as .xlsx bytes.
pub fn report_xlsx(report: &ExportReport) -> Result<Vec<u8>, ExportError> {
    let mut workbook = Workbook::new();
    figures_sheet(workbook.add_worksheet(), report).map_err(fault)?;
    if let Some(submissions) = &report.submissions {
        submissions_sheet(workbook.add_worksheet(), report, submissions).map_err(fault)?;
    }
    workbook.save_to_buffer().map_err(fault)
}

/// The units of the report's figure tables, in order of first appearance.
fn report_units(report: &ExportReport) -> Vec<String> {
    let mut units: Vec<String> = Vec::new();
    for section in &report.sections {
        for part in &section.parts {
            if let ReportPart::Figures(table) = part {
                for unit in &table.units {
                    if !units.contains(unit) {
                        units.push(unit.clone());
                    }
                }
            }
        }
    }
    units
}

/// The issuer, the subject in capitals and the window over `last + 1`
/// columns; sets the widths of `widths` and returns their sum.
fn title_rows(
    sheet: &mut Worksheet,
    report: &ExportReport,
    subject: &str,
    widths: &[f64],
    f: &Formats,
) -> Result<f64, XlsxError> {
    for (i, w) in widths.iter().enumerate() {
        sheet.set_column_width(i as ColNum, *w)?;
    }
    let page: f64 = widths.iter().sum();
    let last = widths.len().saturating_sub(1) as ColNum;
    let issuer = words::upper(&report.header.issuer);
    let subject = words::upper(subject);
    for (row, text, format) in [
        (0, issuer.as_str(), &f.title),
        (1, subject.as_str(), &f.title),
        (2, report.period.as_str(), &f.reference),
    ] {
        sheet.merge_range(row, 0, row, last, text, format)?;
        sheet.set_row_height(row, 19.0 * lines(text, page * 0.85) as f64)?;
    }
    Ok(page)
}

fn figures_sheet(sheet: &mut Worksheet, report: &ExportReport) -> Result<(), XlsxError> {
    let f = formats();
    sheet.set_name("Số liệu")?;
    let units = report_units(report);
    let with_units = !units.is_empty();
    let mut titles = vec!["STT", "Nội dung", "Đơn vị tính", "Số liệu tổng hợp"];
    let mut widths = vec![6.0, 46.0, 11.0, 13.0];
    titles.extend(units.iter().map(String::as_str));
    widths.extend(units.iter().map(|_| 14.0));
    if with_units {
        titles.push("Cộng các đơn vị");
        widths.push(13.0);
    }
    titles.push("Ghi chú");
    widths.push(34.0);
    let last = (titles.len() - 1) as ColNum;
    let subject = format!("Số liệu báo cáo {}", lower_first(&report.title));
    let page = title_rows(sheet, report, &subject, &widths, &f)?;
    header_row(sheet, &titles, &widths, &f)?;
    let mut row = HEADER_ROW + 1;
    for section in &report.sections {
        let rows: Vec<&FigureRow> = section
            .parts
            .iter()
            .filter_map(|p| match p {
                ReportPart::Figures(t) => Some(t),
                ReportPart::Text { .. } => None,
            })
            .flat_map(|t| &t.rows)
            .collect();
        if rows.is_empty() {
            continue;
        }
        sheet.write_string_with_format(row, 0, &section.number, &f.bold_centered)?;
        let title = words::upper(&section.title);
        sheet.merge_range(row, 1, row, last, &title, &f.bold)?;
        sheet.set_row_height(row, LINE * lines(&title, page - widths[0]) as f64 + 2.0)?;
        row += 1;
        for (i, figure) in rows.into_iter().enumerate() {
            let cells = FigureCells {
                figure,
                units: &units,
                with_units,
                f: &f,
            };
            cells.write(sheet, row, i + 1, &widths)?;
            row += 1;
        }
    }
    sheet.set_freeze_panes(HEADER_ROW + 1, 2)?;
    sheet.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    print_setup(sheet, page > 130.0);
    Ok(())
}

/// One figure's row of the "Số liệu" sheet.
struct FigureCells<'a> {
    figure: &'a FigureRow,
    /// Every unit of the sheet (a figure's own units are the same here).
    units: &'a [String],
    with_units: bool,
    f: &'a Formats,
}

impl FigureCells<'_> {
    fn write(
        &self,
        sheet: &mut Worksheet,
        row: RowNum,
        number: usize,
        widths: &[f64],
    ) -> Result<(), XlsxError> {
        let (figure, f) = (self.figure, self.f);
        sheet.write_number_with_format(row, 0, number as f64, &f.centered)?;
        sheet.write_string_with_format(row, 1, &figure.label, &f.text)?;
        sheet.write_string_with_format(row, 2, &figure.unit, &f.centered)?;
        number_cell(sheet, row, 3, figure.value, &f.whole)?;
        for (u, _) in self.units.iter().enumerate() {
            let value = figure.by_unit.get(u).copied().flatten();
            number_cell(sheet, row, FIRST_UNIT + u as ColNum, value, &f.whole)?;
        }
        let mut note_col = FIRST_UNIT + self.units.len() as ColNum;
        if self.with_units {
            match figure.units_total() {
                Some(total) => {
                    let first = column_letter(FIRST_UNIT);
                    let end = column_letter(note_col - 1);
                    let excel_row = row + 1;
                    let formula =
                        Formula::new(format!("=SUM({first}{excel_row}:{end}{excel_row})"))
                            .set_result(total.to_string());
                    let bold = f.whole.clone().set_bold();
                    sheet.write_formula_with_format(row, note_col, formula, &bold)?;
                }
                None => {
                    sheet.write_blank(row, note_col, &f.whole)?;
                }
            }
            note_col += 1;
        }
        sheet.write_string_with_format(row, note_col, &figure.note, &f.text)?;
        let height =
            lines(&figure.label, widths[1]).max(lines(&figure.note, widths[note_col as usize]));
        sheet.set_row_height(row, LINE * height as f64 + 2.0)?;
        Ok(())
    }
}

fn number_cell(
    sheet: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    value: Option<i64>,
    format: &Format,
) -> Result<(), XlsxError> {
    match value {
        Some(v) => sheet.write_number_with_format(row, col, v as f64, format)?,
        None => sheet.write_blank(row, col, format)?,
    };
    Ok(())
}

/// The header row, as tall as its longest title.
fn header_row(
    sheet: &mut Worksheet,
    titles: &[&str],
    widths: &[f64],
    f: &Formats,
) -> Result<(), XlsxError> {
    let mut height = 1;
    for (i, title) in titles.iter().enumerate() {
        sheet.write_string_with_format(HEADER_ROW, i as ColNum, *title, &f.header)?;
        height = height.max(lines(title, widths[i] * 0.85));
    }
    sheet.set_row_height(HEADER_ROW, LINE * height as f64 + 4.0)?;
    Ok(())
}

/// A4, landscape when `wide`, the ND 30/2020 margins, fitted to the width.
fn print_setup(sheet: &mut Worksheet, wide: bool) {
    if wide {
        sheet.set_landscape();
    } else {
        sheet.set_portrait();
    }
    sheet
        .set_paper_size(9)
        .set_margins(1.18, 0.59, 0.79, 0.79, 0.3, 0.3)
        .set_print_fit_to_pages(1, 0)
        .set_print_center_horizontally(true)
        .set_footer("&C&\"Times New Roman\"&11Trang &P/&N");
}

fn submissions_sheet(
    sheet: &mut Worksheet,
    report: &ExportReport,
    s: &Submissions,
) -> Result<(), XlsxError> {
    let f = formats();
    sheet.set_name("Tình hình gửi báo cáo")?;
    let titles = [
        "STT",
        "Đơn vị",
        "Ngày gửi lần đầu",
        "Số lần gửi",
        "Tính kịp thời",
        "Tình trạng",
    ];
    let widths = [6.0, 40.0, 14.0, 10.0, 16.0, 24.0];
    let subject = format!(
        "Tình hình gửi báo cáo của các đơn vị{}",
        s.deadline
            .map(|d| format!(" (hạn gửi {})", d.format("%d/%m/%Y")))
            .unwrap_or_default()
    );
    let page = title_rows(sheet, report, &subject, &widths, &f)?;
    header_row(sheet, &titles, &widths, &f)?;
    let date = f.centered.clone().set_num_format("dd/mm/yyyy");
    let first = HEADER_ROW + 1;
    for (i, r) in s.rows.iter().enumerate() {
        let row = first + i as RowNum;
        sheet.write_number_with_format(row, 0, (i + 1) as f64, &f.centered)?;
        sheet.write_string_with_format(row, 1, &r.unit, &f.text)?;
        match r.first_sent_on {
            Some(d) => {
                let d = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                sheet.write_datetime_with_format(row, 2, &d, &date)?;
            }
            None => {
                sheet.write_blank(row, 2, &f.centered)?;
            }
        }
        sheet.write_number_with_format(row, 3, r.submissions as f64, &f.centered)?;
        sheet.write_string_with_format(row, 4, &r.timeliness, &f.centered)?;
        sheet.write_string_with_format(row, 5, &r.status, &f.text)?;
        sheet.set_row_height(row, LINE * lines(&r.unit, widths[1]) as f64 + 2.0)?;
    }
    let end = first + s.rows.len() as RowNum;
    counts(sheet, s, (first, end), &f)?;
    sheet.set_freeze_panes(first, 0)?;
    sheet.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    print_setup(sheet, page > 130.0);
    Ok(())
}

/// Below the rows `first..end`: how many units sent on time, late or not
/// at all, as `COUNTIF` formulas over the timeliness column.
fn counts(
    sheet: &mut Worksheet,
    s: &Submissions,
    (first, end): (RowNum, RowNum),
    f: &Formats,
) -> Result<(), XlsxError> {
    let range = format!("E{}:E{}", first + 1, end.max(first + 1));
    let lines = [
        ("Số đơn vị gửi đúng hạn", "Đúng hạn", false),
        ("Số đơn vị gửi chậm", "Chậm*", true),
        ("Số đơn vị không gửi", "Không gửi", false),
    ];
    for (i, (label, pattern, prefix)) in lines.into_iter().enumerate() {
        let row = end + 1 + i as RowNum;
        let count = s
            .rows
            .iter()
            .filter(|r| {
                if prefix {
                    r.timeliness.starts_with(pattern.trim_end_matches('*'))
                } else {
                    r.timeliness == pattern
                }
            })
            .count();
        sheet.merge_range(row, 0, row, 3, label, &f.bold)?;
        let formula =
            Formula::new(format!("=COUNTIF({range},\"{pattern}\")")).set_result(count.to_string());
        sheet.write_formula_with_format(row, 4, formula, &f.bold_centered)?;
        sheet.write_blank(row, 5, &f.text)?;
    }
    Ok(())
}
