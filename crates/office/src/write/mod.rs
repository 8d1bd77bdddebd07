//! Export: plans and periodic reports as the documents an office files and prints.
//!
//! 1. Build an [`ExportPlan`]: [`ExportPlan::from_domain`] for a saved plan
//!    (`&Plan`, its `&[PlanItem]`, the `&[Unit]`s it names, the place of the
//!    date line), or [`ExportPlan::from_preview`] for an imported document.
//!    Every field is public: set the signer, recipients, body paragraphs or
//!    the columns (`Column::standard`, `Column::defaults_for`) before writing.
//! 2. Write it:
//!    - [`appendix_docx`]: the appendix table alone, landscape A4;
//!    - [`plan_docx`]: the whole plan (ND 30/2020 header, legal bases, body,
//!      "Nơi nhận:" and signer on portrait pages, then the appendix on
//!      landscape pages);
//!    - [`appendix_xlsx`]: the appendix as a workbook with a `SUM` total.
//!
//!    Each returns the file's bytes or an [`ExportError`]. Suggested file
//!    names and media types are in [`DOCX_MEDIA_TYPE`] and [`XLSX_MEDIA_TYPE`].
//!
//! ```no_run
//! # use cchc_office::write::{ExportPlan, appendix_xlsx, plan_docx};
//! # fn demo(plan: &cchc_domain::plans::Plan, items: &[cchc_domain::plans::PlanItem],
//! #         units: &[cchc_domain::units::Unit]) -> Result<(), cchc_office::ExportError> {
//! let mut export = ExportPlan::from_domain(plan, items, units, "Đắk Nông");
//! export.signer.authority = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC".into();
//! let word: Vec<u8> = plan_docx(&export)?;
//! let excel: Vec<u8> = appendix_xlsx(&export)?;
//! # Ok(()) }
//! ```
//!
//! Whatever is written reads back with [`crate::read_plan`] into the same
//! sections and items (tests/it/export_*.rs check it for both formats).
//!
//! Periodic reports (báo cáo định kỳ) the same way: build an
//! [`ExportReport`] with [`ExportReport::from_consolidated`] (the domain's
//! `Consolidated` report of a round and the [`DocHeader`]), set recipients,
//! signer and the optional [`Submissions`] appendix, then write it with
//! [`report_docx`] (portrait A4: header block, "BÁO CÁO", sections with
//! narratives and figure tables, "Nơi nhận:", signer, appendix) or
//! [`report_xlsx`] (the figures by section and unit with `SUM`s, and the
//! units' submissions).

mod convert;
mod docx_blocks;
mod docx_parts;
mod docx_plan;
mod docx_table;
mod model;
mod official;
mod report;
mod report_docx;
mod report_xlsx;
mod words;
mod xlsx;
mod xlsx_parts;

pub use crate::error::ExportError;
pub use docx_plan::{appendix_docx, plan_docx};
pub use model::{Column, ColumnKind, ExportItem, ExportPlan, ExportSection};
pub use official::{DocHeader, Signer, place_in};
pub use report::{
    ExportReport, FigureRow, FigureTable, ReportParagraph, ReportPart, ReportSection,
    SubmissionRow, Submissions,
};
pub use report_docx::report_docx;
pub use report_xlsx::report_xlsx;
pub use words::date_words;
pub use xlsx::appendix_xlsx;

/// The media type of the .docx files written here.
pub const DOCX_MEDIA_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
/// The media type of the .xlsx files written here.
pub const XLSX_MEDIA_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
