//! Web tests: the real router driven through `tower::ServiceExt::oneshot`,
//! on SQLite and (when configured) PostgreSQL.

mod api;
mod browser;
mod browser_reports;
mod calendar;
mod imports;
mod pages;
mod permissions;
mod reminders;
mod reports;
mod security;
mod support;
