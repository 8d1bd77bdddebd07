//! Test helpers: a fresh database per test on SQLite and, when
//! `CCHC_TEST_POSTGRES_URL` is set, on PostgreSQL too; an [`App`] over it
//! with a fixed clock and cheap password hashing; and a small organisation.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, TimeZone, Utc};

use cchc_app::{App, AuthConfig, FixedClock};
use cchc_store::{Backend, Db};

pub mod due;
pub mod org;
pub mod plans;
pub mod reports;
pub mod smtp;

/// A database that exists for one test and is removed afterwards.
pub struct TestDb {
    pub db: Db,
    pub name: &'static str,
    cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { admin_url: String, database: String },
}

impl TestDb {
    pub async fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = Db::connect(&Db::sqlite_url(dir.path()))
            .await
            .expect("open sqlite");
        db.migrate().await.expect("migrate sqlite");
        TestDb {
            db,
            name: "sqlite",
            cleanup: Cleanup::Sqlite(dir),
        }
    }

    /// A fresh database named uniquely on the server at `admin_url`.
    pub async fn postgres(admin_url: &str) -> TestDb {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let database = format!(
            "cchc_test_{}_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed),
            Utc::now().timestamp_micros()
        );
        let admin = Db::connect(admin_url)
            .await
            .expect("connect to CCHC_TEST_POSTGRES_URL");
        if let Db::Postgres(pool) = &admin {
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {database}")))
                .execute(pool)
                .await
                .expect("create test database");
        }
        admin.close().await;
        let db = Db::connect(&with_database(admin_url, &database))
            .await
            .expect("connect test database");
        db.migrate().await.expect("migrate postgres");
        TestDb {
            db,
            name: "postgres",
            cleanup: Cleanup::Postgres {
                admin_url: admin_url.into(),
                database,
            },
        }
    }

    pub fn backend(&self) -> Backend {
        self.db.backend()
    }

    /// Runs one SQL statement as it is, e.g. to put data out of step on
    /// purpose and see a check notice.
    pub async fn execute(&self, sql: &str) {
        let sql = sqlx::AssertSqlSafe(sql.to_string());
        match &self.db {
            Db::Sqlite(pool) => sqlx::query(sql).execute(pool).await.map(|_| ()),
            Db::Postgres(pool) => sqlx::query(sql).execute(pool).await.map(|_| ()),
        }
        .expect("test SQL");
    }
}

/// Replaces the database name (the URL path) of a PostgreSQL URL.
fn with_database(url: &str, database: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let host_end = base[scheme_end..]
        .find('/')
        .map_or(base.len(), |i| scheme_end + i);
    let mut out = format!("{}/{database}", &base[..host_end]);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Cleanup::Postgres {
            admin_url,
            database,
        } = &self.cleanup
        {
            let (admin_url, database) = (admin_url.clone(), database.clone());
            // Drop runs inside the test's runtime; a separate thread gets its own.
            let _ = std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build();
                if let Ok(rt) = rt {
                    rt.block_on(async {
                        if let Ok(Db::Postgres(pool)) = Db::connect(&admin_url).await {
                            let sql = format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)");
                            let _ = sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&pool).await;
                            pool.close().await;
                        }
                    });
                }
            })
            .join();
        }
    }
}

/// SQLite always; PostgreSQL too when `CCHC_TEST_POSTGRES_URL` is set.
pub async fn databases() -> Vec<TestDb> {
    let mut out = vec![TestDb::sqlite().await];
    if let Ok(url) = std::env::var("CCHC_TEST_POSTGRES_URL")
        && !url.trim().is_empty()
    {
        out.push(TestDb::postgres(&url).await);
    }
    out
}

/// 2026-03-02 09:00 Vietnam time, the clock every test app starts at.
pub fn start_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 2, 0, 0)
        .single()
        .expect("valid time")
}

/// Cheap argon2 so tests stay fast; production keeps the defaults.
pub fn test_auth_config() -> AuthConfig {
    AuthConfig {
        argon2_memory_kib: 256,
        argon2_iterations: 1,
        ..AuthConfig::default()
    }
}

/// An application over one test database with a clock the test controls.
pub struct TestApp {
    pub app: App,
    pub clock: Arc<FixedClock>,
    pub db: TestDb,
}

impl TestApp {
    pub fn new(db: TestDb) -> TestApp {
        let clock = Arc::new(FixedClock::new(start_time()));
        let app = App::new(db.db.clone(), test_auth_config()).with_clock(clock.clone());
        TestApp { app, clock, db }
    }
}

/// One [`TestApp`] per backend under test.
pub async fn apps() -> Vec<TestApp> {
    databases().await.into_iter().map(TestApp::new).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn replaces_database_in_url() {
        assert_eq!(
            super::with_database("postgres://u@127.0.0.1:5432/x?sslmode=disable", "t"),
            "postgres://u@127.0.0.1:5432/t?sslmode=disable"
        );
        assert_eq!(
            super::with_database("postgres://127.0.0.1", "t"),
            "postgres://127.0.0.1/t"
        );
    }
}
