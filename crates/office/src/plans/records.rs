//! The rows of the appendix table as logical records: repeated header lines
//! skipped, rows that a page break split joined back together.
//!
//! A row whose STT is empty (or merged from the row above) continues the
//! record before it: each of its cells is appended to the same column. A
//! cell merged from above in a new record repeats the text above it. A
//! total row labelled in the content column ("Tổng cộng" with an empty STT)
//! is a record of its own, not the end of the last task.

use cchc_domain::text::fold;

use super::cells::{clean_cell, join_split};
use super::header::{Field, Header};
use super::preview::Warning;
use crate::grid::{Merge, Row};

/// One task or heading row of the appendix, cells cleaned and aligned to
/// the header's columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record {
    /// The source row where it starts.
    pub row: usize,
    pub cells: Vec<String>,
}

impl Record {
    pub fn get(&self, column: Option<usize>) -> &str {
        column
            .and_then(|c| self.cells.get(c))
            .map_or("", String::as_str)
    }
}

/// Reads the rows after the header into records.
pub(crate) fn collect(rows: &[Row], header: &Header, warnings: &mut Vec<Warning>) -> Vec<Record> {
    let number = header.column_of(Field::Number).unwrap_or(0);
    let content = header.column_of(Field::Content);
    let width = header.columns.len();
    let mut records: Vec<Record> = Vec::new();
    for row in rows.iter().skip(header.last_row + 1) {
        if !row.is_table() {
            if !row.is_blank() {
                warnings.push(Warning::at(
                    row.source,
                    "Đoạn văn nằm ngoài bảng phụ lục: đã bỏ qua khi nhập.",
                ));
            }
            continue;
        }
        if row.is_blank() || header.is_repeat(row) {
            continue;
        }
        if row.cells.len() > width {
            let extra = row.cells[width..].iter().any(|c| !c.text.trim().is_empty());
            if extra {
                warnings.push(Warning::at(
                    row.source,
                    "Dòng có nhiều cột hơn dòng tiêu đề: các cột thừa được giữ trong phần thông tin khác.",
                ));
            }
        }
        let cells: Vec<String> = row.cells.iter().map(|c| clean_cell(&c.text)).collect();
        let numbered = !cells.get(number).is_none_or(String::is_empty);
        let stt_merged = row
            .cells
            .get(number)
            .is_some_and(|c| c.merge == Merge::Above);
        let total = !numbered && is_total_label(content.and_then(|c| cells.get(c)));
        match records.last_mut() {
            Some(previous) if (!numbered || stt_merged) && !total => {
                continue_record(previous, &cells, row.source, warnings);
            }
            previous => {
                let mut cells = cells;
                if let Some(previous) = previous {
                    inherit_merged(&mut cells, row, previous);
                }
                if !numbered && !total {
                    warnings.push(Warning::at(
                        row.source,
                        "Dòng không có số thứ tự: đã nhập như một nhiệm vụ riêng, cần kiểm tra.",
                    ));
                }
                records.push(Record {
                    row: row.source,
                    cells,
                });
            }
        }
    }
    records
}

/// "Tổng", "Tổng cộng", "Cộng" (as a whole: "tổng thể ..." may continue a
/// split cell).
fn is_total_label(text: Option<&String>) -> bool {
    let folded = text.map(|t| fold(t)).unwrap_or_default();
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    matches!(words.as_slice(), ["tong"] | ["tong", "cong"] | ["cong"])
}

fn continue_record(
    previous: &mut Record,
    cells: &[String],
    row: usize,
    warnings: &mut Vec<Warning>,
) {
    if previous.cells.len() < cells.len() {
        previous.cells.resize(cells.len(), String::new());
    }
    for (i, text) in cells.iter().enumerate() {
        if text.is_empty() {
            continue;
        }
        let joined = join_split(&previous.cells[i], text);
        if let Some(words) = joined.dropped {
            warnings.push(Warning::at(
                row,
                format!("Dòng tiếp nối sau ngắt trang lặp lại «{words}» của dòng trước: đã bỏ phần lặp, cần kiểm tra."),
            ));
        }
        previous.cells[i] = joined.text;
    }
}

/// A cell merged down from the record above (one deadline for several
/// tasks) belongs to this record too.
fn inherit_merged(cells: &mut [String], row: &Row, previous: &Record) {
    for (i, cell) in row.cells.iter().enumerate() {
        if cell.merge == Merge::Above && cells[i].is_empty() {
            cells[i] = previous.cells.get(i).cloned().unwrap_or_default();
        }
    }
}
