//! Latency of the plan overview and "my unit" pages with a large plan:
//! 5,000 tasks over 40 units, each with 4 quarterly occurrences, entered
//! through the use cases. Requests run concurrently through the real
//! router (all middleware), and p50/p99 are printed for BENCHMARKS.md.
//!
//! `cargo bench -p cchc-web --bench tracking_pages` (SQLite), with
//! `CCHC_BENCH_POSTGRES_URL=postgres://...` for PostgreSQL too.
//! `CCHC_BENCH_TASKS` overrides the task count; `CCHC_BENCH_SKIP_SQLITE=1`
//! measures PostgreSQL alone.

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Request, header};
use tower::ServiceExt;

use cchc_domain::plans::{ItemDraft, PlanDraft};
use cchc_domain::roles::Role;
use cchc_testkit::plans::coordinator;
use cchc_testkit::{TestApp, TestDb, org};

const UNITS: usize = 40;
const CONCURRENCY: usize = 8;
const REQUESTS: usize = 400;
const WARMUP: usize = 200;

async fn seed(t: &TestApp, tasks: usize) -> (i64, String) {
    let app = &t.app;
    let root = org::unit(app, "SYT", "Sở Y tế", "department", None).await;
    let mut units = Vec::new();
    for i in 0..UNITS {
        units.push(
            org::unit(
                app,
                &format!("DV{i:02}"),
                &format!("Đơn vị số {i}"),
                "division",
                Some(root),
            )
            .await,
        );
    }
    org::user(app, "cv", Role::Staff, Some(units[0]), Some(units[0])).await;
    org::user(app, "dm", Role::Coordinator, None, Some(units[0])).await;
    let c = coordinator();
    let plan = app
        .create_plan(
            &c,
            PlanDraft {
                title: "Kế hoạch CCHC giai đoạn thử tải".into(),
                issuing_unit_id: Some(root),
                first_year: Some(2026),
                ..Default::default()
            },
        )
        .await
        .expect("plan");
    let started = Instant::now();
    let mut section = None;
    for i in 0..tasks {
        if i % 500 == 0 {
            let s = app
                .create_item(
                    &c,
                    plan.id,
                    ItemDraft {
                        kind: "section".into(),
                        content: format!("PHẦN {}", i / 500 + 1),
                        ..Default::default()
                    },
                )
                .await
                .expect("section");
            section = Some(s.id);
        }
        let lead = units[i % UNITS];
        let coop = units[(i * 7 + 3) % UNITS];
        let draft = ItemDraft {
            parent_id: section,
            kind: "task".into(),
            content: format!("Nhiệm vụ cải cách hành chính số {i}"),
            indicator: "100% hoàn thành".into(),
            lead_unit_ids: vec![lead],
            cooperating_unit_ids: if coop == lead { vec![] } else { vec![coop] },
            start_text: "Hàng quý".into(),
            ..Default::default()
        };
        app.create_item(&c, plan.id, draft).await.expect("task");
        if i % 1000 == 999 {
            eprintln!("  {} tasks in {:.1?}", i + 1, started.elapsed());
        }
    }
    (
        plan.id,
        app.login("dm", org::PASSWORD, "127.0.0.1", None)
            .await
            .expect("login"),
    )
}

async fn measure(
    router: &axum::Router,
    path: &str,
    session: &str,
    requests: usize,
) -> (Duration, Duration, Duration) {
    let mut latencies = Vec::with_capacity(requests);
    let per_task = requests / CONCURRENCY;
    let mut handles = Vec::new();
    for _ in 0..CONCURRENCY {
        let router = router.clone();
        let path = path.to_string();
        let cookie = format!("cchc_session={session}");
        handles.push(tokio::spawn(async move {
            let mut out = Vec::new();
            for _ in 0..per_task {
                let req = Request::get(&path)
                    .header(header::COOKIE, &cookie)
                    .body(Body::empty())
                    .unwrap();
                let t = Instant::now();
                let res = router.clone().oneshot(req).await.unwrap();
                let status = res.status();
                let _ = axum::body::to_bytes(res.into_body(), usize::MAX).await;
                assert!(status.is_success(), "{path}: {status}");
                out.push(t.elapsed());
            }
            out
        }));
    }
    for h in handles {
        latencies.extend(h.await.unwrap());
    }
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
    (at(0.5), at(0.99), *latencies.last().unwrap())
}

async fn run(db: TestDb, tasks: usize) {
    let name = db.name;
    let t = TestApp::new(db);
    let started = Instant::now();
    let (plan_id, coordinator_session) = seed(&t, tasks).await;
    eprintln!("{name}: seeded {tasks} tasks in {:.1?}", started.elapsed());
    if name == "postgres" {
        // What a running server has done some time after a bulk load:
        // autovacuum's fresh statistics and visibility map (index-only
        // scans), and a checkpoint that wrote the loaded pages out.
        t.db.execute("VACUUM ANALYZE").await;
        t.db.execute("CHECKPOINT").await;
    }
    let staff_session = t
        .app
        .login("cv", org::PASSWORD, "127.0.0.1", None)
        .await
        .expect("login");
    let router = cchc_web::router(t.app.clone(), cchc_web::WebConfig::default());
    for (label, path, session) in [
        (
            "plan overview",
            format!("/plans/{plan_id}"),
            &coordinator_session,
        ),
        ("my unit", "/my".to_string(), &staff_session),
        (
            "work list (overdue, page 1)",
            "/work?overdue=true".to_string(),
            &coordinator_session,
        ),
    ] {
        // Warm up: the pool opens its connections and the pages are read
        // from disk once, as on a server that has been running.
        measure(&router, &path, session, WARMUP).await;
        let (p50, p99, max) = measure(&router, &path, session, REQUESTS).await;
        println!(
            "{name:<8} {label:<28} p50 {:>7.1} ms  p99 {:>7.1} ms  max {:>7.1} ms  ({REQUESTS} requests, {CONCURRENCY} concurrent)",
            p50.as_secs_f64() * 1e3,
            p99.as_secs_f64() * 1e3,
            max.as_secs_f64() * 1e3
        );
    }

    // Where a request spends its time: each use case alone, median of 50.
    let dm = org::actor(&t.app, "dm").await;
    let cv = org::actor(&t.app, "cv").await;
    let mut parts = Vec::new();
    macro_rules! alone {
        ($label:expr, $call:expr) => {{
            let mut times = Vec::new();
            for _ in 0..50 {
                let t0 = Instant::now();
                $call.await.expect($label);
                times.push(t0.elapsed());
            }
            times.sort();
            parts.push(format!("{} {:.1?}", $label, times[times.len() / 2]));
        }};
    }
    alone!("session", t.app.session_actor(&staff_session, None));
    alone!(
        "overview page",
        t.app.plan_overview_page(&dm, plan_id, None, 1)
    );
    alone!("  of which items", t.app.plan_page(&dm, plan_id, None, 1));
    alone!("  of which counts", t.app.plan_overview(&dm, plan_id));
    alone!("my work", t.app.my_work(&cv, 5));
    println!("{name:<8} use cases alone (median): {}", parts.join(", "));
}

fn main() {
    let tasks = std::env::var("CCHC_BENCH_TASKS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5000);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        if std::env::var_os("CCHC_BENCH_SKIP_SQLITE").is_none() {
            run(TestDb::sqlite().await, tasks).await;
        }
        if let Ok(url) = std::env::var("CCHC_BENCH_POSTGRES_URL") {
            run(TestDb::postgres(&url).await, tasks).await;
        }
    });
}
