//! Version diffs, the timeliness table and the consolidated report.

use std::collections::BTreeMap;

use cchc_domain::reports::{
    AcceptedReport, ConsolidatedField, FieldChangeKind, FigureValue, ManualFigure, Rate,
    ReportContent, ReportKind, ReportStatus, Round, RoundColumn, RoundStatus, Submission,
    Timeliness, consolidate, default_outline, diff, timeliness_table,
};
use chrono::{DateTime, Utc};

use super::d;

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

fn figure(computed: i64) -> FigureValue {
    FigureValue {
        computed: Some(computed),
        manual: None,
    }
}

fn content(texts: &[(&str, &str)], figures: &[(&str, FigureValue)]) -> ReportContent {
    ReportContent {
        texts: texts
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        figures: figures
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
    }
}

#[test]
fn two_versions_differ_field_by_field_in_outline_order() {
    let outline = default_outline();
    let corrected = FigureValue {
        computed: Some(3),
        manual: Some(ManualFigure {
            value: 4,
            note: "Có 1 nhiệm vụ báo cáo bằng văn bản giấy".into(),
            by_user_id: Some(2),
            by_name: "Vũ Thị Lan".into(),
            at: at("2026-03-09T02:00:00Z"),
        }),
    };
    let v1 = content(
        &[
            ("tong_quan.danh_gia", "Cơ bản hoàn thành"),
            ("tthc.ket_qua", "Rà soát 10 thủ tục"),
            ("tthc.han_che", "Chậm tiến độ"),
        ],
        &[
            ("tthc.tasks_done", figure(3)),
            ("tthc.tasks_due", figure(5)),
        ],
    );
    let v2 = content(
        &[
            ("tong_quan.danh_gia", "Cơ bản hoàn thành"),
            ("tthc.ket_qua", "Rà soát 12 thủ tục"),
            ("phuong_huong.de_xuat", "Bổ sung kinh phí"),
        ],
        &[
            ("tthc.tasks_done", corrected),
            ("tthc.tasks_due", figure(5)),
        ],
    );
    let changes = diff(&outline, &v1, &v2);
    let summary: Vec<(&str, FieldChangeKind)> =
        changes.iter().map(|c| (c.key.as_str(), c.kind)).collect();
    assert_eq!(
        summary,
        [
            ("tthc.ket_qua", FieldChangeKind::Changed),
            ("tthc.tasks_done", FieldChangeKind::Changed),
            ("tthc.han_che", FieldChangeKind::Removed),
            ("phuong_huong.de_xuat", FieldChangeKind::Added),
        ]
    );
    assert_eq!(changes[0].section, "Cải cách thủ tục hành chính");
    assert_eq!(changes[0].label, "Kết quả thực hiện");
    assert_eq!(changes[1].before.as_deref(), Some("3"));
    assert_eq!(
        changes[1].after.as_deref(),
        Some("4 (điều chỉnh từ 3 bởi Vũ Thị Lan: Có 1 nhiệm vụ báo cáo bằng văn bản giấy)")
    );
    assert!(diff(&outline, &v2, &v2).is_empty());
}

