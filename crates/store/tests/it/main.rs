//! Store integration tests.

mod calendar;
mod schema;
