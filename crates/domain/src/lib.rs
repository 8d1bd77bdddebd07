//! Pure types and rules of cchc. No I/O, no async, no clock: `today`/`now`
//! are parameters, so everything here is testable by plain and property tests.

pub mod actor;
pub mod audit;
pub mod calendar;
pub mod error;
pub mod plans;
pub mod reminders;
pub mod reports;
pub mod roles;
pub mod schedule;
pub mod target;
pub mod text;
pub mod tracking;
pub mod units;
pub mod users;

pub use error::{ValidationError, ValidationErrors};
