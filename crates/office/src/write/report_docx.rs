//! The periodic report as a Word document on portrait A4 pages: the ND
//! 30/2020 header block, "BÁO CÁO" and its subject with the data cut-off
//! window, the introduction, the sections (Roman numbers) with their
//! narratives and figure tables, "Nơi nhận:" and the signer, then the
//! appendix of how the units sent their reports.

use docx_rs::{
    AlignmentType, Docx, Paragraph, Table, TableCell, TableCellMargins, TableLayoutType, TableRow,
    VAlignType, WidthType,
};

use super::docx_blocks::{header_block, signature_block};
use super::docx_parts::{
    BODY, Look, SMALL, TABLE, body, body_runs, centered, document, pack_tables, page_number_header,
    paragraph, rule, run, space, text_width,
};
use super::official::DocHeader;
use super::report::{ExportReport, FigureRow, FigureTable, ReportPart, ReportSection, Submissions};
use super::words;
use crate::error::ExportError;
use cchc_domain::text::number_vn;

/// At most this many figures side by side in a table by unit; more go on
/// to another table below (a portrait page is narrow).
const FIGURES_ACROSS: usize = 4;
/// Tables of up to this many rows are kept on one page.
const KEPT_TOGETHER: usize = 12;
/// Cell padding left and right, in twips.
const PADDING: usize = 70;

/// The report as .docx bytes.
pub fn report_docx(report: &ExportReport) -> Result<Vec<u8>, ExportError> {
    let width = text_width(false);
    let mut doc = Doc {
        docx: document(false).header(page_number_header()).title_pg(),
        header_rows: Vec::new(),
        width,
    };
    doc.table(header_block(&report.header, width), 0);
    doc.add(space(BODY));
    doc.add(centered("BÁO CÁO", Look::sized(BODY).bold()));
    doc.add(centered(&report.title, Look::sized(BODY).bold()));
    if !report.period.is_empty() {
        doc.add(centered(
            &format!("({})", report.period),
            Look::sized(BODY).italic(),
        ));
    }
    doc.add(rule(width, 2000));
    doc.add(space(BODY));
    for text in &report.introduction {
        doc.add(body(text));
    }
    for section in &report.sections {
        doc.section(section);
    }
    doc.add(space(BODY));
    doc.table(
        signature_block(&report.recipients, &report.signer, width),
        0,
    );
    if let Some(submissions) = &report.submissions {
        doc.submissions(submissions, &report.header);
    }
    pack_tables(doc.docx, &doc.header_rows)
}

/// The document being written and the header rows of its tables so far.
struct Doc {
    docx: Docx,
    header_rows: Vec<usize>,
    width: usize,
}

impl Doc {
    fn add(&mut self, p: Paragraph) {
        self.docx = std::mem::take(&mut self.docx).add_paragraph(p);
    }

    fn table(&mut self, table: Table, header_rows: usize) {
        self.docx = std::mem::take(&mut self.docx).add_table(table);
        self.header_rows.push(header_rows);
    }

    fn section(&mut self, section: &ReportSection) {
        let number = match section.number.trim() {
            "" => String::new(),
            n => format!("{n}. "),
        };
        self.add(heading(&format!(
            "{number}{}",
            words::upper(&section.title)
        )));
        for (i, part) in section.parts.iter().enumerate() {
            let number = i + 1;
            match part {
                ReportPart::Text { title, paragraphs } => {
                    self.add(heading(&format!("{number}. {title}")));
                    if paragraphs.is_empty() {
                        self.add(body_runs(vec![run(
                            "Chưa có đơn vị báo cáo nội dung này.",
                            Look::sized(BODY).italic(),
                        )]));
                    }
                    for p in paragraphs {
                        let mut runs = Vec::new();
                        if !p.source.is_empty() {
                            runs.push(run("- ", Look::sized(BODY)));
                            runs.push(run(&p.source, Look::sized(BODY).italic()));
                            runs.push(run(": ", Look::sized(BODY)));
                        }
                        runs.push(run(&p.text, Look::sized(BODY)));
                        self.add(body_runs(runs));
                    }
                }
                ReportPart::Figures(table) => {
                    self.add(heading(&format!("{number}. Số liệu")));
                    self.table(figure_table(table, self.width), 1);
                    self.add(space(SMALL));
                    // Units that all reported nothing would only add a table of zeros.
                    let any = table.rows.iter().flat_map(|r| &r.by_unit);
                    if any.flatten().any(|v| *v != 0) {
                        self.by_unit(table);
                    }
                }
            }
        }
    }

