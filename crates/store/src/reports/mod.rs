//! Periodic reports: the report types (data), rounds, units' reports with
//! their submitted versions, hand corrections of figures, and the figures
//! computed from tracked work for a window.

pub mod figures;
pub mod rounds;
pub mod types;
pub mod unit_reports;
