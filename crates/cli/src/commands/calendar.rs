//! `cchc calendar …`: the working-day calendar from the shell. Holidays and
//! deadlines use the calendar in force in the database (the government's
//! decisions plus the administrator's overrides) when there is a database,
//! else the built-in one; lunar dates need no database.

use std::sync::Arc;

use anyhow::{Context, bail};
use chrono::NaiveDate;
use clap::Subcommand;

use cchc_domain::calendar::{WorkingCalendar, to_lunar};

use super::{has_database, open};
use crate::config::Settings;

#[derive(Subcommand)]
pub enum CalendarCommand {
    /// Print each day off of a year that is not a plain weekend day: `YYYY-MM-DD<TAB>name`.
    Holidays { year: i32 },
    /// Print the date `n` working days after (negative: before) a date.
    AddWorkingDays {
        date: String,
        #[arg(allow_negative_numbers = true)]
        n: i32,
    },
    /// Print the Vietnamese lunar date as DD/MM/YYYY (" nhuận" in a leap month).
    Lunar { date: String },
}

fn parse_date(text: &str) -> anyhow::Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .with_context(|| format!("ngày “{text}” không đúng dạng YYYY-MM-DD"))
}

/// `cchc calendar lunar`: pure, it never opens the database.
pub fn lunar(date: &str) -> anyhow::Result<()> {
    let date = parse_date(date)?;
    let lunar = to_lunar(date).context("ngày nằm ngoài phạm vi âm lịch hỗ trợ (1800–2199)")?;
    let leap = if lunar.leap { " nhuận" } else { "" };
    println!("{:02}/{:02}/{}{leap}", lunar.day, lunar.month, lunar.year);
    Ok(())
}

/// The database's calendar when there is a database, else the official one.
async fn calendar(settings: &Settings) -> anyhow::Result<Arc<WorkingCalendar>> {
    if !has_database(settings) {
        // The government's published schedules for the years we know, rules elsewhere.
        return Ok(Arc::new(WorkingCalendar::official()));
    }
    let app = open(settings).await?;
    let calendar = app
        .working_calendar()
        .await
        .context("không đọc được lịch làm việc trong cơ sở dữ liệu")?;
    app.db().close().await;
    Ok(calendar)
}

pub async fn run(settings: &Settings, cmd: &CalendarCommand) -> anyhow::Result<()> {
    match cmd {
        CalendarCommand::Holidays { year } => {
            if !(1900..=2199).contains(year) {
                bail!("năm {year} nằm ngoài phạm vi hỗ trợ (1900–2199)");
            }
            for (date, name) in calendar(settings).await?.holidays(*year) {
                println!("{}\t{name}", date.format("%Y-%m-%d"));
            }
        }
        CalendarCommand::AddWorkingDays { date, n } => {
            let date = parse_date(date)?;
            let result = calendar(settings)
                .await?
                .add_working_days(date, *n)
                .context("kết quả nằm ngoài phạm vi lịch hỗ trợ")?;
            println!("{}", result.format("%Y-%m-%d"));
        }
        CalendarCommand::Lunar { date } => lunar(date)?,
    }
    Ok(())
}
