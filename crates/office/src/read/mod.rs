//! Readers: the bytes of an uploaded file -> [`Grid`]s of cell texts.
//!
//! The format is chosen by the file name's extension and checked against the
//! file's first bytes, so an image renamed `.docx` gets a clear error. Every
//! reader applies [`Limits`] while it reads and never panics.

pub mod docx;
mod docx_numbering;
mod docx_xml;
mod sniff;
pub mod text;
pub mod xlsx;
mod zipped;

use crate::error::ImportError;
use crate::grid::Grid;
use crate::limits::{Limits, megabytes};

/// The formats plans are imported from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Tab-separated text (.txt, .tsv), as copied from Word or Excel.
    Text,
    Docx,
    Xlsx,
}

impl Format {
    /// The format named by a file name's extension.
    pub fn from_file_name(file_name: &str) -> Result<Self, ImportError> {
        let extension = file_name
            .rsplit_once('.')
            .map(|(_, ext)| ext.trim().to_lowercase())
            .unwrap_or_default();
        match extension.as_str() {
            "txt" | "tsv" | "tab" => Ok(Format::Text),
            "docx" | "docm" => Ok(Format::Docx),
            "xlsx" | "xlsm" => Ok(Format::Xlsx),
            "doc" | "xls" => Err(ImportError::LegacyOffice),
            _ => Err(ImportError::UnsupportedFormat {
                extension: if extension.is_empty() {
                    "(không có đuôi tệp)".to_owned()
                } else {
                    format!(".{extension}")
                },
            }),
        }
    }
}

/// Reads a file into grids: one for a text file or a .docx, one per sheet
/// of an .xlsx.
pub fn read(bytes: &[u8], file_name: &str, limits: &Limits) -> Result<Vec<Grid>, ImportError> {
    let format = Format::from_file_name(file_name)?;
    check_size(bytes, limits)?;
    match format {
        Format::Text => Ok(vec![text::read(bytes, limits)?]),
        Format::Docx => Ok(vec![docx::read(bytes, limits)?]),
        Format::Xlsx => xlsx::read(bytes, limits),
    }
}

fn check_size(bytes: &[u8], limits: &Limits) -> Result<(), ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    if bytes.len() > limits.max_file_bytes {
        return Err(ImportError::FileTooLarge {
            size_mb: megabytes(bytes.len() as u64),
            max_mb: megabytes(limits.max_file_bytes as u64),
        });
    }
    Ok(())
}

/// Applies the cell and row limits to a finished row.
pub(crate) fn check_row(
    row: usize,
    rows_so_far: usize,
    cells: &[crate::grid::Cell],
    limits: &Limits,
) -> Result<(), ImportError> {
    if rows_so_far >= limits.max_rows {
        return Err(ImportError::TooManyRows {
            max_rows: limits.max_rows,
        });
    }
    if cells.len() > limits.max_columns {
        return Err(ImportError::TooManyColumns {
            row,
            max_columns: limits.max_columns,
        });
    }
    if cells.iter().any(|c| {
        c.text.len() > limits.max_cell_chars && c.text.chars().count() > limits.max_cell_chars
    }) {
        return Err(ImportError::CellTooLong {
            row,
            max_chars: limits.max_cell_chars,
        });
    }
    Ok(())
}

/// Text by its byte-order mark: UTF-8 (with or without one) or UTF-16 LE/BE;
/// `None` when the bytes are not valid in that encoding.
pub(crate) fn decode_unicode(bytes: &[u8]) -> Option<String> {
    let utf16 = |rest: &[u8], unit: fn([u8; 2]) -> u16| -> Option<String> {
        if !rest.len().is_multiple_of(2) {
            return None;
        }
        let units = rest.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .ok()
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, u16::from_le_bytes)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, u16::from_be_bytes)
    } else {
        let rest = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
        std::str::from_utf8(rest).ok().map(str::to_owned)
    }
}
