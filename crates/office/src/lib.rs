//! Documents <-> domain structs. Plan import: a plan uploaded as .docx,
//! .xlsx or tab-separated text is read into a [`grid::Grid`] of cell texts
//! ([`read`]), and the appendix table of that grid into a structured,
//! serialisable [`PlanPreview`] that a person checks before anything is saved
//! ([`plans`]). Export ([`write`]): a plan as .docx (appendix or whole
//! plan) and .xlsx; a periodic report as .docx and its figures as .xlsx.
//! No database, no async, no clock.

pub mod error;
pub mod grid;
pub mod limits;
pub mod plans;
pub mod read;
mod roman;
pub mod write;

pub use error::{ExportError, ImportError};
pub use limits::Limits;
pub use plans::{PlanPreview, read_plan, read_plan_with};
