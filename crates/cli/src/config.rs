//! Settings from `cchc.toml`, environment variables and flags (flags win,
//! then the environment, then the file, then defaults).

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context;
use serde::Deserialize;

use cchc_app::jobs::SchedulerConfig;
use cchc_app::mail::{SmtpConfig, SmtpSecurity};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    #[serde(default)]
    server: ServerSection,
    #[serde(default)]
    database: DatabaseSection,
    #[serde(default)]
    auth: AuthSection,
    #[serde(default)]
    smtp: SmtpSection,
    #[serde(default)]
    reminders: RemindersSection,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ServerSection {
    addr: Option<String>,
    secure_cookies: Option<bool>,
    trust_forwarded_for: Option<bool>,
    request_timeout_seconds: Option<u64>,
    body_limit_mb: Option<usize>,
    /// The address users open the app at, for links in emails.
    public_url: Option<String>,
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

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SmtpSection {
    host: Option<String>,
    port: Option<u16>,
    username: Option<String>,
    password: Option<String>,
    from: Option<String>,
    /// starttls (default), tls or none.
    security: Option<String>,
    /// PEM file of extra trusted root certificates (an internal CA).
    ca_file: Option<PathBuf>,
    timeout_seconds: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RemindersSection {
    /// Run the sweep inside `cchc serve` (default true).
    enabled: Option<bool>,
    due_soon_days: Option<i32>,
    interval_minutes: Option<u64>,
    start_hour: Option<u32>,
    working_days_only: Option<bool>,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub data_dir: PathBuf,
    pub database_url: String,
    pub addr: String,
    pub web: cchc_web::WebConfig,
    pub auth: cchc_app::AuthConfig,
    /// Email is off when no SMTP host is configured.
    pub smtp: Option<SmtpConfig>,
    pub reminders: cchc_app::reminders::ReminderConfig,
    /// The in-process reminder schedule of `serve`; `None` when disabled.
    pub scheduler: Option<SchedulerConfig>,
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
        let env = |key: &str| std::env::var(key).ok().filter(|v| !v.trim().is_empty());
        let smtp = smtp_settings(file_settings.smtp, &env)?;
        let reminders = cchc_app::reminders::ReminderConfig {
            due_soon_days: file_settings.reminders.due_soon_days.unwrap_or(5),
            public_url: env("CCHC_PUBLIC_URL")
                .or(server.public_url)
                .unwrap_or_default(),
        };
        let r = file_settings.reminders;
        let defaults = SchedulerConfig::default();
        let scheduler = r.enabled.unwrap_or(true).then(|| SchedulerConfig {
            every: r
                .interval_minutes
                .map_or(defaults.every, |m| Duration::from_secs(m.max(1) * 60)),
            start_hour: r.start_hour.unwrap_or(defaults.start_hour),
            working_days_only: r.working_days_only.unwrap_or(defaults.working_days_only),
        });
        Ok(Settings {
            data_dir,
            database_url,
            addr: server.addr.unwrap_or_else(|| "127.0.0.1:8080".into()),
            web,
            auth,
            smtp,
            reminders,
            scheduler,
        })
    }

    pub fn is_sqlite(&self) -> bool {
        self.database_url.starts_with("sqlite:")
    }
}

/// The `[smtp]` section with `CCHC_SMTP_*` variables (from `env`) winning;
/// `None` when no host is set.
fn smtp_settings(
    file: SmtpSection,
    env: &dyn Fn(&str) -> Option<String>,
) -> anyhow::Result<Option<SmtpConfig>> {
    let Some(host) = env("CCHC_SMTP_HOST")
        .or(file.host)
        .filter(|h| !h.trim().is_empty())
    else {
        return Ok(None);
    };
    let port = match env("CCHC_SMTP_PORT") {
        Some(p) => Some(
            p.trim()
                .parse::<u16>()
                .with_context(|| format!("CCHC_SMTP_PORT “{p}” không phải số cổng"))?,
        ),
        None => file.port,
    };
    let security = match env("CCHC_SMTP_SECURITY").or(file.security) {
        Some(s) => SmtpSecurity::parse(&s).with_context(|| {
            format!("smtp.security “{s}” không hợp lệ (starttls, tls hoặc none)")
        })?,
        None => SmtpSecurity::default(),
    };
    let from = env("CCHC_SMTP_FROM").or(file.from).context(
        "đã khai báo máy chủ SMTP nhưng thiếu địa chỉ gửi thư (smtp.from / CCHC_SMTP_FROM)",
    )?;
    let root_certificates_pem = match &file.ca_file {
        Some(path) => Some(
            std::fs::read(path)
                .with_context(|| format!("không đọc được tệp chứng chỉ {}", path.display()))?,
        ),
        None => None,
    };
    Ok(Some(SmtpConfig {
        host,
        port,
        username: env("CCHC_SMTP_USERNAME").or(file.username),
        password: env("CCHC_SMTP_PASSWORD").or(file.password),
        from,
        security,
        root_certificates_pem,
        timeout: Duration::from_secs(file.timeout_seconds.unwrap_or(30)),
    }))
}

fn read(path: &Path) -> anyhow::Result<FileSettings> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("không đọc được tệp cấu hình {}", path.display()))?;
    toml::from_str(&text).with_context(|| format!("tệp cấu hình {} không hợp lệ", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(text: &str) -> SmtpSection {
        toml::from_str::<FileSettings>(text).unwrap().smtp
    }

    #[test]
    fn smtp_is_off_without_a_host_and_the_environment_wins() {
        let none = |_: &str| None;
        assert!(smtp_settings(section(""), &none).unwrap().is_none());

        let file = "[smtp]\nhost = \"mail.example.vn\"\nfrom = \"CCHC <cchc@example.vn>\"\n";
        let cfg = smtp_settings(section(file), &none).unwrap().unwrap();
        assert_eq!(
            (cfg.host.as_str(), cfg.port, cfg.security),
            ("mail.example.vn", None, SmtpSecurity::StartTls)
        );

        let env = |key: &str| match key {
            "CCHC_SMTP_HOST" => Some("127.0.0.1".to_string()),
            "CCHC_SMTP_PORT" => Some("2525".to_string()),
            "CCHC_SMTP_SECURITY" => Some("none".to_string()),
            "CCHC_SMTP_PASSWORD" => Some("bi-mat".to_string()),
            _ => None,
        };
        let cfg = smtp_settings(section(file), &env).unwrap().unwrap();
        assert_eq!(
            (cfg.host.as_str(), cfg.port, cfg.security),
            ("127.0.0.1", Some(2525), SmtpSecurity::None)
        );
        assert_eq!(cfg.password.as_deref(), Some("bi-mat"));
        assert_eq!(cfg.from, "CCHC <cchc@example.vn>");

        let no_from = "[smtp]\nhost = \"mail.example.vn\"\n";
        let err = smtp_settings(section(no_from), &none).unwrap_err();
        assert!(err.to_string().contains("thiếu địa chỉ gửi thư"));
        let bad = "[smtp]\nhost = \"h\"\nfrom = \"a@b.vn\"\nsecurity = \"ssl3\"\n";
        assert!(smtp_settings(section(bad), &none).is_err());
    }
}
