//! All SQL of cchc. One [`Db`] handle over SQLite (embedded default) and
//! PostgreSQL; every query is written once with portable `$1` placeholders and
//! runs inside a [`Tx`]. Dialect differences live in [`db`].

pub mod audit;
pub mod calendar;
mod db;
pub mod error;
mod filter;
pub mod meta;
pub mod notifications;
pub mod plans;
pub mod reminders;
pub mod reports;
pub mod schema;
pub mod sessions;
pub mod tracking;
pub mod units;
pub mod users;
pub mod work;

pub use db::{Backend, Db, Tx};
pub use error::StoreError;

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
