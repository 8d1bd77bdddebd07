//! Use-case tests, each on SQLite and (when configured) PostgreSQL.

mod auth;
mod units;
mod users;