    /// The units' figures: a unit per row, a figure per column, a few
    /// figures to a table.
    fn by_unit(&mut self, table: &FigureTable) {
        self.add(
            body_runs(vec![run(
                "Số liệu theo báo cáo của các đơn vị:",
                Look::sized(BODY).italic(),
            )])
            .keep_next(true),
        );
        // Tables of even width: five figures make three and two, not four and one.
        let tables = table.rows.len().div_ceil(FIGURES_ACROSS);
        let across = table.rows.len().div_ceil(tables.max(1)).max(1);
        for chunk in table.rows.chunks(across) {
            self.table(unit_table(&table.units, chunk, self.width), 1);
            self.add(space(SMALL));
        }
    }

    fn submissions(&mut self, submissions: &Submissions, header: &DocHeader) {
        self.add(centered("PHỤ LỤC", Look::sized(BODY).bold()).page_break_before(true));
        self.add(centered(
            "TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ",
            Look::sized(BODY).bold(),
        ));
        self.add(centered(&reference(header), Look::sized(BODY).italic()));
        if let Some(deadline) = submissions.deadline {
            self.add(centered(
                &format!("Hạn gửi báo cáo: {}", deadline.format("%d/%m/%Y")),
                Look::sized(BODY).italic(),
            ));
        }
        self.add(space(TABLE));
        self.table(submission_table(submissions, self.width), 1);
    }
}

/// A bold heading that stays with what follows it.
fn heading(text: &str) -> Paragraph {
    body_runs(vec![run(text, Look::sized(BODY).bold())]).keep_next(true)
}

/// "(Kèm theo Báo cáo số /BC-SYT ngày ... của Sở Y tế)".
fn reference(header: &DocHeader) -> String {
    let mut text = "(Kèm theo Báo cáo".to_owned();
    if !header.number.trim().is_empty() {
        text.push_str(&format!(" số {}", header.number.trim()));
    }
    text.push(' ');
    text.push_str(&words::date_words(header.issued_on));
    if !header.issuer.trim().is_empty() {
        text.push_str(&format!(" của {}", header.issuer.trim()));
    }
    text.push(')');
    text
}

fn cell(text: &str, look: Look, align: AlignmentType, width: usize, keep: bool) -> TableCell {
    TableCell::new()
        .add_paragraph(paragraph(text, look, align).keep_next(keep))
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
}

/// A bordered table of `rows`, each a list of (text, look, alignment); the
/// first row is the header, repeated on every page.
fn grid(widths: &[usize], rows: Vec<Vec<(String, Look, AlignmentType)>>) -> Table {
    // A short table stays on one page: each row keeps with the next.
    let last = rows.len().saturating_sub(1);
    let short = rows.len() <= KEPT_TOGETHER;
    let rows = rows
        .into_iter()
        .enumerate()
        .map(|(i, cells)| {
            // LibreOffice loses the rows after a page break when a repeated
            // header row has no height of its own: give it the titles' lines.
            let lines = cells
                .iter()
                .zip(widths)
                .map(|((text, _, _), &w)| {
                    words::wrapped_lines(text, w.saturating_sub(2 * PADDING) / 135)
                })
                .max()
                .unwrap_or(1);
            let cells = cells
                .into_iter()
                .zip(widths)
                .map(|((text, look, align), &w)| cell(&text, look, align, w, short && i < last))
                .collect();
            let row = TableRow::new(cells).cant_split();
            if i == 0 {
                row.row_height(276.0 * lines as f32 + 80.0)
            } else {
                row
            }
        })
        .collect();
    Table::new(rows)
        .set_grid(widths.to_vec())
        .layout(TableLayoutType::Fixed)
        .width(widths.iter().sum(), WidthType::Dxa)
        .margins(TableCellMargins::new().margin(30, PADDING, 30, PADDING))
}

