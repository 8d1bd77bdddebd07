//! `word/document.xml` -> [`Grid`]: body paragraphs become paragraph rows,
//! rows of top-level tables become table rows.
//!
//! - `w:gridSpan` (horizontal merge): the text goes to the first column, the
//!   covered columns are empty cells marked [`Merge::Left`];
//! - `w:vMerge` continue (vertical merge): an empty cell marked [`Merge::Above`];
//! - several paragraphs and `w:br` in a cell are joined with "\n";
//! - `w:tblHeader` marks rows Word repeats on each page;
//! - `w:gridBefore` pads a row that starts right of the first column;
//! - nested tables add their text to the enclosing cell;
//! - `mc:Fallback` repeats what `mc:Choice` shows (text boxes) and is skipped;
//! - automatic list numbers (`w:numPr`) are written into the paragraph.

use quick_xml::Reader;
use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};

use super::check_row;
use super::docx_numbering::Numbering;
use crate::error::ImportError;
use crate::grid::{Cell, Grid, Merge, Row, RowKind};
use crate::limits::Limits;

#[derive(Default)]
struct RowState {
    cells: Vec<Cell>,
    repeated_header: bool,
    grid_before: usize,
}

#[derive(Default)]
struct CellState {
    paragraphs: Vec<String>,
    chars: usize,
    span: usize,
    continues_above: bool,
}

struct Builder<'l> {
    limits: &'l Limits,
    numbering: Numbering,
    /// Inside `w:pPr` (and not in a recorded former `w:pPrChange`).
    in_paragraph_props: bool,
    props_change_depth: usize,
    list: Option<(String, u8)>,
    rows: Vec<Row>,
    paragraphs: usize,
    table_depth: usize,
    table_rows: usize,
    fallback_depth: usize,
    in_text: bool,
    paragraph: String,
    paragraph_chars: usize,
    row: Option<RowState>,
    cell: Option<CellState>,
}