#[test]
fn the_timeliness_table_counts_each_unit_across_rounds() {
    let rounds = [
        RoundColumn {
            round_id: 1,
            label: "Báo cáo quý I năm 2026".into(),
            unit_deadline: Some(d(2026, 3, 10)),
        },
        RoundColumn {
            round_id: 2,
            label: "Báo cáo 6 tháng năm 2026".into(),
            unit_deadline: Some(d(2026, 6, 10)),
        },
    ];
    let sub = |round_id, unit_id, name: &str, sent: Option<(i32, u32, u32)>| Submission {
        round_id,
        unit_id,
        unit_name: name.into(),
        first_submitted_on: sent.map(|(y, m, day)| d(y, m, day)),
    };
    let submissions = [
        sub(1, 20, "Trung tâm Kiểm soát bệnh tật", Some((2026, 3, 9))),
        sub(1, 10, "Bệnh viện Đa khoa tỉnh", Some((2026, 3, 13))),
        sub(1, 30, "Phòng Nghiệp vụ Y", None),
        sub(2, 20, "Trung tâm Kiểm soát bệnh tật", Some((2026, 6, 10))),
        sub(2, 10, "Bệnh viện Đa khoa tỉnh", None),
        sub(9, 10, "Bệnh viện Đa khoa tỉnh", None),
    ];
    let table = timeliness_table(&rounds, &submissions, d(2026, 6, 5));
    let names: Vec<&str> = table.rows.iter().map(|r| r.unit_name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Bệnh viện Đa khoa tỉnh",
            "Phòng Nghiệp vụ Y",
            "Trung tâm Kiểm soát bệnh tật"
        ]
    );
    let bv = &table.rows[0];
    assert_eq!(
        bv.cells,
        [Some(Timeliness::Late { days: 3 }), Some(Timeliness::NotDue)]
    );
    assert_eq!(
        bv.rate,
        Rate {
            late: 1,
            not_due: 1,
            ..Default::default()
        }
    );
    assert_eq!(bv.rate.percent_on_time(), Some(0));
    let nvy = &table.rows[1];
    assert_eq!(nvy.cells, [Some(Timeliness::Missing), None]);
    assert_eq!(Timeliness::Missing.label(), "Không gửi");
    // On 5/6 the CDC's June report (sent 10/6) is not counted yet.
    let cdc = &table.rows[2];
    assert_eq!(cdc.cells[1], Some(Timeliness::NotDue));
    let later = timeliness_table(&rounds, &submissions, d(2026, 7, 1));
    assert_eq!(later.rows[2].rate.percent_on_time(), Some(100));
    assert_eq!(later.rows[0].cells[1], Some(Timeliness::Missing));
    assert_eq!(Timeliness::Late { days: 3 }.label(), "Chậm 3 ngày");
}

#[test]
fn the_department_report_gathers_accepted_reports_by_section() {
    let round = Round {
        id: 5,
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
    };
    let accepted = [
        AcceptedReport {
            unit_id: 20,
            unit_name: "Trung tâm Kiểm soát bệnh tật".into(),
            version: 1,
            accepted_at: None,
            content: content(
                &[("tthc.ket_qua", "CDC: công khai 100% TTHC")],
                &[("tthc.tasks_due", figure(2))],
            ),
        },
        AcceptedReport {
            unit_id: 10,
            unit_name: "Bệnh viện Đa khoa tỉnh".into(),
            version: 2,
            accepted_at: None,
            content: content(
                &[("tthc.ket_qua", "BVĐK: rà soát 5 thủ tục")],
                &[("tthc.tasks_due", figure(3))],
            ),
        },
    ];
    let department = BTreeMap::from([("tthc.tasks_due".to_string(), figure(7))]);
    let pending = [("Phòng Nghiệp vụ Y".to_string(), ReportStatus::Returned)];
    let c = consolidate(&round, &department, &accepted, &pending);
    assert_eq!(
        c.included_units,
        ["Bệnh viện Đa khoa tỉnh", "Trung tâm Kiểm soát bệnh tật"]
    );
    assert_eq!(c.pending_units, pending);
    let tthc = c.sections.iter().find(|s| s.key == "tthc").unwrap();
    assert_eq!(tthc.title, "Cải cách thủ tục hành chính");
    let ConsolidatedField::Text { contributions, .. } = &tthc.fields[0] else {
        panic!("narrative first: {:?}", tthc.fields[0]);
    };
    let texts: Vec<&str> = contributions.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        texts,
        ["BVĐK: rà soát 5 thủ tục", "CDC: công khai 100% TTHC"]
    );
    let ConsolidatedField::Figure {
        department,
        units_total,
        by_unit,
        ..
    } = &tthc.fields[1]
    else {
        panic!("figure second: {:?}", tthc.fields[1]);
    };
    assert_eq!(department.value(), Some(7));
    assert_eq!(*units_total, 5);
    assert_eq!(by_unit.len(), 2);
    let han_che = tthc.fields.last().unwrap();
    assert!(
        matches!(han_che, ConsolidatedField::Text { contributions, .. } if contributions.is_empty())
    );
}
