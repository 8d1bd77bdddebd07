//! The building blocks of both Word documents: ND 30/2020 page setup
//! (A4, margins, Times New Roman), paragraphs and runs, short rules, and
//! packing the document into .docx bytes.
//!
//! docx-rs (0.4) cannot flag a table row to repeat on every page
//! (`w:tblHeader`), so [`pack`] adds the flag to the appendix table's
//! header rows in the generated `word/document.xml` before zipping.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, BorderType, BreakType, Docx, Header, LineSpacing, LineSpacingType, PageMargin,
    PageNum, PageOrientationType, PageSize, Paragraph, ParagraphBorder, ParagraphBorderPosition,
    ParagraphBorders, Run, RunFonts, SpecialIndentType,
};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use crate::error::ExportError;

pub(super) const FONT: &str = "Times New Roman";
/// Font sizes in half-points: body 14 pt, tables 12 pt.
pub(super) const BODY: usize = 28;
pub(super) const TABLE: usize = 24;
pub(super) const SMALL: usize = 22;

/// A4 in twips (1/20 pt), and the ND 30/2020 margins: top and bottom 20 mm,
/// left 30 mm, right 15 mm.
const A4_SHORT: u32 = 11906;
const A4_LONG: u32 = 16838;
const MARGIN_TOP: i32 = 1134;
const MARGIN_BOTTOM: i32 = 1134;
const MARGIN_LEFT: i32 = 1701;
const MARGIN_RIGHT: i32 = 850;

/// The width between the margins, in twips.
pub(super) fn text_width(landscape: bool) -> usize {
    let page = if landscape { A4_LONG } else { A4_SHORT };
    (page as i32 - MARGIN_LEFT - MARGIN_RIGHT) as usize
}

/// Page size and orientation of a section.
pub(super) fn page_size(landscape: bool) -> PageSize {
    if landscape {
        PageSize::new()
            .size(A4_LONG, A4_SHORT)
            .orient(PageOrientationType::Landscape)
    } else {
        PageSize::new().size(A4_SHORT, A4_LONG)
    }
}

pub(super) fn margins() -> PageMargin {
    PageMargin::new()
        .top(MARGIN_TOP)
        .bottom(MARGIN_BOTTOM)
        .left(MARGIN_LEFT)
        .right(MARGIN_RIGHT)
        .header(567)
        .footer(567)
}

/// A document whose text defaults to Times New Roman 14 pt, single spaced;
/// its last (or only) section is landscape or portrait.
pub(super) fn document(landscape: bool) -> Docx {
    let (width, height) = if landscape {
        (A4_LONG, A4_SHORT)
    } else {
        (A4_SHORT, A4_LONG)
    };
    let docx = Docx::new()
        .default_fonts(fonts())
        .default_size(BODY)
        .default_line_spacing(single(0))
        .page_size(width, height)
        .page_margin(margins());
    if landscape {
        docx.page_orient(PageOrientationType::Landscape)
    } else {
        docx
    }
}

pub(super) fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT)
}

/// How a run of text looks.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Look {
    pub bold: bool,
    pub italic: bool,
    /// Half-points; 0 for the document default.
    pub size: usize,
}

impl Look {
    pub const fn sized(size: usize) -> Look {
        Look {
            bold: false,
            italic: false,
            size,
        }
    }

    pub const fn bold(self) -> Look {
        Look { bold: true, ..self }
    }

    pub const fn italic(self) -> Look {
        Look {
            italic: true,
            ..self
        }
    }
}

/// A run of `text`; "\n" breaks the line.
pub(super) fn run(text: &str, look: Look) -> Run {
    let mut run = Run::new().fonts(fonts());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line);
    }
    if look.size > 0 {
        run = run.size(look.size);
    }
    if look.bold {
        run = run.bold();
    }
    if look.italic {
        run = run.italic();
    }
    run
}

