//! Background jobs of `cchc serve`: the reminder sweep, repeated every few
//! minutes. The sweep claims each reminder in the database, so running it
//! often, or on several instances, sends nothing twice.

use std::time::Duration;

use chrono::{DateTime, Timelike, Utc};

use cchc_domain::reminders::vietnam_day;

use crate::{App, Result};

#[derive(Debug, Clone)]
pub struct SchedulerConfig {
    pub every: Duration,
    /// No reminders before this hour, Vietnam time (people read them at work).
    pub start_hour: u32,
    /// Only on working days (not weekends, holidays or days off in lieu).
    pub working_days_only: bool,
}

impl Default for SchedulerConfig {
    fn default() -> Self {
        Self {
            every: Duration::from_secs(15 * 60),
            start_hour: 7,
            working_days_only: true,
        }
    }
}

impl App {
    /// Whether the scheduled sweep should run at `now`.
    pub async fn reminders_due_at(
        &self,
        now: DateTime<Utc>,
        config: &SchedulerConfig,
    ) -> Result<bool> {
        let local_hour = (now + chrono::Duration::hours(7)).hour();
        if local_hour < config.start_hour {
            return Ok(false);
        }
        if config.working_days_only {
            let calendar = self.working_calendar().await?;
            return Ok(calendar.is_working_day(vietnam_day(now)));
        }
        Ok(true)
    }

    /// Runs the reminder sweep every `config.every` until the task is aborted.
    /// Errors are logged and the next tick tries again.
    pub async fn run_scheduler(self, config: SchedulerConfig) {
        let mut ticks = tokio::time::interval(config.every.max(Duration::from_secs(1)));
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            let now = self.now();
            match self.reminders_due_at(now, &config).await {
                Ok(false) => continue,
                Ok(true) => {}
                Err(error) => {
                    tracing::error!(%error, "reminder schedule check failed");
                    continue;
                }
            }
            match self.run_reminders(now).await {
                Ok(r) if r.reminders > 0 => tracing::info!(
                    units = r.units_notified,
                    reminders = r.reminders,
                    notifications = r.notifications,
                    emails_sent = r.emails_sent,
                    emails_failed = r.emails_failed,
                    "reminders sent"
                ),
                Ok(_) => tracing::debug!("reminder sweep: nothing new"),
                Err(error) => tracing::error!(%error, "reminder sweep failed"),
            }
        }
    }
}
