//! The HTTP layer: server-rendered Vietnamese pages (askama + htmx), the JSON
//! API under `/api/v1` with its OpenAPI document, static assets built into the
//! binary, and the security middleware. Handlers are thin: parse, call one
//! `App` use case, render.

pub mod api;
mod assets;
mod auth;
mod error;
mod pages;
pub mod routes;
mod security;
mod views;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use cchc_app::App;

pub use routes::{Access, RouteInfo};

/// Settings of the web layer.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Mark cookies `Secure` (behind HTTPS).
    pub secure_cookies: bool,
    /// Take the client address from `X-Forwarded-For` (behind a trusted reverse proxy).
    pub trust_forwarded_for: bool,
    pub request_timeout: Duration,
    /// Largest request body accepted, in bytes.
    pub body_limit: usize,
}

impl Default for WebConfig {
    fn default() -> Self {
        Self {
            secure_cookies: false,
            trust_forwarded_for: false,
            request_timeout: Duration::from_secs(30),
            // The hard cap; extractors keep axum's 2 MB default except evidence uploads.
            body_limit: 24 * 1024 * 1024,
        }
    }
}

#[derive(Clone)]
pub struct AppState {
    pub app: App,
    pub config: Arc<WebConfig>,
}

/// The whole application as one router, with every security layer applied.
pub fn router(app: App, config: WebConfig) -> Router {
    let state = AppState {
        app,
        config: Arc::new(config.clone()),
    };
    let (routes, _) = routes::build();
    security::apply(routes.with_state(state), &config)
}
