//! `cchc report periods`: a year's rounds from the built-in defaults, or
//! from the database's report types and calendar when there is one.

use cchc_app::auth::system_actor;
use cchc_app::{App, AuthConfig};
use cchc_domain::calendar::OverrideDraft;
use cchc_store::Db;

use crate::{cchc, stderr, stdout};

#[test]
fn periods_print_a_table_or_json_without_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let json = cchc(
        &["report", "periods", "2026", "--format", "json"],
        dir.path(),
        None,
    );
    assert!(json.status.success(), "{}", stderr(&json));
    let value: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(
        value,
        serde_json::json!([
            {"type": "q1", "label": "Báo cáo quý I năm 2026",
             "window_start": "2025-12-15", "window_end": "2026-03-14",
             "unit_deadline": "2026-03-10", "department_deadline": "2026-03-16"},
            {"type": "h1", "label": "Báo cáo 6 tháng năm 2026",
             "window_start": "2025-12-15", "window_end": "2026-06-14",
             "unit_deadline": "2026-06-10", "department_deadline": "2026-06-15"},
            {"type": "q3", "label": "Báo cáo quý III (9 tháng) năm 2026",
             "window_start": "2025-12-15", "window_end": "2026-09-14",
             "unit_deadline": "2026-09-10", "department_deadline": "2026-09-15"},
            {"type": "annual", "label": "Báo cáo năm 2026",
             "window_start": "2025-12-15", "window_end": "2026-12-14",
             "unit_deadline": "2026-12-10", "department_deadline": "2026-12-15"},
        ])
    );
    let text = cchc(&["report", "periods", "2024"], dir.path(), None);
    assert!(text.status.success(), "{}", stderr(&text));
    let out = stdout(&text);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5, "{out}");
    assert!(lines[0].starts_with("Mã") && lines[0].contains("Hạn đơn vị gửi"));
    // 10/03/2024 is a Sunday.
    assert!(
        lines[1].starts_with("q1")
            && lines[1].contains("Báo cáo quý I năm 2024")
            && lines[1].contains("15/12/2023 – 14/03/2024")
            && lines[1].contains("11/03/2024"),
        "{out}"
    );
    let bad = cchc(
        &["report", "periods", "2026", "--format", "xml"],
        dir.path(),
        None,
    );
    assert_eq!(bad.status.code(), Some(2), "clap rejects the format");
    let far = cchc(&["report", "periods", "3000"], dir.path(), None);
    assert_eq!(far.status.code(), Some(1));
    assert!(stderr(&far).contains("ngoài phạm vi"));
    assert!(
        !dir.path().join("cchc.db").exists(),
        "report queries never create a database"
    );
}

#[tokio::test]
async fn periods_follow_the_calendar_stored_in_the_database() {
    let dir = tempfile::tempdir().unwrap();
    assert!(cchc(&["migrate"], dir.path(), None).status.success());
    let db = Db::connect(&Db::sqlite_url(dir.path())).await.unwrap();
    let app = App::new(db.clone(), AuthConfig::default());
    let draft = OverrideDraft {
        day: chrono::NaiveDate::from_ymd_opt(2026, 3, 10),
        kind: "day_off".into(),
        name: "Nghỉ theo quyết định của tỉnh".into(),
    };
    app.set_override(&system_actor(), draft).await.unwrap();
    db.close().await;
    let json = cchc(
        &["report", "periods", "2026", "--format", "json"],
        dir.path(),
        None,
    );
    assert!(json.status.success(), "{}", stderr(&json));
    let value: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(value[0]["unit_deadline"], "2026-03-11");
    assert_eq!(value[1]["unit_deadline"], "2026-06-10");
}

#[tokio::test]
async fn export_writes_a_rounds_report_as_docx_or_xlsx() {
    use cchc_office::Limits;
    use cchc_office::read::{docx, xlsx};

    let dir = tempfile::tempdir().unwrap();
    let none = cchc(&["report", "export", "1"], dir.path(), None);
    assert_eq!(none.status.code(), Some(1));
    assert!(
        stderr(&none).contains("chưa có cơ sở dữ liệu"),
        "{}",
        stderr(&none)
    );

    assert!(cchc(&["migrate"], dir.path(), None).status.success());
    let db = Db::connect(&Db::sqlite_url(dir.path())).await.unwrap();
    let app = App::new(db.clone(), cchc_testkit::test_auth_config());
    assert!(app.load_demo().await.unwrap());
    let shell = cchc_app::auth::system_coordinator();
    let rounds = app.report_rounds(&shell, None).await.unwrap();
    let round = rounds[0].round.clone();
    db.close().await;

    let id = round.id.to_string();
    let word = dir.path().join("bao-cao.docx");
    let out = cchc(
        &["report", "export", &id, "--output", word.to_str().unwrap()],
        dir.path(),
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Đã ghi báo cáo vào"),
        "{}",
        stdout(&out)
    );
    let grid = docx::read(&std::fs::read(&word).unwrap(), &Limits::default()).unwrap();
    assert!(grid.rows[0].text(0).contains("SỞ Y TẾ TỈNH AN PHÚ"));
    assert!(grid.rows.iter().any(|r| r.text(0) == "BÁO CÁO"));
    assert!(
        grid.rows
            .iter()
            .any(|r| r.text(0).starts_with("- Bệnh viện Đa khoa tỉnh: ")),
        "an accepted unit's narrative"
    );

    let excel = dir.path().join("so-lieu.xlsx");
    let out = cchc(
        &[
            "report",
            "export",
            &id,
            "--format",
            "xlsx",
            "-o",
            excel.to_str().unwrap(),
        ],
        dir.path(),
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let sheets = xlsx::read(&std::fs::read(&excel).unwrap(), &Limits::default()).unwrap();
    assert_eq!(sheets[0].name.as_deref(), Some("Số liệu"));

    let missing = cchc(&["report", "export", "999"], dir.path(), None);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("Không tìm thấy kỳ báo cáo"),
        "{}",
        stderr(&missing)
    );
}
