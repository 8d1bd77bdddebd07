//! Periodic reports in headless Chromium over the demo data: the demo's
//! round, a unit's accepted report and the diff of its two submissions, a
//! round opened through the preview, and a unit writing with the autosave
//! script (saved while typing, the version carried into the figure form).
//! Skipped without Chromium like the other browser tests; screenshots go to
//! `CCHC_SCREENSHOT_DIR` when set.

use std::time::Duration;

use fantoccini::{Client, Locator};

use crate::browser::{body_text, log_in, shot, start_browser, start_server};

async fn click(client: &Client, xpath: &str) {
    client
        .wait()
        .for_element(Locator::XPath(xpath))
        .await
        .unwrap_or_else(|e| panic!("{xpath}: {e}"))
        .click()
        .await
        .unwrap();
}

/// Waits until the autosave status reads `text`.
async fn status_reads(client: &Client, text: &str) -> String {
    let mut last = String::new();
    for _ in 0..100 {
        last = client
            .find(Locator::Css("#autosave-status"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        if last.contains(text) {
            return last;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("autosave status stayed {last:?}, expected {text:?}");
}

async fn fits_the_screen(client: &Client) -> bool {
    let fits: serde_json::Value = client
        .execute(
            "return document.documentElement.scrollWidth <= window.innerWidth",
            vec![],
        )
        .await
        .unwrap();
    fits == true
}

#[tokio::test]
async fn reports_are_reviewed_opened_and_written_in_chromium() {
    let Some((_driver, client)) = start_browser().await else {
        return;
    };
    let (base, t) = start_server().await;
    client.set_window_size(1366, 900).await.expect("window");
    log_in(&client, &base, "daumoi").await;

    client
        .goto(&format!("{base}/reports?year=2025"))
        .await
        .unwrap();
    click(&client, "//a[contains(., 'Báo cáo năm 2025')]").await;
    client
        .wait()
        .for_element(Locator::XPath("//h2[contains(., 'Các đơn vị báo cáo')]"))
        .await
        .unwrap();
    let text = body_text(&client).await;
    assert!(
        text.contains("Đúng hạn") && text.contains("Chậm") && text.contains("Không gửi"),
        "the demo round has every kind of timeliness: {text}"
    );
    assert!(fits_the_screen(&client).await);
    shot(&client, "20-report-round").await;

    click(&client, "//a[contains(., 'Văn phòng Sở')]").await;
    client
        .wait()
        .for_element(Locator::XPath("//h2[contains(., 'Các lần gửi')]"))
        .await
        .unwrap();
    assert!(
        body_text(&client)
            .await
            .contains("Báo cáo đã được tiếp nhận và khóa")
    );
    shot(&client, "21-report-accepted").await;
    click(&client, "//a[contains(., 'So sánh với lần 1')]").await;
    client
        .wait()
        .for_element(Locator::XPath(
            "//td[contains(@class, 'diff-new')]/ins[contains(., '1.245 hồ sơ')]",
        ))
        .await
        .expect("added words highlighted");
    shot(&client, "22-report-diff").await;
    client
        .goto(&format!("{base}/reports/timeliness?year=2025"))
        .await
        .unwrap();
    assert!(body_text(&client).await.contains("Tỷ lệ đúng hạn"));
    assert!(fits_the_screen(&client).await);
    shot(&client, "22b-report-timeliness").await;
    client
        .goto(&format!("{base}/reports?year=2025"))
        .await
        .unwrap();
    click(&client, "//a[contains(., 'Báo cáo năm 2025')]").await;
    click(&client, "//a[contains(., 'Báo cáo tổng hợp')]").await;
    client
        .wait()
        .for_element(Locator::XPath("//h1[contains(., 'Báo cáo tổng hợp')]"))
        .await
        .unwrap();
    assert!(body_text(&client).await.contains("Toàn cơ quan"));
    shot(&client, "22c-report-consolidated").await;

    // The coordinator opens Q1 2026 through the preview.
    client.goto(&format!("{base}/reports/new")).await.unwrap();
    client
        .find(Locator::Css("select[name=type_code] option[value=q1]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    click(&client, "//button[contains(., 'Xem trước thời hạn')]").await;
    client
        .wait()
        .for_element(Locator::XPath("//h2[contains(., 'Xác nhận mở')]"))
        .await
        .unwrap();
    assert!(body_text(&client).await.contains("15/12/2025 – 14/03/2026"));
    shot(&client, "23-report-open").await;
    click(&client, "//button[contains(., 'Xác nhận mở kỳ báo cáo')]").await;
    client
        .wait()
        .for_element(Locator::Css(".notice"))
        .await
        .expect("opened");

    // A unit writes; the script saves while it types.
    log_in(&client, &base, "chuyenvien.vps").await;
    client
        .goto(&format!("{base}/reports?year=2026"))
        .await
        .unwrap();
    click(&client, "//a[contains(., 'Báo cáo của Văn phòng Sở')]").await;
    let area = client
        .wait()
        .for_element(Locator::Css("textarea[name='text.tong_quan.danh_gia']"))
        .await
        .unwrap();
    area.send_keys("Văn phòng Sở hoàn thành các nhiệm vụ quý I.")
        .await
        .unwrap();
    let saved = status_reads(&client, "Đã lưu lúc").await;
    assert!(saved.contains("09:00"), "{saved}");
    shot(&client, "24-report-autosaved").await;
    // More text, then at once a figure correction: the text is saved first
    // and the correction posts the version that follows.
    area.send_keys(" Không có tồn tại.").await.unwrap();
    let figure = "//tr[@id='f-tong-quan-tasks-due']";
    click(&client, &format!("{figure}//summary")).await;
    client
        .find(Locator::XPath(&format!("{figure}//input[@name='value']")))
        .await
        .unwrap()
        .send_keys("12")
        .await
        .unwrap();
    client
        .find(Locator::XPath(&format!("{figure}//input[@name='note']")))
        .await
        .unwrap()
        .send_keys("Cộng nhiệm vụ giao bằng văn bản giấy")
        .await
        .unwrap();
    click(&client, &format!("{figure}//button[contains(., 'Lưu')]")).await;
    client
        .wait()
        .for_element(Locator::XPath(
            "//div[contains(@class,'notice') and contains(., 'Đã lưu điều chỉnh số liệu')]",
        ))
        .await
        .expect("correction saved without a conflict");
    let text = body_text(&client).await;
    assert!(
        text.contains("Lý do: Cộng nhiệm vụ giao bằng văn bản giấy"),
        "{text}"
    );
    let kept: serde_json::Value = client
        .execute(
            "return document.querySelector(\"textarea[name='text.tong_quan.danh_gia']\").value",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        kept,
        "Văn phòng Sở hoàn thành các nhiệm vụ quý I. Không có tồn tại."
    );
    client
        .execute(
            "document.getElementById('f-tong-quan-tasks-due').scrollIntoView({block: 'center'})",
            vec![],
        )
        .await
        .unwrap();
    shot(&client, "25-report-figure").await;

    // The leader saves in between: the script reports the conflict and
    // the writer overwrites with what they typed.
    let id: i64 = client
        .current_url()
        .await
        .unwrap()
        .path()
        .trim_start_matches("/reports/")
        .parse()
        .expect("report id");
    let leader = cchc_testkit::org::actor_with_password(
        &t.app,
        "lanhdao.vps",
        cchc_app::demo::DEMO_PASSWORD,
    )
    .await;
    let r = t.app.unit_report(&leader, id).await.unwrap().report;
    let theirs = [(
        "tong_quan.danh_gia".to_string(),
        "Bản của lãnh đạo".to_string(),
    )];
    t.app
        .save_report_draft(&leader, id, r.version, theirs.into_iter().collect())
        .await
        .unwrap();
    client
        .find(Locator::Css("textarea[name='text.tong_quan.danh_gia']"))
        .await
        .unwrap()
        .send_keys(" Đã rà soát.")
        .await
        .unwrap();
    status_reads(&client, "trong lúc bạn sửa").await;
    shot(&client, "27-report-conflict").await;
    click(
        &client,
        "//button[contains(., 'Lưu đè bằng nội dung của tôi')]",
    )
    .await;
    status_reads(&client, "Đã lưu lúc").await;
    let saved = t.app.unit_report(&leader, id).await.unwrap().report;
    assert_eq!(
        saved.texts["tong_quan.danh_gia"],
        "Văn phòng Sở hoàn thành các nhiệm vụ quý I. Không có tồn tại. Đã rà soát."
    );

    client.set_window_size(390, 844).await.unwrap();
    client.refresh().await.unwrap();
    assert!(fits_the_screen(&client).await, "the report fits a phone");
    shot(&client, "26-phone-report").await;
    client.close().await.unwrap();
}
