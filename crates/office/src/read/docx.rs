//! Word documents (.docx): a zip archive whose `word/document.xml` holds the
//! body paragraphs and tables (see `docx_xml` for how cells are read).

use super::decode_unicode;
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

/// The parts are UTF-8 in practice; XML also allows UTF-16 with a BOM.
fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    decode_unicode(bytes).ok_or_else(|| ImportError::BadXml {
        detail: "mã ký tự không hợp lệ".to_owned(),
    })
}
