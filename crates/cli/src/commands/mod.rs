//! One module per group of subcommands.

pub mod calendar;
pub mod jobs;
pub mod plans;
pub mod reports;
pub mod serve;
pub mod users;

use std::path::Path;

use anyhow::Context;

use cchc_app::App;
use cchc_app::mail::Mailer;
use cchc_store::Db;

use crate::config::Settings;

/// Opens the database (creating the data folder for SQLite) and applies migrations.
pub async fn open(settings: &Settings) -> anyhow::Result<App> {
    if settings.is_sqlite() {
        std::fs::create_dir_all(&settings.data_dir).with_context(|| {
            format!(
                "không tạo được thư mục dữ liệu {}",
                settings.data_dir.display()
            )
        })?;
    }
    let db = Db::connect(&settings.database_url)
        .await
        .context("không kết nối được cơ sở dữ liệu")?;
    db.migrate()
        .await
        .context("không cập nhật được cấu trúc cơ sở dữ liệu")?;
    let mut app = App::new(db, settings.auth.clone()).with_reminders(settings.reminders.clone());
    if let Some(smtp) = &settings.smtp {
        let mailer = Mailer::new(smtp)
            .map_err(|e| anyhow::anyhow!("cấu hình gửi thư (SMTP) không hợp lệ: {e}"))?;
        app = app.with_mailer(mailer);
    }
    Ok(app)
}

/// Whether the settings point at an existing database: any server URL, or
/// an SQLite file that exists (a query must not create an empty database).
pub fn has_database(settings: &Settings) -> bool {
    if !settings.is_sqlite() {
        return true;
    }
    let url = &settings.database_url;
    let path = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .unwrap_or(url);
    let path = path.split('?').next().unwrap_or(path);
    !path.is_empty() && Path::new(path).is_file()
}

/// Reads a password from the first line of standard input.
pub fn password_from_stdin() -> anyhow::Result<String> {
    let mut line = String::new();
    std::io::stdin()
        .read_line(&mut line)
        .context("không đọc được mật khẩu từ stdin")?;
    let password = line.trim_end_matches(['\r', '\n']).to_string();
    anyhow::ensure!(
        !password.is_empty(),
        "mật khẩu trống: hãy gửi mật khẩu qua stdin, ví dụ: echo 'MatKhau123' | cchc user add ..."
    );
    Ok(password)
}
