//! Use-case tests, each on SQLite and (when configured) PostgreSQL.

mod auth;
mod calendar;
mod units;
mod users;