/// Widths in twips of `weights` filling `total`.
fn widths(weights: &[usize], total: usize) -> Vec<usize> {
    let sum: usize = weights.iter().sum();
    weights.iter().map(|w| total * w / sum.max(1)).collect()
}

fn header_cells(titles: &[&str]) -> Vec<(String, Look, AlignmentType)> {
    titles
        .iter()
        .map(|t| {
            (
                t.to_string(),
                Look::sized(TABLE).bold(),
                AlignmentType::Center,
            )
        })
        .collect()
}

fn number(value: Option<i64>) -> String {
    value.map(number_vn).unwrap_or_default()
}

/// STT | Nội dung | Đơn vị tính | Số liệu | Ghi chú.
fn figure_table(table: &FigureTable, width: usize) -> Table {
    let plain = Look::sized(TABLE);
    let mut rows = vec![header_cells(&[
        "STT",
        "Nội dung",
        "Đơn vị tính",
        "Số liệu",
        "Ghi chú",
    ])];
    for (i, row) in table.rows.iter().enumerate() {
        rows.push(vec![
            ((i + 1).to_string(), plain, AlignmentType::Center),
            (row.label.clone(), plain, AlignmentType::Left),
            (row.unit.clone(), plain, AlignmentType::Center),
            (number(row.value), plain, AlignmentType::Center),
            (row.note.clone(), Look::sized(SMALL), AlignmentType::Left),
        ]);
    }
    grid(&widths(&[7, 38, 13, 17, 25], width), rows)
}

/// STT | Đơn vị | one column per figure of `rows`, and a "Cộng" row.
fn unit_table(units: &[String], rows: &[FigureRow], width: usize) -> Table {
    let plain = Look::sized(TABLE);
    let bold = plain.bold();
    let titles: Vec<String> = rows
        .iter()
        .map(|r| match r.unit.as_str() {
            "" => r.label.clone(),
            unit => format!("{} ({unit})", r.label),
        })
        .collect();
    let mut header = header_cells(&["STT", "Đơn vị"]);
    header.extend(
        titles
            .iter()
            .map(|t| (t.clone(), bold, AlignmentType::Center)),
    );
    let mut lines = vec![header];
    for (u, unit) in units.iter().enumerate() {
        let mut line = vec![
            ((u + 1).to_string(), plain, AlignmentType::Center),
            (unit.clone(), plain, AlignmentType::Left),
        ];
        line.extend(rows.iter().map(|r| {
            let value = r.by_unit.get(u).copied().flatten();
            (number(value), plain, AlignmentType::Center)
        }));
        lines.push(line);
    }
    let mut total = vec![
        (String::new(), bold, AlignmentType::Center),
        ("Cộng".to_owned(), bold, AlignmentType::Center),
    ];
    total.extend(
        rows.iter()
            .map(|r| (number(r.units_total()), bold, AlignmentType::Center)),
    );
    lines.push(total);
    let mut weights = vec![7, 29];
    weights.extend(std::iter::repeat_n(64 / rows.len().max(1), rows.len()));
    grid(&widths(&weights, width), lines)
}

/// STT | Đơn vị | Ngày gửi | Số lần gửi | Tính kịp thời | Tình trạng.
fn submission_table(s: &Submissions, width: usize) -> Table {
    let plain = Look::sized(TABLE);
    let mut rows = vec![header_cells(&[
        "STT",
        "Đơn vị",
        "Ngày gửi lần đầu",
        "Số lần gửi",
        "Tính kịp thời",
        "Tình trạng",
    ])];
    for (i, r) in s.rows.iter().enumerate() {
        rows.push(vec![
            ((i + 1).to_string(), plain, AlignmentType::Center),
            (r.unit.clone(), plain, AlignmentType::Left),
            (
                r.first_sent_on
                    .map(|d| d.format("%d/%m/%Y").to_string())
                    .unwrap_or_default(),
                plain,
                AlignmentType::Center,
            ),
            (r.submissions.to_string(), plain, AlignmentType::Center),
            (r.timeliness.clone(), plain, AlignmentType::Center),
            (r.status.clone(), plain, AlignmentType::Left),
        ]);
    }
    grid(&widths(&[7, 28, 14, 10, 16, 25], width), rows)
}
