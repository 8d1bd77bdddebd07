//! The department's report generated as .docx and .xlsx from the accepted
//! reports and the figures, and who may generate it.

use cchc_app::AppError;
use cchc_app::auth::system_actor;
use cchc_app::reports::DocFormat;
use cchc_domain::reports::FigureOverrideDraft;
use cchc_domain::units::UnitDraft;
use cchc_office::Limits;
use cchc_office::grid::{Grid, Row, RowKind};
use cchc_office::read::{docx, xlsx};
use cchc_testkit::reports::{self as fixture, round};
use cchc_testkit::{TestApp, apps, org};

use super::texts;

/// Puts the department under "UBND tỉnh An Phú", the body it reports to.
async fn under_the_province(t: &TestApp, department: i64) {
    let province = org::unit(&t.app, "UBND", "UBND tỉnh An Phú", "other", None).await;
    let unit = t.app.unit(&system_actor(), department).await.unwrap();
    let draft = UnitDraft {
        code: unit.code.clone(),
        name: unit.name.clone(),
        kind: unit.kind.code().into(),
        parent_id: Some(province),
        valid_from: Some(unit.valid_from),
        ..Default::default()
    };
    t.app
        .update_unit(&system_actor(), department, unit.version, draft)
        .await
        .unwrap();
}

fn paragraphs(grid: &Grid) -> Vec<&str> {
    grid.rows
        .iter()
        .filter(|r| r.kind == RowKind::Paragraph && !r.is_blank())
        .map(|r| r.text(0))
        .collect()
}

fn row_with<'g>(grid: &'g Grid, column: usize, text: &str) -> &'g Row {
    grid.rows
        .iter()
        .find(|r| r.text(column) == text)
        .unwrap_or_else(|| panic!("no row with {text}"))
}

