//! Periodic reports over the API: types and periods, rounds (open, close),
//! units' reports through their workflow with versions and diff,
//! timeliness and the consolidated report.

pub mod dto;
pub mod overview;
pub mod report_dto;
pub mod rounds;
pub mod unit_reports;
