//! A router over a test application, and request helpers.

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use tower::ServiceExt;

use cchc_testkit::{TestApp, apps};
use cchc_web::WebConfig;

pub struct Web {
    pub t: TestApp,
    pub router: Router,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// The session cookie value set by this response, if any.
    pub fn session_cookie(&self) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("cchc_session=") && !v.starts_with("cchc_session=;"))
            .map(|v| {
                v.split(';')
                    .next()
                    .unwrap_or("")
                    .trim_start_matches("cchc_session=")
                    .to_string()
            })
    }
}

pub async fn webs() -> Vec<Web> {
    apps().await.into_iter().map(Web::new).collect()
}

impl Web {
    pub fn new(t: TestApp) -> Web {
        let router = cchc_web::router(t.app.clone(), WebConfig::default());
        Web { t, router }
    }

    pub async fn send(&self, request: Request<Body>) -> Reply {
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("router never fails");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    /// An API request with an optional bearer token and JSON body.
    pub async fn api(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<serde_json::Value>,
    ) -> Reply {
        let mut b = Request::builder().method(method).uri(path);
        if let Some(t) = token {
            b = b.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        let body = match body {
            Some(json) => {
                b = b.header(header::CONTENT_TYPE, "application/json");
                Body::from(json.to_string())
            }
            None => Body::empty(),
        };
        self.send(b.body(body).expect("request")).await
    }

    /// A page request as a browser on this site sends it (same-origin form posts).
    pub async fn page(
        &self,
        method: Method,
        path: &str,
        session: Option<&str>,
        form: Option<&str>,
    ) -> Reply {
        let mut b = Request::builder()
            .method(method)
            .uri(path)
            .header("sec-fetch-site", "same-origin");
        if let Some(s) = session {
            b = b.header(header::COOKIE, format!("cchc_session={s}"));
        }
        let body = match form {
            Some(f) => {
                b = b.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
                Body::from(f.to_string())
            }
            None => Body::empty(),
        };
        self.send(b.body(body).expect("request")).await
    }

    /// A form upload of one file (field `file`) as a browser sends it.
    pub async fn upload(&self, path: &str, session: &str, file_name: &str, bytes: &[u8]) -> Reply {
        let cookie = format!("cchc_session={session}");
        self.upload_as(path, (header::COOKIE, &cookie), file_name, bytes)
            .await
    }

    /// [`Web::upload`] with an API token.
    pub async fn upload_api(
        &self,
        path: &str,
        token: &str,
        file_name: &str,
        bytes: &[u8],
    ) -> Reply {
        let bearer = format!("Bearer {token}");
        self.upload_as(path, (header::AUTHORIZATION, &bearer), file_name, bytes)
            .await
    }

    async fn upload_as(
        &self,
        path: &str,
        auth: (header::HeaderName, &str),
        file_name: &str,
        bytes: &[u8],
    ) -> Reply {
        let boundary = "cchc-test-boundary-7MA4YWxkTrZu0gW";
        let mut body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let request = Request::builder()
            .method(Method::POST)
            .uri(path)
            .header("sec-fetch-site", "same-origin")
            .header(auth.0, auth.1)
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(Body::from(body))
            .expect("request");
        self.send(request).await
    }

    pub async fn token(&self, username: &str) -> String {
        self.t
            .app
            .api_login(username, cchc_testkit::org::PASSWORD, "127.0.0.1")
            .await
            .expect("api login")
    }

    pub async fn session(&self, username: &str) -> String {
        self.t
            .app
            .login(username, cchc_testkit::org::PASSWORD, "127.0.0.1", None)
            .await
            .expect("login")
    }
}

/// Percent-encodes a form value.
pub fn enc(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
