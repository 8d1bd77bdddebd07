//! Use-case tests, each on SQLite and (when configured) PostgreSQL.

mod auth;
mod calendar;
mod import;
mod plans;
mod reminders;
mod reports;
mod tracking;
mod units;
mod users;
