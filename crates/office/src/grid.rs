//! The common shape every reader produces: rows of cell texts with the row
//! numbers a person can find in the source file.

/// One readable unit of a file: a .txt/.tsv file, the body of a .docx, or
/// one sheet of an .xlsx.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Grid {
    /// The sheet name for spreadsheets.
    pub name: Option<String>,
    pub rows: Vec<Row>,
}

/// A paragraph (one cell) or a table row, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based: the line of a text file, the row of a sheet, the row within
    /// its table or the paragraph number of a .docx.
    pub source: usize,
    pub kind: RowKind,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// Text outside any table.
    Paragraph,
    /// A table row; `repeated_header` when Word marks it to repeat on each page.
    Table { repeated_header: bool },
}

/// The raw text of a cell (paragraphs and line breaks joined with "\n") and
/// how it was merged with its neighbours.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub merge: Merge,
}

/// Merged cells are kept as empty cells so columns stay aligned.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Merge {
    #[default]
    None,
    /// Covered by the cell to the left (a horizontal merge, `gridSpan`).
    Left,
    /// Covered by the cell above (a vertical merge, `vMerge`).
    Above,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Self {
        Cell {
            text: text.into(),
            merge: Merge::None,
        }
    }

    pub fn merged(merge: Merge) -> Self {
        Cell {
            text: String::new(),
            merge,
        }
    }
}

impl Row {
    pub fn paragraph(source: usize, text: impl Into<String>) -> Self {
        Row {
            source,
            kind: RowKind::Paragraph,
            cells: vec![Cell::new(text)],
        }
    }

    pub fn table(source: usize, cells: Vec<Cell>) -> Self {
        Row {
            source,
            kind: RowKind::Table {
                repeated_header: false,
            },
            cells,
        }
    }

    /// The text of cell `i`, or "" past the end.
    pub fn text(&self, i: usize) -> &str {
        self.cells.get(i).map_or("", |c| c.text.as_str())
    }

    pub fn is_table(&self) -> bool {
        matches!(self.kind, RowKind::Table { .. })
    }

    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.text.trim().is_empty())
    }
}
