//! `cchc report …`: periodic reports from the shell. The rounds of a year
//! use the report types and the calendar stored in the database when there
//! is one (the administrator's days off move deadlines), else the built-in
//! defaults (ND 09/2019 windows) on the official calendar. `export` writes
//! a round's consolidated report as .docx or .xlsx, generated as the
//! system acting as coordinator.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::{Subcommand, ValueEnum};
use serde::Serialize;

use cchc_app::auth::system_coordinator;
use cchc_app::reports::DocFormat;
use cchc_domain::calendar::WorkingCalendar;
use cchc_domain::reports::{Period, RoundId, default_types, periods};

use super::{has_database, open};
use crate::config::Settings;

#[derive(Subcommand)]
pub enum ReportCommand {
    /// Print a year's reporting rounds: each periodic report's data cut-off
    /// window and the deadlines of the units and of the department.
    Periods {
        year: i32,
        /// `text`: a table with dates as dd/mm/yyyy; `json`: ISO dates.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Write the department's report of a round, assembled from the units'
    /// accepted reports and the figures: `docx` in the ND 30/2020 layout,
    /// `xlsx` for its figures.
    Export {
        /// The round's id (as in the web application and the API).
        round_id: RoundId,
        #[arg(long, value_enum, default_value_t = DocumentFormat::Docx)]
        format: DocumentFormat,
        /// The file to write (default: the report's name, in the current folder).
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocumentFormat {
    Docx,
    Xlsx,
}

impl From<DocumentFormat> for DocFormat {
    fn from(format: DocumentFormat) -> Self {
        match format {
            DocumentFormat::Docx => DocFormat::Docx,
            DocumentFormat::Xlsx => DocFormat::Xlsx,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// One round as `--format json` prints it.
#[derive(Serialize)]
struct PeriodJson<'a> {
    #[serde(rename = "type")]
    type_code: &'a str,
    label: &'a str,
    window_start: chrono::NaiveDate,
    window_end: chrono::NaiveDate,
    unit_deadline: Option<chrono::NaiveDate>,
    department_deadline: Option<chrono::NaiveDate>,
}

async fn year_periods(settings: &Settings, year: i32) -> anyhow::Result<Vec<Period>> {
    if !has_database(settings) {
        return Ok(periods(
            year,
            &default_types(),
            &WorkingCalendar::official(),
        ));
    }
    let app = open(settings).await?;
    let periods = app
        .report_periods(year)
        .await
        .context("không đọc được các loại báo cáo trong cơ sở dữ liệu")?;
    app.db().close().await;
    Ok(periods)
}

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(|| "—".into(), |d| d.format("%d/%m/%Y").to_string())
}

fn table(periods: &[Period]) -> String {
    let rows: Vec<[String; 5]> = periods
        .iter()
        .map(|p| {
            [
                p.type_code.clone(),
                p.label.clone(),
                p.window().label(),
                date(p.unit_deadline),
                date(p.department_deadline),
            ]
        })
        .collect();
    let header = [
        "Mã",
        "Kỳ báo cáo",
        "Thời gian chốt số liệu",
        "Hạn đơn vị gửi",
        "Hạn tổng hợp",
    ]
    .map(String::from);
    let mut widths = [0usize; 5];
    for row in std::iter::once(&header).chain(&rows) {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in std::iter::once(&header).chain(&rows) {
        let cells: Vec<String> = row
            .iter()
            .zip(widths)
            .map(|(cell, w)| format!("{cell:<w$}"))
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

/// Generates round `round_id` as `format` and writes it to `output` (or
/// to its own name); returns the path written.
async fn export(
    settings: &Settings,
    round_id: RoundId,
    format: DocFormat,
    output: Option<&Path>,
) -> anyhow::Result<PathBuf> {
    if !has_database(settings) {
        bail!(
            "chưa có cơ sở dữ liệu ở {}: không có kỳ báo cáo nào để xuất",
            settings.data_dir.display()
        );
    }
    let app = open(settings).await?;
    let generated = app
        .report_document(&system_coordinator(), round_id, format)
        .await;
    app.db().close().await;
    let (bytes, name, _) =
        generated.with_context(|| format!("không xuất được kỳ báo cáo số {round_id}"))?;
    let path = output.map_or_else(|| PathBuf::from(name), Path::to_path_buf);
    std::fs::write(&path, &bytes)
        .with_context(|| format!("không ghi được tệp {}", path.display()))?;
    Ok(path)
}

pub async fn run(settings: &Settings, cmd: &ReportCommand) -> anyhow::Result<()> {
    match cmd {
        ReportCommand::Export {
            round_id,
            format,
            output,
        } => {
            let path = export(settings, *round_id, (*format).into(), output.as_deref()).await?;
            println!("Đã ghi báo cáo vào {}.", path.display());
        }
        ReportCommand::Periods { year, format } => {
            if !(1900..=2199).contains(year) {
                bail!("năm {year} nằm ngoài phạm vi hỗ trợ (1900–2199)");
            }
            let periods = year_periods(settings, *year).await?;
            match format {
                Format::Json => {
                    let rows: Vec<PeriodJson> = periods
                        .iter()
                        .map(|p| PeriodJson {
                            type_code: &p.type_code,
                            label: &p.label,
                            window_start: p.window_start,
                            window_end: p.window_end,
                            unit_deadline: p.unit_deadline,
                            department_deadline: p.department_deadline,
                        })
                        .collect();
                    println!("{}", serde_json::to_string_pretty(&rows)?);
                }
                Format::Text => print!("{}", table(&periods)),
            }
        }
    }
    Ok(())
}
