//! The `cchc` command: serve the web app, run migrations, manage users and
//! tokens, query the working-day calendar and the reporting rounds, and run
//! background jobs.

mod commands;
mod config;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "cchc",
    version,
    about = "Quản lý và theo dõi cải cách hành chính (CCHC)"
)]
pub struct Cli {
    /// Folder of the embedded SQLite database and uploaded files.
    #[arg(long, global = true, env = "CCHC_DATA_DIR")]
    data_dir: Option<PathBuf>,
    /// postgres://… to use PostgreSQL instead of the embedded SQLite database.
    #[arg(long, global = true, env = "CCHC_DATABASE_URL", hide_env_values = true)]
    database_url: Option<String>,
    /// Settings file (default: ./cchc.toml when present).
    #[arg(long, global = true, env = "CCHC_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Start the web application.
    Serve(commands::serve::ServeArgs),
    /// Apply database migrations and exit.
    Migrate,
    /// Manage user accounts.
    #[command(subcommand)]
    User(commands::users::UserCommand),
    /// Manage API tokens.
    #[command(subcommand)]
    Token(commands::users::TokenCommand),
    /// Working-day calendar: holidays, deadlines, lunar dates.
    #[command(subcommand)]
    Calendar(commands::calendar::CalendarCommand),
    /// Background jobs: run the reminder sweep now.
    #[command(subcommand)]
    Jobs(commands::jobs::JobsCommand),
    /// Plans: import a plan document, export a plan as .docx/.xlsx.
    #[command(subcommand)]
    Plan(commands::plans::PlanCommand),
    /// Periodic reports: the reporting rounds of a year; a round's report as .docx/.xlsx.
    #[command(subcommand)]
    Report(commands::reports::ReportCommand),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| {
                tracing_subscriber::EnvFilter::new("info,sqlx=warn,tower_http=warn")
            }),
        )
        .with_writer(std::io::stderr)
        .init();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(error) => {
            eprintln!("Lỗi: không khởi động được: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("Lỗi: {error:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    if let Command::Calendar(commands::calendar::CalendarCommand::Lunar { date }) = &cli.command {
        return commands::calendar::lunar(date);
    }
    let settings = config::Settings::load(cli.config.as_deref(), cli.data_dir, cli.database_url)?;
    match cli.command {
        Command::Serve(args) => commands::serve::run(&settings, args).await,
        Command::Migrate => {
            let app = commands::open(&settings).await?;
            app.db().close().await;
            println!("Cơ sở dữ liệu đã được cập nhật.");
            Ok(())
        }
        Command::User(cmd) => commands::users::run_user(&settings, cmd).await,
        Command::Token(cmd) => commands::users::run_token(&settings, cmd).await,
        Command::Calendar(cmd) => commands::calendar::run(&settings, &cmd).await,
        Command::Jobs(cmd) => commands::jobs::run(&settings, cmd).await,
        Command::Report(cmd) => commands::reports::run(&settings, &cmd).await,
        Command::Plan(cmd) => commands::plans::run(&settings, cmd).await,
    }
}
