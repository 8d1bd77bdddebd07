//! The periodic report as .docx and .xlsx: what a reader finds in them (the
//! ND 30/2020 header block, the subject and window, the sections with the
//! units' narratives and figure tables, "Nơi nhận:", the appendix), and
//! the formulas of the workbook with their stored results.
//!
//! `cargo test -p cchc-office --test it render_the_report -- --ignored`
//! writes both files to `$CCHC_EXPORT_DIR` (default /tmp/cchc-report) for a
//! person to look at.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use chrono::{DateTime, NaiveDate, Utc};

use cchc_domain::reports::{
    AcceptedReport, FigureData, ManualFigure, ReportContent, ReportKind, ReportStatus, Round,
    RoundStatus, WorkFigures, consolidate, default_outline, figures,
};
use cchc_office::Limits;
use cchc_office::grid::{Grid, RowKind};
use cchc_office::read::docx;
use cchc_office::write::{
    DocHeader, ExportReport, ReportPart, SubmissionRow, Submissions, report_docx, report_xlsx,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

fn round() -> Round {
    Round {
        id: 7,
        type_code: "q1".into(),
        kind: ReportKind::Q1,
        year: 2026,
        label: "Báo cáo quý I năm 2026".into(),
        unit_id: 1,
        window_start: d(2025, 12, 15),
        window_end: d(2026, 3, 14),
        unit_deadline: Some(d(2026, 3, 10)),
        department_deadline: Some(d(2026, 3, 16)),
        outline: default_outline(),
        status: RoundStatus::Open,
        opened_by_name: "Nguyễn Thị Hoa".into(),
        opened_at: at("2026-02-20T02:00:00Z"),
        version: 1,
    }
}

fn manual(value: i64, note: &str) -> ManualFigure {
    ManualFigure {
        value,
        note: note.into(),
        by_user_id: Some(2),
        by_name: "Nguyễn Thị Hoa".into(),
        at: at("2026-03-12T02:00:00Z"),
    }
}

/// A unit's accepted report: its narratives and its figures over `data`.
fn accepted(id: i64, name: &str, texts: &[(&str, &str)], data: &FigureData) -> AcceptedReport {
    let round = round();
    let simplified = BTreeMap::from([(
        "tthc.tthc_don_gian_hoa".to_string(),
        manual(id, "Theo Quyết định công bố của UBND tỉnh"),
    )]);
    AcceptedReport {
        unit_id: id,
        unit_name: name.into(),
        version: 1,
        accepted_at: Some(at("2026-03-11T02:00:00Z")),
        content: ReportContent {
            texts: texts
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            figures: figures(&round.outline, data, &simplified),
        },
    }
}

fn work(due: i64, done: i64, on_time: i64, budget_vnd: i64) -> FigureData {
    let mut data = FigureData::default();
    data.by_area.insert(
        "tthc".into(),
        WorkFigures {
            due,
            done,
            on_time,
            overdue: due - done,
            budget_vnd,
            ..Default::default()
        },
    );
    data
}

pub fn report() -> ExportReport {
    let round = round();
    let department = figures(
        &round.outline,
        &work(12, 10, 9, 1_250_000_000),
        &BTreeMap::from([(
            "tong_quan.evidence_files".to_string(),
            manual(1245, "Tài liệu lưu bản giấy"),
        )]),
    );
    let reports = [
        accepted(
            2,
            "Văn phòng Sở",
            &[
                (
                    "tong_quan.danh_gia",
                    "Hoàn thành đúng hạn các nhiệm vụ của quý.",
                ),
                (
                    "tthc.ket_qua",
                    "Tiếp nhận 1.245 hồ sơ, 98,6% giải quyết đúng hạn.\nSố hóa 1.180 hồ sơ.",
                ),
            ],
            &work(5, 5, 5, 0),
        ),
        accepted(
            3,
            "Bệnh viện Đa khoa tỉnh",
            &[(
                "tthc.ket_qua",
                "Rà soát 12 thủ tục hành chính lĩnh vực khám bệnh, chữa bệnh.",
            )],
            &work(4, 3, 2, 10_000_000),
        ),
    ];
    let pending = [("Phòng Nghiệp vụ Y".to_string(), ReportStatus::Submitted)];
    let c = consolidate(&round, &department, &reports, &pending);
    let header = DocHeader {
        superior_body: "UBND tỉnh An Phú".into(),
        issuer: "Sở Y tế tỉnh An Phú".into(),
        number: "/BC-SYT".into(),
        place: "An Phú".into(),
        issued_on: Some(d(2026, 3, 15)),
    };
    let mut report = ExportReport::from_consolidated(&c, header);
    report.recipients = vec![
        "UBND tỉnh An Phú (để báo cáo);".into(),
        "Sở Nội vụ (để tổng hợp);".into(),
        "Lưu: VT.".into(),
    ];
    report.signer.authority = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC".into();
    report.signer.name = "Trần Văn Minh".into();
    report.submissions = Some(Submissions {
        deadline: round.unit_deadline,
        rows: vec![
            submission("Bệnh viện Đa khoa tỉnh", Some(d(2026, 3, 9)), "Đúng hạn"),
            submission("Phòng Nghiệp vụ Y", Some(d(2026, 3, 13)), "Chậm 3 ngày"),
            submission("Văn phòng Sở", Some(d(2026, 3, 5)), "Đúng hạn"),
        ],
    });
    report
}

fn submission(unit: &str, sent: Option<NaiveDate>, timeliness: &str) -> SubmissionRow {
    SubmissionRow {
        unit: unit.into(),
        first_sent_on: sent,
        submissions: 1,
        timeliness: timeliness.into(),
        status: "Đã tiếp nhận".into(),
    }
}

fn part(archive: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(archive)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

fn paragraphs(grid: &Grid) -> Vec<&str> {
    grid.rows
        .iter()
        .filter(|r| r.kind == RowKind::Paragraph)
        .map(|r| r.text(0))
        .filter(|t| !t.trim().is_empty())
        .collect()
}

/// The table row whose cells start with `first` then `second`.
fn table_row<'g>(grid: &'g Grid, first: &str, second: &str) -> &'g cchc_office::grid::Row {
    grid.rows
        .iter()
        .find(|r| r.is_table() && r.text(0) == first && r.text(1) == second)
        .unwrap_or_else(|| panic!("no row {first} | {second}"))
}

