//! `cchc serve`: the web application.

use std::net::SocketAddr;

use anyhow::Context;
use clap::Args;

use crate::config::Settings;

#[derive(Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "CCHC_ADDR")]
    addr: Option<String>,
    /// Load the demo organisation and users (once) and print their logins.
    #[arg(long)]
    demo: bool,
}

pub async fn run(settings: &Settings, args: ServeArgs) -> anyhow::Result<()> {
    let app = super::open(settings).await?;
    if args.demo {
        let loaded = app
            .load_demo()
            .await
            .context("không nạp được dữ liệu mẫu")?;
        println!(
            "{}",
            if loaded {
                "Đã nạp dữ liệu mẫu."
            } else {
                "Dữ liệu mẫu đã có sẵn."
            }
        );
    }
    let addr = args.addr.unwrap_or_else(|| settings.addr.clone());
    let listener = tokio::net::TcpListener::bind(&addr)
        .await
        .with_context(|| format!("không mở được địa chỉ {addr}"))?;
    let where_ = if settings.is_sqlite() {
        format!("SQLite tại {}", settings.data_dir.display())
    } else {
        "PostgreSQL".into()
    };
    println!("cchc đang chạy tại http://{addr} (dữ liệu: {where_})");
    if args.demo {
        println!(
            "\nTài khoản mẫu (mật khẩu chung: {}):",
            cchc_app::demo::DEMO_PASSWORD
        );
        for line in cchc_app::demo::demo_logins() {
            println!("  {line}");
        }
        println!();
    }
    let scheduler = settings.scheduler.clone().map(|schedule| {
        println!(
            "Nhắc việc tự động: {} phút một lần, từ {} giờ{}; thư điện tử {}.",
            schedule.every.as_secs() / 60,
            schedule.start_hour,
            if schedule.working_days_only {
                " các ngày làm việc"
            } else {
                " hằng ngày"
            },
            if settings.smtp.is_some() {
                "bật"
            } else {
                "tắt (chưa cấu hình SMTP)"
            },
        );
        tokio::spawn(app.clone().run_scheduler(schedule))
    });
    println!("Nhấn Ctrl+C để dừng.");
    let router = cchc_web::router(app.clone(), settings.web.clone());
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
    .context("máy chủ web dừng do lỗi")?;
    if let Some(task) = scheduler {
        task.abort();
    }
    app.db().close().await;
    Ok(())
}
