//! The one error type of the crate: every way an uploaded document can be
//! refused, each with a Vietnamese message for the person who uploaded it.

/// Why a document could not be imported. Messages are shown to users as is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("Tệp trống: không có nội dung để nhập.")]
    Empty,
    #[error("Tệp quá lớn ({size_mb} MB): chỉ nhận tệp đến {max_mb} MB.")]
    FileTooLarge { size_mb: u64, max_mb: u64 },
    #[error("Không hỗ trợ định dạng «{extension}»: hãy tải lên tệp .docx, .xlsx, .txt hoặc .tsv.")]
    UnsupportedFormat { extension: String },
    #[error(
        "Tệp Word/Excel định dạng cũ (.doc/.xls): hãy mở tệp và lưu lại thành .docx hoặc .xlsx."
    )]
    LegacyOffice,
    #[error("Tệp không phải tài liệu {expected} hợp lệ: {detail}.")]
    WrongFormat {
        expected: &'static str,
        detail: String,
    },
    #[error("Tệp {expected} bị hỏng, không giải nén được: {detail}.")]
    BrokenArchive {
        expected: &'static str,
        detail: String,
    },
    #[error("Tệp {expected} thiếu phần «{part}»: không phải tài liệu hợp lệ.")]
    MissingPart {
        expected: &'static str,
        part: String,
    },
    #[error(
        "Phần «{part}» của tệp giải nén ra quá {max_mb} MB: tệp có thể là bom nén, đã từ chối."
    )]
    ArchiveTooLarge { part: String, max_mb: u64 },
    #[error("Nội dung XML của tài liệu bị lỗi: {detail}.")]
    BadXml { detail: String },
    #[error("Không đọc được bảng tính: {detail}.")]
    BadSpreadsheet { detail: String },
    #[error("Tệp văn bản không đọc được: cần mã UTF-8 (có hoặc không có BOM) hoặc UTF-16 có BOM.")]
    NotText,
    #[error("Ô ở dòng {row} dài quá {max_chars} ký tự: hãy kiểm tra lại tệp.")]
    CellTooLong { row: usize, max_chars: usize },
    #[error("Tài liệu có quá nhiều dòng (giới hạn {max_rows} dòng).")]
    TooManyRows { max_rows: usize },
    #[error("Dòng {row} có quá nhiều cột (giới hạn {max_columns} cột).")]
    TooManyColumns { row: usize, max_columns: usize },
    #[error(
        "Không tìm thấy bảng phụ lục: cần một dòng tiêu đề có cột STT và Nội dung/Nhiệm vụ (hoặc Lĩnh vực, tiêu chí)."
    )]
    NoAppendixHeader,
    #[error("Bảng phụ lục không có nhiệm vụ nào: chỉ có dòng tiêu đề.")]
    EmptyTable,
}

impl ImportError {
    /// A stable snake_case code for the JSON API and the CLI.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty => "empty_file",
            Self::FileTooLarge { .. } => "file_too_large",
            Self::UnsupportedFormat { .. } => "unsupported_format",
            Self::LegacyOffice => "legacy_office_format",
            Self::WrongFormat { .. } => "wrong_format",
            Self::BrokenArchive { .. } => "broken_archive",
            Self::MissingPart { .. } => "missing_part",
            Self::ArchiveTooLarge { .. } => "archive_too_large",
            Self::BadXml { .. } => "bad_xml",
            Self::BadSpreadsheet { .. } => "bad_spreadsheet",
            Self::NotText => "not_text",
            Self::CellTooLong { .. } => "cell_too_long",
            Self::TooManyRows { .. } => "too_many_rows",
            Self::TooManyColumns { .. } => "too_many_columns",
            Self::NoAppendixHeader => "no_appendix_header",
            Self::EmptyTable => "empty_table",
        }
    }
}

/// Why a plan could not be written as a document. Writing only fails on
/// limits of the formats (an Excel cell holds at most 32,767 characters) or
/// an internal fault; messages are shown to users as is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    #[error("Không tạo được tệp Word (.docx): {detail}.")]
    Docx { detail: String },
    #[error("Không tạo được tệp Excel (.xlsx): {detail}.")]
    Xlsx { detail: String },
}

impl ExportError {
    /// A stable snake_case code for the JSON API and the CLI.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Docx { .. } => "docx_export_failed",
            Self::Xlsx { .. } => "xlsx_export_failed",
        }
    }
}
