//! What both Excel workbooks share: the cell formats (Times New Roman
//! 12 pt, thin borders), row heights from estimated text lines, number
//! formats and column letters for formulas.

use rust_xlsxwriter::{ColNum, Format, FormatAlign, FormatBorder, XlsxError};

use super::docx_parts::FONT;
use super::words;
use crate::error::ExportError;

/// Points a line of 12 pt text takes. Row heights are set, not left to the
/// reader: LibreOffice does not fit rows of wrapped text when it opens a file.
pub(super) const LINE: f64 = 15.0;

pub(super) fn fault(error: XlsxError) -> ExportError {
    ExportError::Xlsx {
        detail: error.to_string(),
    }
}

pub(super) struct Formats {
    pub title: Format,
    pub reference: Format,
    pub header: Format,
    pub text: Format,
    pub bold: Format,
    pub bold_centered: Format,
    pub centered: Format,
    pub whole: Format,
    pub decimal: Format,
}

pub(super) fn formats() -> Formats {
    let base = Format::new()
        .set_font_name(FONT)
        .set_font_size(12)
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let cell = base.clone().set_border(FormatBorder::Thin);
    Formats {
        title: base
            .clone()
            .set_font_size(14)
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter),
        reference: base
            .clone()
            .set_font_size(14)
            .set_italic()
            .set_align(FormatAlign::Center),
        header: cell
            .clone()
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter),
        bold: cell.clone().set_bold(),
        bold_centered: cell.clone().set_bold().set_align(FormatAlign::Center),
        centered: cell.clone().set_align(FormatAlign::Center),
        whole: cell.clone().set_num_format("#,##0"),
        decimal: cell.clone().set_num_format("#,##0.0##"),
        text: cell,
    }
}

/// Lines of 12 pt Times New Roman `text` takes in a column `width` units
/// wide (a unit is the width of a digit in the default font, about 1.4
/// average Vietnamese characters in Times New Roman 12 pt).
pub(super) fn lines(text: &str, width: f64) -> usize {
    words::wrapped_lines(text, (width * 1.35).floor() as usize)
}

pub(super) fn number_format(value: f64, f: &Formats) -> &Format {
    if value.fract() == 0.0 {
        &f.whole
    } else {
        &f.decimal
    }
}

/// 0 -> "A", 25 -> "Z", 26 -> "AA".
pub(super) fn column_letter(col: ColNum) -> String {
    let mut n = u32::from(col) + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::column_letter;

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(4), "E");
        assert_eq!(column_letter(26), "AA");
    }
}
