//! Integration tests of cchc-domain (one binary).

mod calendar;
mod schedule;
mod target;
