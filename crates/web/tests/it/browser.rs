//! The real server in headless Chromium (Debian's chromium + chromedriver):
//! log in, search the unit tree live through htmx, open the user and audit
//! pages, and use the phone layout. Skipped when Chromium is not installed,
//! except under CI (`CI=true`), where `.ci/run` installs it.
//! With `CCHC_SCREENSHOT_DIR` set, screenshots of each page are saved there.

use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

use cchc_testkit::{TestApp, TestDb};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// chromedriver and the browser profile; both go away with the test.
pub(crate) struct Driver {
    child: Child,
    _profile: tempfile::TempDir,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

pub(crate) async fn start_server() -> (String, TestApp) {
    let t = TestApp::new(TestDb::sqlite().await);
    t.app.load_demo().await.expect("demo data");
    let router = cchc_web::router(t.app.clone(), cchc_web::WebConfig::default());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        let _ = axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await;
    });
    (format!("http://{addr}"), t)
}

pub(crate) async fn start_browser() -> Option<(Driver, Client)> {
    if !std::path::Path::new(CHROMIUM).exists() || !std::path::Path::new(CHROMEDRIVER).exists() {
        assert!(
            std::env::var("CI").is_err(),
            "CI must install chromium and chromium-driver"
        );
        eprintln!("chromium/chromedriver not installed: browser test skipped");
        return None;
    }
    let port = free_port();
    let child = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromedriver");
    let profile = tempfile::tempdir().expect("profile dir");
    let args = [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--lang=vi-VN",
    ];
    let mut caps = serde_json::Map::new();
    let mut chrome_args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    chrome_args.push(format!("--user-data-dir={}", profile.path().display()));
    let driver = Driver {
        child,
        _profile: profile,
    };
    caps.insert(
        "goog:chromeOptions".into(),
        json!({"binary": CHROMIUM, "args": chrome_args}),
    );
    let url = format!("http://127.0.0.1:{port}");
    for _ in 0..50 {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        if let Ok(client) = ClientBuilder::new(connector)
            .capabilities(caps.clone())
            .connect(&url)
            .await
        {
            return Some((driver, client));
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("chromedriver did not start");
}

/// Logs in as a demo user from a fresh login page and waits for the home page.
pub(crate) async fn log_in(client: &Client, base: &str, username: &str) {
    client.delete_all_cookies().await.expect("cookies");
    client.goto(&format!("{base}/login")).await.unwrap();
    client
        .find(Locator::Css("input[name=username]"))
        .await
        .unwrap()
        .send_keys(username)
        .await
        .unwrap();
    client
        .find(Locator::Css("input[name=password]"))
        .await
        .unwrap()
        .send_keys(cchc_app::demo::DEMO_PASSWORD)
        .await
        .unwrap();
    client
        .find(Locator::Css("button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    client
        .wait()
        .for_element(Locator::XPath("//h1[contains(., 'Xin chào')]"))
        .await
        .expect("logged in");
}

pub(crate) async fn shot(client: &Client, name: &str) {
    if let Ok(dir) = std::env::var("CCHC_SCREENSHOT_DIR") {
        let png = client.screenshot().await.expect("screenshot");
        std::fs::create_dir_all(&dir).expect("screenshot dir");
        std::fs::write(format!("{dir}/{name}.png"), png).expect("write screenshot");
    }
}

pub(crate) async fn body_text(client: &Client) -> String {
    client
        .find(Locator::Css("body"))
        .await
        .expect("body")
        .text()
        .await
        .expect("text")
}

#[tokio::test]
async fn a_coordinator_and_an_admin_use_the_app_in_chromium() {
    let Some((_driver, client)) = start_browser().await else {
        return;
    };
    let (base, _t) = start_server().await;
    client.set_window_size(1366, 768).await.expect("window");

    client.goto(&format!("{base}/")).await.expect("goto");
    assert!(
        client
            .current_url()
            .await
            .unwrap()
            .path()
            .starts_with("/login")
    );
    shot(&client, "01-login").await;
    log_in(&client, &base, "admin").await;
    shot(&client, "02-home").await;
    let htmx: serde_json::Value = client.execute("return typeof htmx", vec![]).await.unwrap();
    assert_eq!(htmx, "object", "htmx loads under the CSP");

    client.goto(&format!("{base}/units")).await.unwrap();
    let all_rows = client
        .find_all(Locator::Css("#unit-tree tbody tr"))
        .await
        .unwrap()
        .len();
    assert!(all_rows >= 17, "demo tree has {all_rows} rows");
    shot(&client, "03-units").await;
    client
        .find(Locator::Css("#q"))
        .await
        .unwrap()
        .send_keys("trung tam y te")
        .await
        .unwrap();
    // The live search swaps the tree without a page load.
    let mut rows = all_rows;
    for _ in 0..50 {
        rows = client
            .find_all(Locator::Css("#unit-tree tbody tr"))
            .await
            .unwrap()
            .len();
        if rows < all_rows {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(rows, 3, "root + the two district health centres");
    let text = body_text(&client).await;
    assert!(text.contains("Trung tâm Y tế huyện Đông Sơn") && !text.contains("Thanh tra Sở"));
    assert!(
        client
            .current_url()
            .await
            .unwrap()
            .query()
            .unwrap_or("")
            .contains("q=trung"),
        "search is in the address bar"
    );
    shot(&client, "04-units-search").await;

    client
        .find(Locator::LinkText("Trung tâm Y tế huyện Đông Sơn"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    client
        .wait()
        .for_element(Locator::XPath("//a[contains(., 'Sửa / chuyển đơn vị')]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let name = client
        .wait()
        .for_element(Locator::Css("input[name=name]"))
        .await
        .unwrap();
    name.clear().await.unwrap();
    name.send_keys("Trung tâm Y tế thị xã Đông Sơn")
        .await
        .unwrap();
    client
        .find(Locator::Css("button.primary"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    client
        .wait()
        .for_element(Locator::Css(".notice"))
        .await
        .expect("saved notice");
    assert!(
        body_text(&client)
            .await
            .contains("Trung tâm Y tế thị xã Đông Sơn")
    );
    shot(&client, "05-unit-detail").await;

    client.goto(&format!("{base}/users")).await.unwrap();
    assert!(body_text(&client).await.contains("Nguyễn Thị Hoa"));
    shot(&client, "06-users").await;
    client
        .find(Locator::LinkText("Hoàng Minh Đức"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    client
        .wait()
        .for_element(Locator::Css("select[name=role_0]"))
        .await
        .unwrap();
    shot(&client, "07-user-edit").await;

    client.goto(&format!("{base}/audit")).await.unwrap();
    let audit = body_text(&client).await;
    assert!(
        audit.contains("Cập nhật đơn vị") && audit.contains("Trung tâm Y tế thị xã Đông Sơn"),
        "the edit is in the audit log"
    );
    shot(&client, "08-audit").await;

    use_the_calendar(&client, &base).await;

    client.set_window_size(390, 844).await.unwrap();
    client
        .goto(&format!("{base}/calendar?year=2026&month=2"))
        .await
        .unwrap();
    let (page_fits, table_scrolls): (serde_json::Value, serde_json::Value) = (
        client
            .execute("return document.documentElement.scrollWidth <= window.innerWidth", vec![])
            .await
            .unwrap(),
        client
            .execute(
                "const s = document.querySelector('.cal-scroll'); return s.scrollWidth > s.clientWidth",
                vec![],
            )
            .await
            .unwrap(),
    );
    assert_eq!(page_fits, true, "the phone page does not scroll sideways");
    assert_eq!(
        table_scrolls, true,
        "the month table scrolls inside its box"
    );
    shot(&client, "12-phone-calendar").await;
    client.goto(&format!("{base}/units")).await.unwrap();
    shot(&client, "09-phone-units").await;
    client
        .find(Locator::Css(".nav-button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let sidebar_visible: serde_json::Value = client
        .execute(
            "return getComputedStyle(document.querySelector('.sidebar')).display !== 'none'",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(sidebar_visible, true, "the menu opens on a phone");
    shot(&client, "10-phone-menu").await;

    client
        .find(Locator::XPath("//button[contains(., 'Đăng xuất')]"))
        .await
        .ok();
    client.close().await.unwrap();
}

/// The calendar page at 1366x768: Tết shown, month navigation through htmx,
/// and an override added by the administrator.
async fn use_the_calendar(client: &Client, base: &str) {
    client
        .goto(&format!("{base}/calendar?year=2026&month=2"))
        .await
        .unwrap();
    let text = body_text(client).await;
    assert!(text.contains("Tết Nguyên đán") && text.contains("Ngày nghỉ năm 2026"));
    let fits: serde_json::Value = client
        .execute(
            "const s = document.querySelector('.cal-scroll'); return s.scrollWidth <= s.clientWidth",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(fits, true, "the month fits a 1366x768 screen");
    shot(client, "11-calendar").await;
    client
        .find(Locator::Css("a[rel=next]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    client
        .wait()
        .for_element(Locator::XPath("//h1[contains(., 'tháng 3/2026')]"))
        .await
        .expect("next month");
    assert!(
        client
            .current_url()
            .await
            .unwrap()
            .query()
            .unwrap_or("")
            .contains("month=3"),
        "the month is in the address bar"
    );
    client
        .find(Locator::Css("input[name=day]"))
        .await
        .unwrap()
        .send_keys("06/03/2026")
        .await
        .unwrap();
    client
        .find(Locator::Css("input[name=name]"))
        .await
        .unwrap()
        .send_keys("Nghỉ kỷ niệm ngày thành lập ngành")
        .await
        .unwrap();
    client
        .find(Locator::XPath("//button[contains(., 'Lưu điều chỉnh')]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    client
        .wait()
        .for_element(Locator::Css(".notice"))
        .await
        .expect("saved notice");
    let text = body_text(client).await;
    assert!(text.contains("Nghỉ kỷ niệm ngày thành lập ngành"));
    client
        .execute(
            "document.getElementById('dieu-chinh').scrollIntoView()",
            vec![],
        )
        .await
        .unwrap();
    shot(client, "11b-calendar-override").await;
}

#[tokio::test]
async fn the_coordinator_follows_the_demo_plan_in_chromium() {
    let Some((_driver, client)) = start_browser().await else {
        return;
    };
    let (base, _t) = start_server().await;
    client.set_window_size(1366, 768).await.expect("window");
    log_in(&client, &base, "daumoi").await;

    client.goto(&format!("{base}/plans")).await.unwrap();
    client
        .find(Locator::XPath(
            "//a[contains(., 'Kế hoạch cải cách hành chính năm')]",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    client
        .wait()
        .for_element(Locator::XPath("//h2[contains(., 'Tiến độ thực hiện')]"))
        .await
        .unwrap();
    let text = body_text(&client).await;
    assert!(
        text.contains("Cải cách thủ tục hành chính") && text.contains("Văn phòng Sở"),
        "progress by area and unit"
    );
    shot(&client, "11-plan-overview").await;

    client
        .find(Locator::XPath("//a[contains(., 'Đăng bài tuyên truyền')]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    client
        .wait()
        .for_element(Locator::XPath("//h2[contains(., 'Các lần thực hiện')]"))
        .await
        .unwrap();
    assert!(
        body_text(&client)
            .await
            .contains("Chưa đạt chỉ tiêu 04 bài viết"),
        "the return comment"
    );
    shot(&client, "12-task").await;

    client
        .goto(&format!("{base}/work?overdue=true"))
        .await
        .unwrap();
    shot(&client, "13-work-overdue").await;
    client.goto(&format!("{base}/my")).await.unwrap();
    assert!(body_text(&client).await.contains("Việc của đơn vị tôi"));
    shot(&client, "14-my-unit").await;
    client.close().await.unwrap();
}
