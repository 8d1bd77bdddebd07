//! Size limits applied while reading, so a hostile or broken upload is
//! refused with an error instead of exhausting memory.

/// Limits of one import. [`Limits::default`] is what the app uses; tests
/// pass smaller ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The uploaded file itself.
    pub max_file_bytes: usize,
    /// One entry of a .docx/.xlsx archive once decompressed (zip-bomb guard).
    pub max_entry_bytes: u64,
    /// All entries of an archive together once decompressed.
    pub max_total_bytes: u64,
    /// Entries in an archive.
    pub max_entries: usize,
    /// Characters in one cell or paragraph.
    pub max_cell_chars: usize,
    /// Rows and paragraphs of a document (or of one sheet).
    pub max_rows: usize,
    /// Cells in one row.
    pub max_columns: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 20 * MB,
            max_entry_bytes: 50 * MB as u64,
            max_total_bytes: 200 * MB as u64,
            max_entries: 5_000,
            max_cell_chars: 100_000,
            max_rows: 50_000,
            max_columns: 200,
        }
    }
}

const MB: usize = 1024 * 1024;

/// Whole megabytes, rounded up, for messages.
pub(crate) fn megabytes(bytes: u64) -> u64 {
    bytes.div_ceil(MB as u64)
}
