//! Integration tests of cchc-domain (one binary).

mod calendar;
mod reports;
mod schedule;
mod target;