#[test]
fn the_model_follows_the_outline() {
    let report = report();
    assert_eq!(
        report.title,
        "Kết quả công tác cải cách hành chính quý I năm 2026"
    );
    assert_eq!(
        report.period,
        "Thời gian chốt số liệu: từ 15/12/2025 đến 14/03/2026"
    );
    assert!(report.introduction[1].contains("2 đơn vị (Bệnh viện Đa khoa tỉnh, Văn phòng Sở)"));
    assert!(report.introduction[1].contains("1 đơn vị chưa có báo cáo được tiếp nhận"));
    let numbers: Vec<&str> = report.sections.iter().map(|s| s.number.as_str()).collect();
    assert_eq!(numbers[..4], ["I", "II", "III", "IV"]);
    let tthc = &report.sections[3];
    assert_eq!(tthc.title, "Cải cách thủ tục hành chính");
    let kinds: Vec<&str> = tthc
        .parts
        .iter()
        .map(|p| match p {
            ReportPart::Text { .. } => "text",
            ReportPart::Figures(_) => "figures",
        })
        .collect();
    assert_eq!(kinds, ["text", "figures", "text"]);
    let ReportPart::Figures(table) = &tthc.parts[1] else {
        unreachable!()
    };
    assert_eq!(table.units, ["Bệnh viện Đa khoa tỉnh", "Văn phòng Sở"]);
    let simplified = table.rows.last().unwrap();
    assert_eq!(simplified.by_unit, [Some(3), Some(2)]);
    assert_eq!(
        (simplified.value, simplified.note.as_str()),
        (Some(5), "Cộng số liệu của các đơn vị"),
        "no figure of its own: the units' sum"
    );
}

