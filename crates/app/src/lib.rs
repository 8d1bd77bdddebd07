//! Use cases of cchc. Every function takes the acting user (`&Actor`), checks
//! permission first, runs in one transaction and writes the audit log.

pub mod audit;
pub mod auth;
pub mod calendar;
mod clock;
pub mod demo;
mod demo_plan;
mod demo_reports;
mod error;
pub mod jobs;
pub mod mail;
pub mod notifications;
pub mod plans;
pub mod reminders;
pub mod reports;
pub mod tracking;
pub mod units;
pub mod users;
pub mod work;

use std::sync::Arc;

use cchc_store::Db;

pub use cchc_domain as domain;
pub use cchc_store as store;
pub use clock::{Clock, FixedClock, OsRandom, Random, SystemClock};
pub use error::AppError;

pub type Result<T, E = AppError> = std::result::Result<T, E>;

/// Settings of the authentication use cases.
#[derive(Debug, Clone)]
pub struct AuthConfig {
    /// A session unused for this long ends.
    pub session_idle: chrono::Duration,
    /// A session ends this long after login, used or not.
    pub session_absolute: chrono::Duration,
    /// Failed logins counted over this window.
    pub throttle_window: chrono::Duration,
    pub max_failures_per_account: i64,
    pub max_failures_per_address: i64,
    /// argon2id memory cost in KiB, iterations and lanes.
    pub argon2_memory_kib: u32,
    pub argon2_iterations: u32,
}

impl Default for AuthConfig {
    fn default() -> Self {
        Self {
            session_idle: chrono::Duration::hours(2),
            session_absolute: chrono::Duration::hours(12),
            throttle_window: chrono::Duration::minutes(15),
            max_failures_per_account: 5,
            // Offices reach the server through one NAT address, so this is generous.
            max_failures_per_address: 50,
            argon2_memory_kib: 19 * 1024,
            argon2_iterations: 2,
        }
    }
}

/// The application: database, clock, randomness and settings. Cheap to clone.
#[derive(Clone)]
pub struct App {
    pub(crate) db: Db,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) random: Arc<dyn Random>,
    pub(crate) auth: AuthConfig,
    pub(crate) reminders: reminders::ReminderConfig,
    /// Sends reminder emails; `None` when SMTP is not configured.
    pub(crate) mailer: Option<Arc<mail::Mailer>>,
    /// A hash checked when a username is unknown, so timing does not reveal which exist.
    pub(crate) dummy_hash: Arc<std::sync::OnceLock<String>>,
    /// The working-day calendar in force, reused while the stored overrides are unchanged.
    pub(crate) calendar: Arc<calendar::CalendarCache>,
}

impl App {
    pub fn new(db: Db, auth: AuthConfig) -> Self {
        Self {
            db,
            clock: Arc::new(SystemClock),
            random: Arc::new(OsRandom),
            auth,
            reminders: reminders::ReminderConfig::default(),
            mailer: None,
            dummy_hash: Arc::default(),
            calendar: Arc::default(),
        }
    }

    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    pub fn with_reminders(mut self, config: reminders::ReminderConfig) -> Self {
        self.reminders = config;
        self
    }

    /// Sends reminders by email too.
    pub fn with_mailer(mut self, mailer: mail::Mailer) -> Self {
        self.mailer = Some(Arc::new(mailer));
        self
    }

    pub fn db(&self) -> &Db {
        &self.db
    }

    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    /// Today in Vietnam (UTC+7), the date that deadlines and validity refer to.
    pub fn today(&self) -> chrono::NaiveDate {
        (self.clock.now() + chrono::Duration::hours(7)).date_naive()
    }
}
