//! The two Word documents: the appendix alone (landscape), and the whole
//! plan: the ND 30/2020 header block, "KẾ HOẠCH" and its subject, legal
//! bases and body, "Nơi nhận:" with the signature block on portrait pages,
//! then the appendix on landscape pages.

use docx_rs::{AlignmentType, Docx, Section, Table, TableCell, TableRow, VAlignType, WidthType};

use super::docx_parts::{
    BODY, Look, SMALL, TABLE, body, centered, document, margins, pack, page_number_header,
    page_size, paragraph, rule, space, text_width,
};
use super::docx_table::appendix_table;
use super::model::ExportPlan;
use super::words;
use crate::error::ExportError;

/// The appendix as a .docx: "PHỤ LỤC", its title and the plan it belongs
/// to, then the table, on landscape A4 pages.
pub fn appendix_docx(plan: &ExportPlan) -> Result<Vec<u8>, ExportError> {
    let plan = &*plan.with_columns();
    let mut docx = document(true).header(page_number_header()).title_pg();
    for p in appendix_heading(plan) {
        docx = docx.add_paragraph(p);
    }
    let (table, header_rows) = appendix_table(plan);
    pack(docx.add_table(table), header_rows)
}

/// The whole plan as a .docx: the plan on portrait pages, the appendix on
/// landscape pages after it.
pub fn plan_docx(plan: &ExportPlan) -> Result<Vec<u8>, ExportError> {
    let plan = &*plan.with_columns();
    let width = text_width(false);
    let mut section = Section::new()
        .page_size(page_size(false))
        .page_margin(margins())
        .title_pg()
        .header(page_number_header())
        .add_table(header_block(plan, width))
        .add_paragraph(space(BODY))
        .add_paragraph(centered("KẾ HOẠCH", Look::sized(BODY).bold()))
        .add_paragraph(centered(
            &words::title_with_period(plan),
            Look::sized(BODY).bold(),
        ))
        .add_paragraph(rule(width, 2000))
        .add_paragraph(space(BODY));
    for text in plan.legal_bases.iter().chain(&plan.body) {
        section = section.add_paragraph(body(text));
    }
    section = section
        .add_paragraph(space(BODY))
        .add_table(signature_block(plan, width));
    // The appendix pages go on numbering after the plan's.
    let mut docx: Docx = document(true)
        .add_section(section)
        .header(page_number_header());
    for p in appendix_heading(plan) {
        docx = docx.add_paragraph(p);
    }
    let (table, header_rows) = appendix_table(plan);
    pack(docx.add_table(table), header_rows)
}

fn appendix_heading(plan: &ExportPlan) -> Vec<docx_rs::Paragraph> {
    vec![
        centered("PHỤ LỤC", Look::sized(BODY).bold()),
        centered(&words::appendix_title(plan), Look::sized(BODY).bold()),
        centered(&words::appendix_reference(plan), Look::sized(BODY).italic()),
        space(TABLE),
    ]
}

/// Two borderless columns: the issuing body with "Số: ..." on the left, the
/// national title, motto and the place and date on the right.
fn header_block(plan: &ExportPlan, width: usize) -> Table {
    let left_width = width * 2 / 5;
    let right_width = width - left_width;
    let h = &plan.header;
    let mut left = TableCell::new();
    if !h.superior_body.trim().is_empty() {
        left = left.add_paragraph(centered(&words::upper(&h.superior_body), Look::sized(26)));
    }
    left = left
        .add_paragraph(centered(&words::upper(&h.issuer), Look::sized(26).bold()))
        .add_paragraph(rule(left_width, 1200))
        .add_paragraph(space(SMALL))
        .add_paragraph(centered(&format!("Số: {}", h.number), Look::sized(26)));
    let right = TableCell::new()
        .add_paragraph(centered(
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            Look::sized(TABLE).bold(),
        ))
        .add_paragraph(centered(
            "Độc lập - Tự do - Hạnh phúc",
            Look::sized(BODY).bold(),
        ))
        .add_paragraph(rule(right_width, 3400))
        .add_paragraph(space(SMALL))
        .add_paragraph(centered(
            &words::place_and_date(plan),
            Look::sized(BODY).italic(),
        ));
    borderless(vec![(left, left_width), (right, right_width)])
}

/// "Nơi nhận:" and its lines on the left, the signer on the right.
fn signature_block(plan: &ExportPlan, width: usize) -> Table {
    let left_width = width * 9 / 20;
    let right_width = width - left_width;
    let mut left = TableCell::new().add_paragraph(paragraph(
        "Nơi nhận:",
        Look::sized(TABLE).bold().italic(),
        AlignmentType::Left,
    ));
    for line in &plan.recipients {
        left = left.add_paragraph(paragraph(
            &format!("- {line}"),
            Look::sized(SMALL),
            AlignmentType::Left,
        ));
    }
    let mut right = TableCell::new().add_paragraph(centered(
        &words::upper(&plan.signer.authority),
        Look::sized(BODY).bold(),
    ));
    for _ in 0..4 {
        right = right.add_paragraph(space(BODY));
    }
    right = right.add_paragraph(centered(&plan.signer.name, Look::sized(BODY).bold()));
    borderless(vec![(left, left_width), (right, right_width)])
}

fn borderless(cells: Vec<(TableCell, usize)>) -> Table {
    let widths: Vec<usize> = cells.iter().map(|(_, w)| *w).collect();
    let cells = cells
        .into_iter()
        .map(|(c, w)| c.width(w, WidthType::Dxa).vertical_align(VAlignType::Top))
        .collect();
    Table::without_borders(vec![TableRow::new(cells)])
        .set_grid(widths.clone())
        .width(widths.iter().sum(), WidthType::Dxa)
        .layout(docx_rs::TableLayoutType::Fixed)
}
