//! The two Word documents: the appendix alone (landscape), and the whole
//! plan: the ND 30/2020 header block, "KẾ HOẠCH" and its subject, legal
//! bases and body, "Nơi nhận:" with the signature block on portrait pages,
//! then the appendix on landscape pages.

use docx_rs::{Docx, Section};

use super::docx_blocks::{header_block, signature_block};
use super::docx_parts::{
    BODY, Look, TABLE, body, centered, document, margins, pack, page_number_header, page_size,
    rule, space, text_width,
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
        .add_table(header_block(&plan.header, width))
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
        .add_table(signature_block(&plan.recipients, &plan.signer, width));
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
