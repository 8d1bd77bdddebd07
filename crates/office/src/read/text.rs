//! Tab-separated text (.txt/.tsv): what Word or Excel puts on the clipboard.
//! A line with a tab is a table row split at the tabs; any other line is a
//! paragraph. UTF-8 with or without BOM, or UTF-16 with a BOM.

use super::{check_row, decode_unicode};
use crate::error::ImportError;
use crate::grid::{Cell, Grid, Row};
use crate::limits::Limits;

/// Reads a tab-separated text file.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Grid, ImportError> {
    let text = decode(bytes)?;
    let mut rows = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let source = i + 1;
        let row = if line.contains('\t') {
            Row::table(source, line.split('\t').map(Cell::new).collect())
        } else {
            Row::paragraph(source, line)
        };
        check_row(source, rows.len(), &row.cells, limits)?;
        rows.push(row);
    }
    while rows.last().is_some_and(Row::is_blank) {
        rows.pop();
    }
    if rows.is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(Grid { name: None, rows })
}

/// Binary data (NUL characters) is refused rather than imported as garbage.
fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    decode_unicode(bytes)
        .filter(|text| !text.contains('\0'))
        .ok_or(ImportError::NotText)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "STT\tNội dung\r\n1.\tViệc".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let grid = read(&bytes, &Limits::default()).unwrap();
        assert_eq!(grid.rows.len(), 2);
        assert_eq!(grid.rows[0].text(1), "Nội dung");
        assert_eq!(grid.rows[1].text(1), "Việc");
    }

    #[test]
    fn strips_utf8_bom_and_refuses_binary() {
        let grid = read("\u{FEFF}Số: 1/KH".as_bytes(), &Limits::default()).unwrap();
        assert_eq!(grid.rows[0].text(0), "Số: 1/KH");
        assert_eq!(read(b"a\0b", &Limits::default()), Err(ImportError::NotText));
        assert_eq!(
            read(&[0xC3, 0x28], &Limits::default()),
            Err(ImportError::NotText)
        );
    }
}