#[tokio::test]
async fn the_coordinator_generates_the_report_as_docx_and_xlsx() {
    for t in apps().await {
        let f = fixture::build(&t.app).await;
        under_the_province(&t, f.o.root).await;
        let view = t
            .app
            .open_report_round(&f.coordinator, round("h1", 2026, f.o.root))
            .await
            .unwrap();
        let report_of = |unit| {
            view.reports
                .iter()
                .find(|r| r.unit_id == unit)
                .unwrap()
                .report_id
        };
        // Văn phòng Sở is accepted; Thanh tra Sở sent and waits.
        let id = report_of(f.o.inside);
        let r = t.app.unit_report(&f.staff, id).await.unwrap();
        let draft = t
            .app
            .save_report_draft(
                &f.staff,
                id,
                r.report.version,
                texts(&[
                    ("tong_quan.danh_gia", "Hoàn thành các nhiệm vụ 6 tháng"),
                    (
                        "tthc.ket_qua",
                        "Đơn giản hóa 4 thủ tục hành chính lĩnh vực y tế",
                    ),
                ]),
            )
            .await
            .unwrap();
        let sent = t
            .app
            .submit_report(&f.staff, id, draft.version)
            .await
            .unwrap();
        t.app
            .accept_report(&f.coordinator, id, sent.version)
            .await
            .unwrap();
        let id = report_of(f.o.outside);
        let r = t.app.unit_report(&f.outside_staff, id).await.unwrap();
        let draft = t
            .app
            .save_report_draft(
                &f.outside_staff,
                id,
                r.report.version,
                texts(&[
                    ("tong_quan.danh_gia", "Báo cáo của Thanh tra Sở"),
                    ("tthc.ket_qua", "Nội dung chưa được tiếp nhận"),
                ]),
            )
            .await
            .unwrap();
        t.app
            .submit_report(&f.outside_staff, id, draft.version)
            .await
            .unwrap();
        let correction = FigureOverrideDraft {
            field_key: "tong_quan.evidence_files".into(),
            value: Some(12),
            note: "Tài liệu lưu bản giấy".into(),
        };
        t.app
            .set_department_figure(&f.coordinator, view.round.id, correction)
            .await
            .unwrap();

        let (bytes, name, media) = t
            .app
            .report_document(&f.coordinator, view.round.id, DocFormat::Docx)
            .await
            .unwrap();
        assert_eq!(name, "Báo cáo 6 tháng năm 2026.docx", "{}", t.db.name);
        assert_eq!(media, DocFormat::Docx.media_type());
        let grid = docx::read(&bytes, &Limits::default()).unwrap();
        let header = &grid.rows[0];
        assert!(
            header.text(0).starts_with("UBND TỈNH AN PHÚ\nSỞ Y TẾ"),
            "{:?}",
            header.text(0)
        );
        assert!(header.text(0).ends_with("Số: /BC-SYT"));
        assert!(
            header.text(1).ends_with("An Phú, ngày 02 tháng 3 năm 2026"),
            "{:?}",
            header.text(1)
        );
        let text = paragraphs(&grid);
        assert_eq!(
            text[..3],
            [
                "BÁO CÁO",
                "Kết quả công tác cải cách hành chính 6 tháng đầu năm 2026",
                "(Thời gian chốt số liệu: từ 15/12/2025 đến 14/06/2026)",
            ]
        );
        for line in [
            "I. KẾT QUẢ CHUNG",
            "IV. CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
            "- Văn phòng Sở: Đơn giản hóa 4 thủ tục hành chính lĩnh vực y tế",
            "- Văn phòng Sở: Hoàn thành các nhiệm vụ 6 tháng",
        ] {
            assert!(text.contains(&line), "{line}: {text:#?}");
        }
        assert!(
            !text.iter().any(|p| p.contains("chưa được tiếp nhận")),
            "a report not accepted is left out"
        );
        let files = row_with(&grid, 1, "Số tài liệu kiểm chứng");
        assert_eq!(
            [files.text(3), files.text(4)],
            ["12", "Điều chỉnh từ 0: Tài liệu lưu bản giấy"]
        );
        let due = row_with(&grid, 1, "Số nhiệm vụ đến hạn trong kỳ");
        assert_eq!(due.text(3), "2", "the department's tasks due");
        let signature = grid
            .rows
            .iter()
            .find(|r| r.text(0).starts_with("Nơi nhận:"))
            .unwrap();
        assert_eq!(
            signature.text(0),
            "Nơi nhận:\n- UBND tỉnh An Phú (để báo cáo);\n- Sở Nội vụ (để tổng hợp);\n- Lưu: VT."
        );
        assert!(signature.text(1).starts_with("GIÁM ĐỐC"));
        let late = row_with(&grid, 1, "Thanh tra Sở");
        assert_eq!(late.text(5), "Đã gửi, chờ tiếp nhận");
        let appendix = grid.rows.iter().rev().find(|r| r.text(1) == "Văn phòng Sở");
        assert_eq!(appendix.unwrap().text(5), "Đã tiếp nhận");

        let (bytes, name, media) = t
            .app
            .report_document(&f.coordinator, view.round.id, DocFormat::Xlsx)
            .await
            .unwrap();
        assert_eq!(name, "Báo cáo 6 tháng năm 2026 - số liệu.xlsx");
        assert_eq!(media, DocFormat::Xlsx.media_type());
        let sheets = xlsx::read(&bytes, &Limits::default()).unwrap();
        assert_eq!(sheets[0].name.as_deref(), Some("Số liệu"));
        let header = row_with(&sheets[0], 0, "STT");
        assert_eq!(header.text(4), "Văn phòng Sở", "the accepted unit's column");
        let files = row_with(&sheets[0], 1, "Số tài liệu kiểm chứng");
        assert_eq!(files.text(3), "12");
        assert_eq!(sheets[1].name.as_deref(), Some("Tình hình gửi báo cáo"));
        assert_eq!(row_with(&sheets[1], 1, "Thanh tra Sở").text(3), "1");
    }
}

#[tokio::test]
async fn only_the_coordinator_of_the_department_generates_it() {
    for t in apps().await {
        let f = fixture::build(&t.app).await;
        let view = t
            .app
            .open_report_round(&f.coordinator, round("q1", 2026, f.o.root))
            .await
            .unwrap();
        let id = view.round.id;
        let director = t
            .app
            .report_document(&f.director, id, DocFormat::Docx)
            .await;
        assert!(
            matches!(director, Err(AppError::Forbidden)),
            "{}: {director:?}",
            t.db.name
        );
        let staff = t.app.report_document(&f.staff, id, DocFormat::Xlsx).await;
        assert!(matches!(staff, Err(AppError::NotFound(_))), "{staff:?}");
        let missing = t
            .app
            .report_document(&f.coordinator, id + 100, DocFormat::Docx)
            .await;
        assert!(matches!(missing, Err(AppError::NotFound(_))));
        let shell = cchc_app::auth::system_coordinator();
        let (bytes, _, _) = t
            .app
            .report_document(&shell, id, DocFormat::Docx)
            .await
            .unwrap();
        let text = docx::read(&bytes, &Limits::default()).unwrap();
        // Nothing accepted yet: the report says so, and the place is unknown.
        assert!(
            paragraphs(&text)
                .iter()
                .any(|p| p.starts_with("Chưa có báo cáo nào của các đơn vị được tiếp nhận"))
        );
        assert!(
            text.rows[0]
                .text(1)
                .ends_with("......, ngày 02 tháng 3 năm 2026")
        );
    }
}
