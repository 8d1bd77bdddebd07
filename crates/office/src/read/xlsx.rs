//! Excel workbooks (.xlsx), read with calamine after the archive passed the
//! zip-bomb check. Every sheet becomes a grid (the importer picks the one
//! with the appendix header); merged ranges keep their text in the top-left
//! cell and mark the covered cells.

use std::io::Cursor;

use calamine::{Data, DataType, Dimensions, Range, Reader, Xlsx};

use super::check_row;
use super::zipped::Archive;
use crate::error::ImportError;
use crate::grid::{Cell, Grid, Merge, Row};
use crate::limits::Limits;

const EXPECTED: &str = "Excel (.xlsx)";
const WORKBOOK: &str = "xl/workbook.xml";

/// Reads every sheet of a workbook.
pub fn read(bytes: &[u8], limits: &Limits) -> Result<Vec<Grid>, ImportError> {
    let mut archive = Archive::open(bytes, EXPECTED, limits)?;
    if !archive.has(WORKBOOK) {
        return Err(if archive.has("word/document.xml") {
            ImportError::WrongFormat {
                expected: EXPECTED,
                detail: "tệp là tài liệu Word, hãy đổi đuôi thành .docx".to_owned(),
            }
        } else {
            ImportError::MissingPart {
                expected: EXPECTED,
                part: WORKBOOK.to_owned(),
            }
        });
    }
    archive.check_sizes()?;
    // calamine trusts the workbook it reads; an upload is hostile input, so a
    // panic inside it becomes an error for this file rather than a crash.
    let sheets = std::panic::catch_unwind(|| read_sheets(bytes)).map_err(|_| {
        ImportError::BadSpreadsheet {
            detail: "cấu trúc bảng tính không hợp lệ".to_owned(),
        }
    })??;
    let mut grids = Vec::with_capacity(sheets.len());
    for (name, range, merged) in sheets {
        grids.push(sheet(name, &range, &merged, limits)?);
    }
    if grids.iter().all(|g| g.rows.is_empty()) {
        return Err(ImportError::Empty);
    }
    Ok(grids)
}

type Sheet = (String, Range<Data>, Vec<Dimensions>);

fn read_sheets(bytes: &[u8]) -> Result<Vec<Sheet>, ImportError> {
    let mut workbook = Xlsx::new(Cursor::new(bytes)).map_err(bad)?;
    let mut sheets = Vec::new();
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name).map_err(bad)?;
        let merged = workbook
            .merge_cells_by_sheet_name(&name)
            .unwrap_or_default();
        sheets.push((name, range, merged));
    }
    Ok(sheets)
}

fn bad(error: calamine::XlsxError) -> ImportError {
    ImportError::BadSpreadsheet {
        detail: error.to_string(),
    }
}

fn sheet(
    name: String,
    range: &Range<Data>,
    merged: &[Dimensions],
    limits: &Limits,
) -> Result<Grid, ImportError> {
    let Some((top, left)) = range.start() else {
        return Ok(Grid {
            name: Some(name),
            rows: Vec::new(),
        });
    };
    if range.height() > limits.max_rows {
        return Err(ImportError::TooManyRows {
            max_rows: limits.max_rows,
        });
    }
    let mut rows: Vec<Row> = Vec::with_capacity(range.height());
    for (i, data) in range.rows().enumerate() {
        let source = top as usize + i + 1;
        let mut cells: Vec<Cell> = data.iter().map(|d| Cell::new(text_of(d))).collect();
        // Columns before the range's first column are empty in the sheet too.
        let mut padded = vec![Cell::default(); left as usize];
        padded.append(&mut cells);
        while padded.last().is_some_and(|c| c.text.trim().is_empty()) {
            padded.pop();
        }
        check_row(source, rows.len(), &padded, limits)?;
        rows.push(Row::table(source, padded));
    }
    mark_merged(&mut rows, top as usize, merged, limits);
    Ok(Grid {
        name: Some(name),
        rows,
    })
}

/// Marks the cells a merged range covers (all but its top-left one).
fn mark_merged(rows: &mut [Row], top: usize, merged: &[Dimensions], limits: &Limits) {
    for d in merged {
        let (r0, c0) = (d.start.0 as usize, d.start.1 as usize);
        // A range may span the whole sheet; only the rows read matter.
        let r1 = (d.end.0 as usize).min(top + rows.len());
        let c1 = d.end.1 as usize;
        let c1 = c1.min(limits.max_columns.saturating_sub(1));
        for r in r0..=r1 {
            let Some(row) = r.checked_sub(top).and_then(|i| rows.get_mut(i)) else {
                continue;
            };
            for c in c0..=c1 {
                if (r, c) == (r0, c0) {
                    continue;
                }
                let merge = if r == r0 { Merge::Left } else { Merge::Above };
                if row.cells.len() <= c {
                    row.cells.resize(c + 1, Cell::default());
                }
                row.cells[c] = Cell::merged(merge);
            }
        }
    }
}

/// The text a person sees: dates as dd/mm/yyyy, whole numbers without ".0".
fn text_of(data: &Data) -> String {
    match data {
        Data::Float(value) => float_text(*value),
        Data::DateTime(_) => data
            .as_datetime()
            .map(|d| d.format("%d/%m/%Y").to_string())
            .unwrap_or_else(|| data.to_string()),
        Data::Error(_) | Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// A number as written with a decimal point ("2.5", "1.1" for an STT),
/// except with exactly three decimals: Vietnamese text reads "2.125" as two
/// thousand one hundred and twenty-five, so a budget cell holding 2.125
/// (million VND) is written "2,125", which reads as the number it is.
fn float_text(value: f64) -> String {
    let text = value.to_string();
    match text.split_once('.') {
        Some((_, decimals)) if decimals.len() == 3 => text.replace('.', ","),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::float_text;

    #[test]
    fn numbers_read_as_written() {
        assert_eq!(float_text(10.0), "10");
        assert_eq!(float_text(1234.5), "1234.5");
        assert_eq!(float_text(1.1), "1.1");
        assert_eq!(float_text(2.125), "2,125");
        assert_eq!(float_text(0.001), "0,001");
    }
}