/// Parses the main document part.
pub(super) fn parse(xml: &str, numbering: Numbering, limits: &Limits) -> Result<Grid, ImportError> {
    let mut reader = Reader::from_str(xml);
    let mut b = Builder {
        limits,
        numbering,
        in_paragraph_props: false,
        props_change_depth: 0,
        list: None,
        rows: Vec::new(),
        paragraphs: 0,
        table_depth: 0,
        table_rows: 0,
        fallback_depth: 0,
        in_text: false,
        paragraph: String::new(),
        paragraph_chars: 0,
        row: None,
        cell: None,
    };
    loop {
        let event = reader.read_event().map_err(|e| ImportError::BadXml {
            detail: format!("vị trí {}: {e}", reader.error_position()),
        })?;
        match event {
            Event::Start(e) => b.start(&e, false)?,
            Event::Empty(e) => b.start(&e, true)?,
            Event::End(e) => b.end(e.local_name().as_ref())?,
            Event::Text(t) if b.collecting() => b.push(&t.xml10_content())?,
            Event::CData(t) if b.collecting() => b.push(&t.xml10_content())?,
            Event::GeneralRef(r) if b.collecting() => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => predefined_entity(&r),
                };
                if let Some(c) = c {
                    b.push(c.encode_utf8(&mut [0; 4]))?;
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(Grid {
        name: None,
        rows: b.rows,
    })
}

fn predefined_entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

/// Attribute `name` (any prefix), unescaped.
pub(super) fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

fn val(e: &BytesStart) -> Option<String> {
    attr(e, "val")
}

fn number(e: &BytesStart) -> usize {
    val(e).and_then(|v| v.trim().parse().ok()).unwrap_or(1)
}

impl Builder<'_> {
    fn collecting(&self) -> bool {
        self.in_text && self.fallback_depth == 0
    }

    /// Whether table properties apply to the row/cell being built (not to a nested table).
    fn top_table(&self) -> bool {
        self.table_depth == 1
    }

    fn start(&mut self, e: &BytesStart, empty: bool) -> Result<(), ImportError> {
        let name = e.local_name();
        match name.as_ref() {
            "Fallback" if !empty => self.fallback_depth += 1,
            _ if self.fallback_depth > 0 => {}
            "tbl" if !empty => {
                self.table_depth += 1;
                if self.top_table() {
                    self.table_rows = 0;
                }
            }
            "tr" if self.top_table() && !empty => self.row = Some(RowState::default()),
            "tblHeader" if self.top_table() => {
                let on = val(e).is_none_or(|v| !matches!(v.as_str(), "0" | "false" | "off"));
                if let Some(row) = &mut self.row {
                    row.repeated_header = on;
                }
            }
            "gridBefore" if self.top_table() => {
                let n = number(e).min(self.limits.max_columns);
                if let Some(row) = &mut self.row {
                    row.grid_before = n;
                }
            }
            "tc" if self.top_table() && !empty => {
                self.cell = Some(CellState {
                    span: 1,
                    ..CellState::default()
                });
            }
            "gridSpan" if self.top_table() => {
                let n = number(e).clamp(1, self.limits.max_columns);
                if let Some(cell) = &mut self.cell {
                    cell.span = n;
                }
            }
            "vMerge" if self.top_table() => {
                let restart = val(e).is_some_and(|v| v == "restart");
                if let Some(cell) = &mut self.cell {
                    cell.continues_above = !restart;
                }
            }
            "p" => {
                self.paragraph.clear();
                self.paragraph_chars = 0;
                self.list = None;
                if empty {
                    self.end_paragraph()?;
                }
            }
            "pPr" if !empty => self.in_paragraph_props = true,
            "pPrChange" if !empty => self.props_change_depth += 1,
            "numId" if self.in_list_props() => {
                let id = val(e).unwrap_or_default();
                let level = self.list.as_ref().map_or(0, |l| l.1);
                self.list = Some((id, level));
            }
            "ilvl" if self.in_list_props() => {
                let level = val(e).and_then(|v| v.parse().ok()).unwrap_or(0);
                let id = self.list.take().map(|l| l.0).unwrap_or_default();
                self.list = Some((id, level));
            }
            "t" if !empty => self.in_text = true,
            "tab" if self.in_paragraph_run(e) => self.push(" ")?,
            "br" | "cr" => self.push("\n")?,
            "noBreakHyphen" => self.push("-")?,
            _ => {}
        }
        Ok(())
    }

    /// `w:tab` is also a tab-stop definition inside paragraph properties;
    /// only the run content one (no `w:pos`) is text.
    fn in_paragraph_run(&self, e: &BytesStart) -> bool {
        !e.attributes()
            .flatten()
            .any(|a| a.key.local_name().as_ref() == "pos")
    }

    fn end(&mut self, name: &str) -> Result<(), ImportError> {
        match name {
            "Fallback" => self.fallback_depth = self.fallback_depth.saturating_sub(1),
            _ if self.fallback_depth > 0 => {}
            "t" => self.in_text = false,
            "pPrChange" => self.props_change_depth = self.props_change_depth.saturating_sub(1),
            "pPr" => {
                self.in_paragraph_props = false;
                self.write_list_label()?;
            }
            "p" => self.end_paragraph()?,
            "tc" if self.top_table() => self.end_cell(),
            "tr" if self.top_table() => self.end_row()?,
            "tbl" => self.table_depth = self.table_depth.saturating_sub(1),
            _ => {}
        }
        Ok(())
    }

    fn in_list_props(&self) -> bool {
        self.in_paragraph_props && self.props_change_depth == 0
    }

    /// "1. " before the text of an auto-numbered paragraph (numId 0 turns
    /// numbering off).
    fn write_list_label(&mut self) -> Result<(), ImportError> {
        let Some((id, level)) = self.list.take() else {
            return Ok(());
        };
        if id.is_empty() || id == "0" {
            return Ok(());
        }
        match self.numbering.next_label(&id, level) {
            Some(label) if !label.is_empty() => self.push(&format!("{label} ")),
            _ => Ok(()),
        }
    }

    fn push(&mut self, text: &str) -> Result<(), ImportError> {
        let chars = text.chars().count();
        self.paragraph_chars += chars;
        let cell_chars = self.cell.as_ref().map_or(0, |c| c.chars) + self.paragraph_chars;
        if self.paragraph_chars > self.limits.max_cell_chars
            || cell_chars > self.limits.max_cell_chars
        {
            return Err(ImportError::CellTooLong {
                row: self.current_row_number(),
                max_chars: self.limits.max_cell_chars,
            });
        }
        self.paragraph.push_str(text);
        Ok(())
    }

    fn current_row_number(&self) -> usize {
        if self.table_depth > 0 {
            self.table_rows + 1
        } else {
            self.paragraphs + 1
        }
    }

    fn end_paragraph(&mut self) -> Result<(), ImportError> {
        let text = std::mem::take(&mut self.paragraph);
        if let Some(cell) = &mut self.cell {
            cell.chars += self.paragraph_chars;
            cell.paragraphs.push(text);
        } else if self.table_depth == 0 {
            self.paragraphs += 1;
            let row = Row::paragraph(self.paragraphs, text);
            check_row(row.source, self.rows.len(), &row.cells, self.limits)?;
            self.rows.push(row);
        }
        self.paragraph_chars = 0;
        Ok(())
    }

    fn end_cell(&mut self) {
        let (Some(cell), Some(row)) = (self.cell.take(), self.row.as_mut()) else {
            return;
        };
        let text = cell.paragraphs.join("\n");
        let merge = if cell.continues_above {
            Merge::Above
        } else {
            Merge::None
        };
        row.cells.push(Cell { text, merge });
        let room = self.limits.max_columns + 1 - row.cells.len().min(self.limits.max_columns);
        let covered = (cell.span - 1).min(room);
        row.cells
            .extend(std::iter::repeat_n(Cell::merged(Merge::Left), covered));
    }

    fn end_row(&mut self) -> Result<(), ImportError> {
        let Some(state) = self.row.take() else {
            return Ok(());
        };
        self.table_rows += 1;
        let mut cells = vec![Cell::default(); state.grid_before];
        cells.extend(state.cells);
        let row = Row {
            source: self.table_rows,
            kind: RowKind::Table {
                repeated_header: state.repeated_header,
            },
            cells,
        };
        check_row(row.source, self.rows.len(), &row.cells, self.limits)?;
        self.rows.push(row);
        Ok(())
    }
}
