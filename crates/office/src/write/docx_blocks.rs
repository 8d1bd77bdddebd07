//! The blocks every official Word document shares (ND 30/2020): the header
//! block at the top of the first page and the "Nơi nhận:" and signature
//! block at the end, both laid out as borderless two-column tables.

use docx_rs::{AlignmentType, Table, TableCell, TableLayoutType, TableRow, VAlignType, WidthType};

use super::docx_parts::{BODY, Look, SMALL, TABLE, centered, paragraph, rule, space};
use super::official::{DocHeader, Signer};
use super::words;

/// Two borderless columns: the issuing body with "Số: ..." on the left, the
/// national title, motto and the place and date on the right.
pub(super) fn header_block(h: &DocHeader, width: usize) -> Table {
    let left_width = width * 2 / 5;
    let right_width = width - left_width;
    let mut left = TableCell::new();
    let superior = !h.superior_body.trim().is_empty();
    if superior {
        left = left.add_paragraph(centered(&words::upper(&h.superior_body), Look::sized(26)));
    }
    left = left
        .add_paragraph(centered(&words::upper(&h.issuer), Look::sized(26).bold()))
        .add_paragraph(rule(left_width, 1200));
    if !superior {
        // The issuer alone stands level with the national title; a blank
        // line keeps "Số:" level with the date line on the right.
        left = left.add_paragraph(space(26));
    }
    left = left
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
        .add_paragraph(centered(&h.place_and_date(), Look::sized(BODY).italic()));
    borderless(vec![(left, left_width), (right, right_width)])
}

/// "Nơi nhận:" and its lines on the left, the signer on the right.
pub(super) fn signature_block(recipients: &[String], signer: &Signer, width: usize) -> Table {
    let left_width = width * 9 / 20;
    let right_width = width - left_width;
    let mut left = TableCell::new().add_paragraph(paragraph(
        "Nơi nhận:",
        Look::sized(TABLE).bold().italic(),
        AlignmentType::Left,
    ));
    for line in recipients {
        left = left.add_paragraph(paragraph(
            &format!("- {line}"),
            Look::sized(SMALL),
            AlignmentType::Left,
        ));
    }
    let mut right = TableCell::new().add_paragraph(centered(
        &words::upper(&signer.authority),
        Look::sized(BODY).bold(),
    ));
    for _ in 0..4 {
        right = right.add_paragraph(space(BODY));
    }
    right = right.add_paragraph(centered(&signer.name, Look::sized(BODY).bold()));
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
        .layout(TableLayoutType::Fixed)
}