#[test]
fn the_docx_reads_as_the_report() {
    let bytes = report_docx(&report()).unwrap();
    let document = part(&bytes, "word/document.xml");
    assert!(
        document.contains(r#"<w:pgSz w:w="11906" w:h="16838" />"#),
        "portrait A4"
    );
    assert!(document.contains(r#"w:top="1134" w:right="850" w:bottom="1134" w:left="1701""#));
    let grid = docx::read(&bytes, &Limits::default()).unwrap();
    // The header block: issuer and number left, motto and date right.
    let header = &grid.rows[0];
    assert_eq!(
        header.text(0),
        "UBND TỈNH AN PHÚ\nSỞ Y TẾ TỈNH AN PHÚ\n\n\nSố: /BC-SYT"
    );
    assert!(
        header
            .text(1)
            .starts_with("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc")
    );
    assert!(header.text(1).ends_with("An Phú, ngày 15 tháng 3 năm 2026"));
    let text = paragraphs(&grid);
    assert_eq!(
        text[..3],
        [
            "BÁO CÁO",
            "Kết quả công tác cải cách hành chính quý I năm 2026",
            "(Thời gian chốt số liệu: từ 15/12/2025 đến 14/03/2026)"
        ]
    );
    assert!(text[3].starts_with("Thực hiện chế độ báo cáo định kỳ về công tác cải cách hành chính, Sở Y tế tỉnh An Phú báo cáo kết quả"));
    for heading in [
        "I. KẾT QUẢ CHUNG",
        "IV. CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
        "XI. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
        "1. Kết quả thực hiện",
        "2. Số liệu",
        "3. Tồn tại, hạn chế và nguyên nhân",
    ] {
        assert!(text.contains(&heading), "{heading}");
    }
    // Each unit's narrative under its name; a second line goes on alone.
    assert!(text.contains(&"- Văn phòng Sở: Tiếp nhận 1.245 hồ sơ, 98,6% giải quyết đúng hạn."));
    assert!(text.contains(&"Số hóa 1.180 hồ sơ."));
    assert!(text.contains(&"Chưa có đơn vị báo cáo nội dung này."));
    // The department's figures, with a correction's reason.
    let files = table_row(&grid, "7", "Số tài liệu kiểm chứng");
    assert_eq!(
        [files.text(2), files.text(3), files.text(4)],
        ["tệp", "1.245", "Điều chỉnh từ 0: Tài liệu lưu bản giấy"]
    );
    let budget = table_row(&grid, "6", "Kinh phí dự kiến của các nhiệm vụ đến hạn");
    assert_eq!(budget.text(3), "1.250.000.000");
    // The units' figures: a row per unit and their sum.
    let bvdk = table_row(&grid, "1", "Bệnh viện Đa khoa tỉnh");
    assert_eq!(bvdk.text(2), "4", "tasks due in the procedures area");
    let header_rows: Vec<_> = grid
        .rows
        .iter()
        .filter(|r| {
            r.kind
                == RowKind::Table {
                    repeated_header: true,
                }
        })
        .map(|r| r.text(0))
        .collect();
    assert!(header_rows.iter().all(|t| *t == "STT"), "{header_rows:?}");
    // Every table repeats its header: ten of the department's figures, two
    // by unit for each of the two sections where a unit has a figure (the
    // others would be all zeros), and the appendix.
    assert_eq!(header_rows.len(), 10 + 2 * 2 + 1);
    let totals: Vec<Vec<&str>> = grid
        .rows
        .iter()
        .filter(|r| r.text(1) == "Cộng")
        .map(|r| r.cells.iter().map(|c| c.text.as_str()).collect())
        .collect();
    // Five procedure figures make two tables of three and two: overdue
    // (0 + 1) and procedures simplified (3 + 2).
    assert!(totals.contains(&vec!["", "Cộng", "1", "5"]), "{totals:?}");
    // "Nơi nhận:" and the signer, then the appendix.
    let signature = grid
        .rows
        .iter()
        .find(|r| r.text(0).starts_with("Nơi nhận:"))
        .unwrap();
    assert!(signature.text(0).contains("- Sở Nội vụ (để tổng hợp);"));
    assert!(signature.text(1).starts_with("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"));
    assert!(signature.text(1).ends_with("Trần Văn Minh"));
    assert!(text.contains(&"TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ"));
    assert!(text.contains(
        &"(Kèm theo Báo cáo số /BC-SYT ngày 15 tháng 3 năm 2026 của Sở Y tế tỉnh An Phú)"
    ));
    let late = table_row(&grid, "2", "Phòng Nghiệp vụ Y");
    assert_eq!([late.text(2), late.text(4)], ["13/03/2026", "Chậm 3 ngày"]);
}

#[test]
fn the_xlsx_has_the_figures_by_unit_with_sums_and_the_submissions() {
    let bytes = report_xlsx(&report()).unwrap();
    let workbook = part(&bytes, "xl/workbook.xml");
    assert!(workbook.contains(r#"<sheet name="Số liệu""#));
    assert!(workbook.contains(r#"<sheet name="Tình hình gửi báo cáo""#));
    let sheets = cchc_office::read::xlsx::read(&bytes, &Limits::default()).unwrap();
    let figures = &sheets[0];
    assert_eq!(figures.rows[0].text(0), "SỞ Y TẾ TỈNH AN PHÚ");
    assert_eq!(
        figures.rows[1].text(0),
        "SỐ LIỆU BÁO CÁO KẾT QUẢ CÔNG TÁC CẢI CÁCH HÀNH CHÍNH QUÝ I NĂM 2026"
    );
    let header = figures.rows.iter().find(|r| r.text(0) == "STT").unwrap();
    assert_eq!(header.source, 5);
    let header: Vec<&str> = header.cells.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        header,
        [
            "STT",
            "Nội dung",
            "Đơn vị tính",
            "Số liệu tổng hợp",
            "Bệnh viện Đa khoa tỉnh",
            "Văn phòng Sở",
            "Cộng các đơn vị",
            "Ghi chú"
        ]
    );
    let section = figures.rows.iter().find(|r| r.text(0) == "IV").unwrap();
    assert_eq!(section.text(1), "CẢI CÁCH THỦ TỤC HÀNH CHÍNH");
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    // A sum across the units' columns on every figure row, its value stored.
    assert!(sheet.contains("<f>SUM(E"), "{sheet}");
    let simplified = figures
        .rows
        .iter()
        .find(|r| r.text(1) == "Số thủ tục hành chính được rà soát, đơn giản hóa")
        .unwrap();
    assert_eq!(
        [
            simplified.text(3),
            simplified.text(4),
            simplified.text(5),
            simplified.text(6)
        ],
        ["5", "3", "2", "5"]
    );
    let row = simplified.source;
    assert!(sheet.contains(&format!("<f>SUM(E{row}:F{row})</f><v>5</v>")));
    assert!(sheet.contains(r#"state="frozen""#) && sheet.contains(r#"ySplit="5""#));
    assert!(
        workbook.contains("'Số liệu'!$5:$5"),
        "header repeated on print"
    );

    let submissions = &sheets[1];
    let late = submissions
        .rows
        .iter()
        .find(|r| r.text(1) == "Phòng Nghiệp vụ Y")
        .unwrap();
    assert_eq!(late.text(4), "Chậm 3 ngày");
    let sheet = part(&bytes, "xl/worksheets/sheet2.xml");
    assert!(
        sheet.contains(r#"<f>COUNTIF(E6:E8,"Đúng hạn")</f><v>2</v>"#),
        "{sheet}"
    );
    assert!(sheet.contains(r#"<f>COUNTIF(E6:E8,"Chậm*")</f><v>1</v>"#));
}

#[test]
fn a_report_without_units_or_appendix_still_writes() {
    let mut report = report();
    report.submissions = None;
    for section in &mut report.sections {
        for part in &mut section.parts {
            if let ReportPart::Figures(table) = part {
                table.units.clear();
                for row in &mut table.rows {
                    row.by_unit.clear();
                }
            }
        }
    }
    let grid = docx::read(&report_docx(&report).unwrap(), &Limits::default()).unwrap();
    assert!(!grid.rows.iter().any(|r| r.text(1) == "Cộng"));
    let bytes = report_xlsx(&report).unwrap();
    assert!(!part(&bytes, "xl/workbook.xml").contains("Tình hình gửi báo cáo"));
    assert!(!part(&bytes, "xl/worksheets/sheet1.xml").contains("<f>"));
}

#[test]
#[ignore = "writes files for a person to look at"]
fn render_the_report() {
    let dir = std::env::var("CCHC_EXPORT_DIR").unwrap_or_else(|_| "/tmp/cchc-report".into());
    std::fs::create_dir_all(&dir).unwrap();
    let report = report();
    std::fs::write(format!("{dir}/bao-cao.docx"), report_docx(&report).unwrap()).unwrap();
    std::fs::write(format!("{dir}/so-lieu.xlsx"), report_xlsx(&report).unwrap()).unwrap();
    // Sixteen units: tables that go over a page.
    let mut large = report.clone();
    let extra: Vec<String> = (1..=14)
        .map(|i| format!("Trung tâm Y tế khu vực số {i}"))
        .collect();
    for section in &mut large.sections {
        for part in &mut section.parts {
            if let ReportPart::Figures(table) = part {
                table.units.extend(extra.iter().cloned());
                for (r, row) in table.rows.iter_mut().enumerate() {
                    row.by_unit
                        .extend((1..=14).map(|i| Some((i * 7 + r as i64 * 3) % 11)));
                }
            }
        }
    }
    std::fs::write(
        format!("{dir}/bao-cao-nhieu-don-vi.docx"),
        report_docx(&large).unwrap(),
    )
    .unwrap();
}
