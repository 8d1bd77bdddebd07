//! Outgoing email over SMTP (lettre with rustls). Off unless configured;
//! a failed send is logged and recorded, never an error for the user.

use std::time::Duration;

use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::{AppError, Result};

/// How the connection to the SMTP server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SmtpSecurity {
    /// Plain connection upgraded with STARTTLS, which is required (port 587).
    #[default]
    StartTls,
    /// TLS from the first byte (port 465).
    Tls,
    /// No encryption: only for a relay on the same host or a test server.
    None,
}

impl SmtpSecurity {
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "starttls" => Some(Self::StartTls),
            "tls" | "ssl" | "smtps" => Some(Self::Tls),
            "none" | "plain" => Some(Self::None),
            _ => None,
        }
    }

    fn default_port(self) -> u16 {
        match self {
            Self::StartTls => 587,
            Self::Tls => 465,
            Self::None => 25,
        }
    }
}

/// SMTP settings, as read from the configuration.
#[derive(Clone, Default)]
pub struct SmtpConfig {
    pub host: String,
    /// Defaults by security: 587, 465 or 25.
    pub port: Option<u16>,
    pub username: Option<String>,
    pub password: Option<String>,
    /// The sender, e.g. `CCHC Sở Y tế <cchc@syt.example.gov.vn>`.
    pub from: String,
    pub security: SmtpSecurity,
    /// Extra trusted root certificates (PEM), for servers with an internal CA.
    pub root_certificates_pem: Option<Vec<u8>>,
    pub timeout: Duration,
}

impl std::fmt::Debug for SmtpConfig {
    /// Everything but the password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpConfig")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("username", &self.username)
            .field("from", &self.from)
            .field("security", &self.security)
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

/// A configured mail sender. Cheap to share behind an `Arc`.
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

fn config_error(message: impl Into<String>) -> AppError {
    AppError::validation("smtp", message)
}

impl Mailer {
    /// Checks the settings and prepares the transport; nothing is sent yet.
    pub fn new(config: &SmtpConfig) -> Result<Mailer> {
        let host = config.host.trim();
        if host.is_empty() {
            return Err(config_error("Chưa khai báo máy chủ gửi thư (smtp.host)."));
        }
        let from: Mailbox = config.from.trim().parse().map_err(|_| {
            config_error(format!(
                "Địa chỉ gửi thư “{}” (smtp.from) không hợp lệ.",
                config.from
            ))
        })?;
        let tls = match config.security {
            SmtpSecurity::None => Tls::None,
            security => {
                let mut params = TlsParameters::builder(host.to_string());
                if let Some(pem) = &config.root_certificates_pem {
                    let cert = Certificate::from_pem(pem).map_err(|e| {
                        config_error(format!("Chứng chỉ gốc của máy chủ thư không hợp lệ: {e}"))
                    })?;
                    params = params.add_root_certificate(cert);
                }
                let params = params
                    .build()
                    .map_err(|e| config_error(format!("Không thiết lập được TLS: {e}")))?;
                if security == SmtpSecurity::Tls {
                    Tls::Wrapper(params)
                } else {
                    Tls::Required(params)
                }
            }
        };
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
            .port(config.port.unwrap_or(config.security.default_port()))
            .tls(tls)
            .timeout(Some(config.timeout));
        if let Some(user) = config.username.as_ref().filter(|u| !u.is_empty()) {
            builder = builder.credentials(Credentials::new(
                user.clone(),
                config.password.clone().unwrap_or_default(),
            ));
        }
        Ok(Mailer {
            transport: builder.build(),
            from,
        })
    }

    /// Sends one plain-text UTF-8 message to every address in `to`.
    /// `id` (unique, e.g. random hex) makes the Message-ID.
    pub async fn send(
        &self,
        to: &[(String, String)],
        subject: &str,
        body: &str,
        id: &str,
    ) -> std::result::Result<(), String> {
        let domain = self.from.email.domain().to_string();
        let mut message = Message::builder()
            .from(self.from.clone())
            .subject(subject)
            .message_id(Some(format!("<{id}@{domain}>")))
            .header(ContentType::TEXT_PLAIN);
        for (name, address) in to {
            let address = address.parse().map_err(|e| format!("{address}: {e}"))?;
            message = message.to(Mailbox::new(Some(name.clone()), address));
        }
        let message = message.body(body.to_string()).map_err(|e| e.to_string())?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_checked() {
        let ok = SmtpConfig {
            host: "smtp.example.vn".into(),
            from: "CCHC <cchc@example.vn>".into(),
            timeout: Duration::from_secs(5),
            ..Default::default()
        };
        assert!(Mailer::new(&ok).is_ok());
        let bad_from = SmtpConfig {
            from: "khong-hop-le".into(),
            ..ok.clone()
        };
        assert!(Mailer::new(&bad_from).is_err());
        let no_host = SmtpConfig {
            host: " ".into(),
            ..ok
        };
        assert!(Mailer::new(&no_host).is_err());
        assert_eq!(
            SmtpSecurity::parse("STARTTLS"),
            Some(SmtpSecurity::StartTls)
        );
        assert_eq!(SmtpSecurity::parse("x"), None);
    }
}
