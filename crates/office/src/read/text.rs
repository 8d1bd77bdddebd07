//! Tab-separated text (.txt/.tsv): what Word or Excel puts on the clipboard.
//! A line with a tab is a table row split at the tabs; any other line is a
//! paragraph. UTF-8 with or without BOM, or UTF-16 with a BOM.

use super::check_row;
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

/// UTF-8 (BOM optional) or UTF-16 with a BOM. Binary data (NUL characters)
/// is refused rather than imported as garbage.
fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    let text = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        std::str::from_utf8(rest)
            .map_err(|_| ImportError::NotText)?
            .to_owned()
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, u16::from_be_bytes)?
    } else {
        std::str::from_utf8(bytes)
            .map_err(|_| ImportError::NotText)?
            .to_owned()
    };
    if text.contains('\0') {
        return Err(ImportError::NotText);
    }
    Ok(text)
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, ImportError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(ImportError::NotText);
    }
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| ImportError::NotText)
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
