//! The `cchc` binary as a user runs it from the shell.

use std::io::Write;
use std::process::{Command, Output, Stdio};

mod jobs;
mod reports;

fn cchc(args: &[&str], data_dir: &std::path::Path, stdin: Option<&str>) -> Output {
    cchc_with_env(args, data_dir, stdin, &[])
}

/// Runs `cchc` with only the given `CCHC_*` settings from the environment.
fn cchc_with_env(
    args: &[&str],
    data_dir: &std::path::Path,
    stdin: Option<&str>,
    env: &[(&str, String)],
) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_cchc"));
    for (key, _) in std::env::vars() {
        if key.starts_with("CCHC_") {
            command.env_remove(key);
        }
    }
    let mut child = command
        .args(args)
        .arg("--data-dir")
        .arg(data_dir)
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .env("RUST_LOG", "error")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run cchc");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes())
            .expect("write stdin");
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("wait")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn calendar_commands_print_the_documented_formats() {
    let dir = tempfile::tempdir().unwrap();
    let holidays = cchc(&["calendar", "holidays", "2025"], dir.path(), None);
    assert!(holidays.status.success());
    let out = stdout(&holidays);
    assert!(
        out.lines().any(|l| l == "2025-01-29\tTết Nguyên đán"),
        "{out}"
    );
    assert!(out.lines().any(|l| l == "2025-09-02\tQuốc khánh"));
    assert!(!out.contains("2025-01-04"), "plain weekends are not listed");

    // Friday before Tết 2025 + 1 working day = the Monday after the break.
    let add = cchc(
        &["calendar", "add-working-days", "2025-01-24", "1"],
        dir.path(),
        None,
    );
    assert_eq!(stdout(&add).trim(), "2025-02-03");
    let back = cchc(
        &["calendar", "add-working-days", "2025-02-03", "-1"],
        dir.path(),
        None,
    );
    assert_eq!(stdout(&back).trim(), "2025-01-24");

    assert_eq!(
        stdout(&cchc(
            &["calendar", "lunar", "2025-01-29"],
            dir.path(),
            None
        ))
        .trim(),
        "01/01/2025"
    );
    assert_eq!(
        stdout(&cchc(
            &["calendar", "lunar", "2025-08-01"],
            dir.path(),
            None
        ))
        .trim(),
        "08/06/2025 nhuận"
    );

    let bad = cchc(&["calendar", "lunar", "29/01/2025"], dir.path(), None);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("không đúng dạng YYYY-MM-DD"));
    assert!(
        !dir.path().join("cchc.db").exists(),
        "calendar queries never create a database"
    );
}

#[tokio::test]
async fn calendar_commands_follow_the_overrides_stored_in_the_database() {
    use cchc_app::{App, AuthConfig, auth::system_actor};
    use cchc_domain::calendar::OverrideDraft;
    use cchc_store::Db;

    let dir = tempfile::tempdir().unwrap();
    // 29/04/2026 + 1 working day: 30/4 and 1/5 are holidays, then a weekend.
    let before = cchc(
        &["calendar", "add-working-days", "2026-04-29", "1"],
        dir.path(),
        None,
    );
    assert_eq!(stdout(&before).trim(), "2026-05-04");

    assert!(cchc(&["migrate"], dir.path(), None).status.success());
    let db = Db::connect(&Db::sqlite_url(dir.path())).await.unwrap();
    let app = App::new(db.clone(), AuthConfig::default());
    let draft = OverrideDraft {
        day: chrono::NaiveDate::from_ymd_opt(2026, 5, 4),
        kind: "day_off".into(),
        name: "Nghỉ hoán đổi".into(),
    };
    app.set_override(&system_actor(), draft).await.unwrap();
    db.close().await;

    let after = cchc(
        &["calendar", "add-working-days", "2026-04-29", "1"],
        dir.path(),
        None,
    );
    assert!(after.status.success(), "{}", stderr(&after));
    assert_eq!(stdout(&after).trim(), "2026-05-05");
    let holidays = stdout(&cchc(&["calendar", "holidays", "2026"], dir.path(), None));
    assert!(
        holidays.lines().any(|l| l == "2026-05-04\tNghỉ hoán đổi"),
        "{holidays}"
    );
    assert!(holidays.lines().any(|l| l == "2026-02-17\tTết Nguyên đán"));
}

#[test]
fn users_and_tokens_from_the_shell() {
    let dir = tempfile::tempdir().unwrap();
    let migrate = cchc(&["migrate"], dir.path(), None);
    assert!(migrate.status.success(), "{}", stderr(&migrate));
    assert!(dir.path().join("cchc.db").exists());

    let add = cchc(
        &[
            "user",
            "add",
            "qt",
            "--role",
            "admin",
            "--full-name",
            "Quản trị",
            "--password-stdin",
        ],
        dir.path(),
        Some("MatKhau@2026\n"),
    );
    assert!(add.status.success(), "{}", stderr(&add));
    assert!(stdout(&add).contains("Đã tạo người dùng qt"));

    let dup = cchc(
        &["user", "add", "qt", "--role", "admin", "--password-stdin"],
        dir.path(),
        Some("MatKhau@2026\n"),
    );
    assert_eq!(dup.status.code(), Some(1));
    assert!(stderr(&dup).contains("Tên đăng nhập này đã có người dùng."));

    let bad_role = cchc(
        &["user", "add", "x", "--role", "boss", "--password-stdin"],
        dir.path(),
        Some("MatKhau@2026\n"),
    );
    assert_eq!(bad_role.status.code(), Some(1));
    assert!(stderr(&bad_role).contains("vai trò “boss” không hợp lệ"));

    let no_unit = cchc(
        &[
            "user",
            "add",
            "y",
            "--role",
            "staff",
            "--unit",
            "KHONGCO",
            "--password-stdin",
        ],
        dir.path(),
        Some("MatKhau@2026\n"),
    );
    assert!(stderr(&no_unit).contains("không có đơn vị mã “KHONGCO”"));

    let short = cchc(
        &["user", "passwd", "qt", "--password-stdin"],
        dir.path(),
        Some("ngan\n"),
    );
    assert_eq!(short.status.code(), Some(1));
    assert!(stderr(&short).contains("ít nhất 8 ký tự"));
    let passwd = cchc(
        &["user", "passwd", "qt", "--password-stdin"],
        dir.path(),
        Some("MatKhauMoi@2026\n"),
    );
    assert!(passwd.status.success(), "{}", stderr(&passwd));

    let token = cchc(&["token", "create", "qt"], dir.path(), None);
    assert!(token.status.success(), "{}", stderr(&token));
    assert_eq!(stdout(&token).trim().len(), 43, "one base64url token line");
}