/// One paragraph of text; the paragraph mark takes the same size.
pub(super) fn paragraph(text: &str, look: Look, align: AlignmentType) -> Paragraph {
    let mut p = Paragraph::new().add_run(run(text, look)).align(align);
    if look.size > 0 {
        p = p.size(look.size);
    }
    p
}

pub(super) fn centered(text: &str, look: Look) -> Paragraph {
    paragraph(text, look, AlignmentType::Center)
}

/// A body paragraph: justified, first line indented 1 cm, 6 pt after.
pub(super) fn body(text: &str) -> Paragraph {
    body_runs(vec![run(text, Look::sized(BODY))])
}

/// [`body`] of several runs (a unit's name in italics, then its text).
pub(super) fn body_runs(runs: Vec<Run>) -> Paragraph {
    runs.into_iter()
        .fold(Paragraph::new(), Paragraph::add_run)
        .size(BODY)
        .align(AlignmentType::Both)
        .indent(None, Some(SpecialIndentType::FirstLine(567)), None, None)
        .line_spacing(
            LineSpacing::new()
                .before(0)
                .after(120)
                .line(276)
                .line_rule(LineSpacingType::Auto),
        )
}

/// The page header: the page number, centered (ND 30/2020 numbers pages at
/// the top, from the second page on: sections set `title_pg`).
pub(super) fn page_number_header() -> Header {
    Header::new().add_paragraph(
        Paragraph::new()
            .add_page_num(PageNum::new())
            .align(AlignmentType::Center)
            .size(26)
            .fonts(fonts()),
    )
}

/// An empty paragraph of `size` half-points, for vertical space.
pub(super) fn space(size: usize) -> Paragraph {
    Paragraph::new().size(size)
}

/// A centered rule `length` twips long in a column `width` twips wide: the
/// top border of an empty, tiny paragraph indented from both sides.
pub(super) fn rule(width: usize, length: usize) -> Paragraph {
    let side = (width.saturating_sub(length) / 2) as i32;
    let mut p = Paragraph::new()
        .size(4)
        .indent(Some(side), None, Some(side), None)
        .line_spacing(single(40));
    p.property = p.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Top)
                .val(BorderType::Single)
                .size(6)
                .space(1)
                .color("000000"),
        ),
    );
    p
}

/// Single line spacing, `before` twips above. The rule must be explicit:
/// LibreOffice reads a `w:line` without `w:lineRule` as an exact height.
pub(super) fn single(before: u32) -> LineSpacing {
    LineSpacing::new()
        .before(before)
        .after(0)
        .line(240)
        .line_rule(LineSpacingType::Auto)
}

/// The .docx bytes of `docx`, with the first `header_rows` rows of its last
/// table repeated on every page.
pub(super) fn pack(docx: Docx, header_rows: usize) -> Result<Vec<u8>, ExportError> {
    pack_with(docx, |tables| {
        let mut rows = vec![0; tables];
        if let Some(last) = rows.last_mut() {
            *last = header_rows;
        }
        rows
    })
}

/// The .docx bytes of `docx`, with the first `header_rows[i]` rows of its
/// i-th table (in document order) repeated on every page.
pub(super) fn pack_tables(docx: Docx, header_rows: &[usize]) -> Result<Vec<u8>, ExportError> {
    pack_with(docx, |_| header_rows.to_vec())
}

/// Packs `docx`; `rows_for` gives the header rows of each table from the
/// number of tables in the document.
fn pack_with(
    docx: Docx,
    rows_for: impl FnOnce(usize) -> Vec<usize>,
) -> Result<Vec<u8>, ExportError> {
    let mut parts = docx.build();
    let document =
        String::from_utf8(std::mem::take(&mut parts.document)).map_err(|e| fault(e.to_string()))?;
    let rows = rows_for(document.matches(TABLE_START).count());
    let document = repeat_header_rows(&document, &rows)
        .ok_or_else(|| fault("không đánh dấu được dòng tiêu đề của bảng".to_owned()))?;
    parts.document = document.into_bytes();
    let mut stored = Cursor::new(Vec::new());
    parts.pack(&mut stored).map_err(|e| fault(e.to_string()))?;
    deflate(&stored.into_inner()).map_err(|e| fault(e.to_string()))
}

