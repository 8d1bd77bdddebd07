//! Store integration tests.

mod calendar;
mod reports;
mod schema;
