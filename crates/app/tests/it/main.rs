//! Use-case tests, each on SQLite and (when configured) PostgreSQL.

mod auth;
mod plans;
mod tracking;
mod calendar;
mod units;
mod users;
