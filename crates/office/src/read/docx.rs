//! Word documents (.docx): a zip archive whose `word/document.xml` holds the
//! body paragraphs and tables (see `docx_xml` for how cells are read).

use super::docx_numbering::Numbering;
use super::docx_xml;
use super::zipped::Archive;
use crate::error::ImportError;
use crate::grid::Grid;
use crate::limits::Limits;

const EXPECTED: &str = "Word (.docx)";
const DOCUMENT: &str = "word/document.xml";
const NUMBERING: &str = "word/numbering.xml";

/// Reads the body of a .docx: paragraphs and table rows in document order.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Grid, ImportError> {
    let mut archive = Archive::open(bytes, EXPECTED, limits)?;
    let xml = archive.read(DOCUMENT)?.ok_or_else(|| {
        if archive.has("xl/workbook.xml") {
            ImportError::WrongFormat {
                expected: EXPECTED,
                detail: "tệp là bảng tính Excel, hãy đổi đuôi thành .xlsx".to_owned(),
            }
        } else {
            ImportError::MissingPart {
                expected: EXPECTED,
                part: DOCUMENT.to_owned(),
            }
        }
    })?;
    let xml = decode(&xml)?;
    let numbering = match archive.read(NUMBERING)? {
        Some(bytes) => Numbering::parse(&decode(&bytes)?),
        None => Numbering::default(),
    };
    let grid = docx_xml::parse(&xml, numbering, limits)?;
    if grid.rows.iter().all(|r| r.is_blank()) {
        return Err(ImportError::Empty);
    }
    Ok(grid)
}

/// document.xml is UTF-8 in practice; UTF-16 (with BOM) is allowed by XML.
fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    let bad = |_| ImportError::BadXml {
        detail: "mã ký tự không hợp lệ".to_owned(),
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        let units = rest
            .chunks_exact(2)
            .map(|p| u16::from_le_bytes([p[0], p[1]]));
        return char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|_| ImportError::BadXml {
                detail: "mã UTF-16 không hợp lệ".to_owned(),
            });
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    std::str::from_utf8(bytes).map(str::to_owned).map_err(bad)
}
