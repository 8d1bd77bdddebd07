//! Settings from `cchc.toml`, environment variables and flags (flags win,
//! then the environment, then the file, then defaults).

use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    #[serde(default)]
    server: ServerSection,
    #[serde(default)]
    database: DatabaseSection,
    #[serde(default)]
    auth: AuthSection,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ServerSection {
    addr: Option<String>,
    secure_cookies: Option<bool>,
    trust_forwarded_for: Option<bool>,
    request_timeout_seconds: Option<u64>,
    body_limit_mb: Option<usize>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct DatabaseSection {
    url: Option<String>,
    data_dir: Option<PathBuf>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct AuthSection {
    session_idle_minutes: Option<i64>,
    session_absolute_hours: Option<i64>,
    max_failed_logins: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub data_dir: PathBuf,
    pub database_url: String,
    pub addr: String,
    pub web: cchc_web::WebConfig,
    pub auth: cchc_app::AuthConfig,
}

impl Settings {
    pub fn load(
        file: Option<&Path>,
        data_dir: Option<PathBuf>,
        database_url: Option<String>,
    ) -> anyhow::Result<Settings> {
        let file_settings = match file {
            Some(path) => read(path)?,
            None if Path::new("cchc.toml").exists() => read(Path::new("cchc.toml"))?,
            None => FileSettings::default(),
        };
        let data_dir = data_dir
            .or(file_settings.database.data_dir)
            .unwrap_or_else(|| PathBuf::from("cchc-data"));
        let database_url = database_url
            .filter(|u| !u.trim().is_empty())
            .or(file_settings.database.url)
            .unwrap_or_else(|| cchc_store::Db::sqlite_url(&data_dir));
        let server = file_settings.server;
        let mut web = cchc_web::WebConfig::default();
        web.secure_cookies = server.secure_cookies.unwrap_or(web.secure_cookies);
        web.trust_forwarded_for = server
            .trust_forwarded_for
            .unwrap_or(web.trust_forwarded_for);
        if let Some(s) = server.request_timeout_seconds {
            web.request_timeout = std::time::Duration::from_secs(s);
        }
        if let Some(mb) = server.body_limit_mb {
            web.body_limit = mb * 1024 * 1024;
        }
        let mut auth = cchc_app::AuthConfig::default();
        if let Some(m) = file_settings.auth.session_idle_minutes {
            auth.session_idle = chrono::Duration::minutes(m);
        }
        if let Some(h) = file_settings.auth.session_absolute_hours {
            auth.session_absolute = chrono::Duration::hours(h);
        }
        if let Some(n) = file_settings.auth.max_failed_logins {
            auth.max_failures_per_account = n;
        }
        Ok(Settings {
            data_dir,
            database_url,
            addr: server.addr.unwrap_or_else(|| "127.0.0.1:8080".into()),
            web,
            auth,
        })
    }

    pub fn is_sqlite(&self) -> bool {
        self.database_url.starts_with("sqlite:")
    }
}

fn read(path: &Path) -> anyhow::Result<FileSettings> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("không đọc được tệp cấu hình {}", path.display()))?;
    toml::from_str(&text).with_context(|| format!("tệp cấu hình {} không hợp lệ", path.display()))
}
