//! `cchc jobs …`: background jobs from the shell (or cron), e.g. when the
//! in-process schedule of `serve` is turned off.

use anyhow::Context;
use chrono::{DateTime, Utc};
use clap::Subcommand;

use crate::config::Settings;

#[derive(Subcommand)]
pub enum JobsCommand {
    /// Run the reminder sweep once and print what it sent. Each unit gets
    /// each reminder at most once a day, so running it again sends nothing new.
    Run {
        /// The instant to run at, RFC 3339 (e.g. 2026-03-02T09:00:00+07:00); default now.
        #[arg(long)]
        now: Option<String>,
    },
}

fn parse_now(text: Option<&str>) -> anyhow::Result<DateTime<Utc>> {
    match text {
        None => Ok(Utc::now()),
        Some(t) => Ok(DateTime::parse_from_rfc3339(t.trim())
            .with_context(|| {
                format!("thời điểm “{t}” không đúng dạng RFC 3339, ví dụ 2026-03-02T09:00:00+07:00")
            })?
            .with_timezone(&Utc)),
    }
}

pub async fn run(settings: &Settings, cmd: JobsCommand) -> anyhow::Result<()> {
    match cmd {
        JobsCommand::Run { now } => {
            let now = parse_now(now.as_deref())?;
            let app = super::open(settings).await?;
            let report = app
                .run_reminders(now)
                .await
                .context("không chạy được việc nhắc việc")?;
            app.db().close().await;
            let day = report
                .day
                .map(|d| d.format("%d/%m/%Y").to_string())
                .unwrap_or_default();
            println!(
                "Nhắc việc ngày {day}: đã nhắc {} đơn vị ({} lời nhắc, {} thông báo trong phần mềm); {} lời nhắc đã gửi trước đó trong ngày.",
                report.units_notified, report.reminders, report.notifications, report.already_sent
            );
            if settings.smtp.is_some() {
                println!(
                    "Thư điện tử: đã gửi {}, lỗi {}.",
                    report.emails_sent, report.emails_failed
                );
            } else {
                println!("Thư điện tử: chưa cấu hình máy chủ gửi thư (SMTP), không gửi.");
            }
            Ok(())
        }
    }
}
