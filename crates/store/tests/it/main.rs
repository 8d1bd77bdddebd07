//! Store integration tests.

mod schema;