/// docx-rs stores its parts uncompressed (a 40-page plan makes a 300 kB
/// file); Word files are deflated, so the archive is written again.
fn deflate(stored: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    let mut archive = ZipArchive::new(Cursor::new(stored))?;
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i)?;
        let name = entry.name()?.into_owned();
        if entry.is_dir() {
            out.add_directory(name, options)?;
            continue;
        }
        out.start_file(name, options)?;
        std::io::copy(&mut entry, &mut out)?;
    }
    Ok(out.finish()?.into_inner())
}

fn fault(detail: String) -> ExportError {
    ExportError::Docx { detail }
}

const TABLE_START: &str = "<w:tbl>";

/// Adds `<w:tblHeader/>` to the row properties of the first `rows[i]` rows
/// of the i-th table; `None` unless there are as many tables as counts and
/// rows to flag. docx-rs writes every row as `<w:tr>` with a `<w:trPr>`
/// (empty: `<w:trPr />`) first; the order inside `w:trPr` is free. Tables
/// are not nested in the documents written here.
fn repeat_header_rows(document: &str, rows: &[usize]) -> Option<String> {
    let mut starts: Vec<usize> = document
        .match_indices(TABLE_START)
        .map(|(i, _)| i)
        .collect();
    if starts.len() != rows.len() {
        return None;
    }
    starts.push(document.len());
    let mut out = document[..starts[0].min(document.len())].to_owned();
    for (bounds, &count) in starts.windows(2).zip(rows) {
        out.push_str(&flag_rows(&document[bounds[0]..bounds[1]], count)?);
    }
    Some(out)
}

/// `table` (from its `<w:tbl>` on) with its first `rows` rows flagged.
fn flag_rows(table: &str, rows: usize) -> Option<String> {
    let mut out = String::with_capacity(table.len() + rows * 24);
    let mut rest = table;
    for _ in 0..rows {
        let row = rest.find("<w:tr>")?;
        let after_row = &rest[row..];
        let (props, tag) = match (after_row.find("<w:trPr />"), after_row.find("<w:trPr>")) {
            (Some(empty), Some(open)) if open < empty => (open, "<w:trPr>"),
            (Some(empty), _) => (empty, "<w:trPr />"),
            (None, Some(open)) => (open, "<w:trPr>"),
            (None, None) => return None,
        };
        out.push_str(&rest[..row + props]);
        out.push_str("<w:trPr><w:tblHeader />");
        if tag == "<w:trPr />" {
            out.push_str("</w:trPr>");
        }
        rest = &after_row[props + tag.len()..];
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::repeat_header_rows;

    #[test]
    fn header_rows_of_each_table_are_flagged() {
        let xml = "<w:tbl><w:tr><w:trPr /></w:tr></w:tbl><w:tbl><w:tr><w:trPr /><w:tc/></w:tr>\
                   <w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr><w:tr><w:trPr /></w:tr></w:tbl>";
        let marked = repeat_header_rows(xml, &[0, 2]).unwrap();
        assert_eq!(
            marked,
            "<w:tbl><w:tr><w:trPr /></w:tr></w:tbl><w:tbl><w:tr><w:trPr><w:tblHeader /></w:trPr><w:tc/></w:tr>\
             <w:tr><w:trPr><w:tblHeader /><w:cantSplit /></w:trPr></w:tr><w:tr><w:trPr /></w:tr></w:tbl>"
        );
        assert_eq!(repeat_header_rows("<w:p/>", &[1]), None);
        assert_eq!(repeat_header_rows(xml, &[2]), None, "one count per table");
        let both = repeat_header_rows(xml, &[1, 1]).unwrap();
        assert_eq!(both.matches("<w:tblHeader />").count(), 2);
        assert_eq!(repeat_header_rows("<w:p/>", &[]).as_deref(), Some("<w:p/>"));
    }
}
