//! The Sở Y tế Bình Định 2023 plan for the PAR INDEX and SIPAS: no Roman
//! numerals (the top-level numbers are the areas), separate "Chủ trì" /
//! "Phối hợp" columns under "Cơ quan thực hiện", no schedule column, and
//! page breaks that repeat the straddling line. Expected values read off
//! the document by hand.

use cchc_office::plans::{MatchKind, PlanPreview};
use cchc_office::read_plan;

use super::support::*;

fn plan() -> PlanPreview {
    read_plan(BINH_DINH, "ke-hoach-chi-so-2023.txt", &units()).expect("the seed imports")
}

#[test]
fn plan_facts_and_a_multi_year_period() {
    let p = plan().plan;
    assert_eq!(
        p.title.as_deref(),
        Some(
            "Nâng cao Chỉ số cải cách hành chính và Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của ngành Y tế năm 2023 và giai đoạn 2024 - 2025"
        )
    );
    let period = p.period.unwrap();
    assert_eq!((period.first_year(), period.last_year()), (2023, 2025));
    assert_eq!(p.number.as_deref(), Some("/KH-SYT"));
    assert_eq!(p.place.as_deref(), Some("Bình Định"));
    assert_eq!(
        p.date_text.as_deref(),
        Some("Bình Định, ngày tháng năm 2023")
    );
    assert_eq!(p.issued_on, None);
    assert_eq!(p.legal_bases.len(), 1);
    assert!(p.legal_bases[0].starts_with("Thực hiện Quyết định số 264/QĐ-UBND ngày 31/01/2023"));
    assert_eq!(p.budget_total_million_vnd, None);
}

#[test]
fn seven_areas_numbered_without_roman_numerals() {
    let plan = plan();
    let sections: Vec<(&str, &str)> = plan
        .sections
        .iter()
        .map(|s| (s.number.as_str(), s.title.as_str()))
        .collect();
    assert_eq!(
        sections,
        [
            ("1", "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC"),
            ("2", "CẢI CÁCH THỂ CHẾ"),
            ("3", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
            ("4", "CẢI CÁCH TỔ CHỨC BỘ MÁY"),
            ("5", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ"),
            ("6", "CẢI CÁCH TÀI CHÍNH CÔNG"),
            (
                "7",
                "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ"
            ),
        ]
    );
    let outlines: Vec<String> = plan.sections.iter().map(|s| outline(&s.items)).collect();
    assert_eq!(
        outlines,
        [
            "1.1 1.2 1.3 1.4 1.5 1.6 1.7",
            "2.1 2.2",
            "3.1 3.2 3.3 3.4 3.5",
            "4.1(4.1.1 4.1.2) 4.2 4.3(4.3.1 4.3.2 4.3.3)",
            "5.1(5.1.1 5.1.2 5.1.3) 5.2 5.3 5.4 5.5 5.6",
            "6.1(6.1.1 6.1.2 6.1.3) 6.2(6.2.1 6.2.2 6.2.3) 6.3(6.3.1 6.3.2 6.3.3 6.3.4)",
            "7.1(7.1.1 7.1.2) 7.2(7.2.1 7.2.2 7.2.3) 7.3(7.3.1 7.3.2 7.3.3 7.3.4 7.3.5)",
        ]
    );
    let counts = plan
        .sections
        .iter()
        .map(|s| count_items(&s.items))
        .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    assert_eq!(counts, (57, 48), "(all items, tasks without sub-items)");
}

#[test]
fn lead_and_cooperating_columns() {
    let plan = plan();
    let i = item(&plan, "1", "1.1");
    assert_eq!(i.content, "Thực hiện kế hoạch CCHC");
    assert_eq!(
        i.indicator.as_deref(),
        Some(
            "Hoàn thành 100% nhiệm vụ CCHC đã đề ra theo Kế hoạch cải cách hành chính hàng năm của ngành Y tế"
        )
    );
    assert_eq!(
        i.responsibility.as_deref(),
        Some("Chủ trì: Văn phòng Sở; Phối hợp: Các phòng thuộc Sở; các đơn vị trực thuộc Sở")
    );
    assert_eq!(unit_ids(&i.lead), [Some(VAN_PHONG)]);
    assert_eq!(
        texts(&i.cooperating),
        ["Các phòng thuộc Sở", "các đơn vị trực thuộc Sở"]
    );
    let mut expected: Vec<Option<i64>> = DIVISIONS[1..]
        .iter()
        .chain(&SUBORDINATES)
        .map(|id| Some(*id))
        .collect();
    expected.sort();
    let mut got = unit_ids(&i.cooperating);
    got.sort();
    assert_eq!(got, expected);
    assert!((i.start.is_none(), i.end.is_none(), i.schedule.is_none()) == (true, true, true));

    let i = item(&plan, "5", "5.4");
    assert_eq!(
        texts(&i.cooperating),
        ["Thanh tra Sở", "Phòng Tổ chức cán bộ"]
    );
    assert_eq!(
        unit_ids(&i.cooperating),
        [Some(THANH_TRA), Some(TO_CHUC_CAN_BO)]
    );

    let i = item(&plan, "1", "1.5");
    let council = &i.cooperating[0];
    assert_eq!(
        (council.text.as_str(), council.unit_id, council.matched_by),
        ("Hội đồng Sáng kiến Sở Y tế", None, MatchKind::None)
    );
}

/// Rows continued on the next page; where the PDF conversion repeated the
/// straddling line ("nhiệm vụ" / "vụ quản lý", "cán bộ" / "bộ", "viên chức"
/// / "chức") the repetition is dropped and reported.
#[test]
fn continuation_rows_and_repeated_lines() {
    let plan = plan();
    let i = item(&plan, "1", "1.7");
    assert_eq!(
        i.content,
        "Thực hiện nhiệm vụ trong tâm và các nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao"
    );
    assert_eq!(
        i.indicator.as_deref(),
        Some(
            "- Hoàn thành 100% nhiệm vụ trọng tâm UBND tỉnh giao theo tháng, quý, năm. - Hoàn thành 100% nhiệm vụ thường xuyên, đột xuất được UBND tỉnh, Chủ tịch UBND tỉnh giao"
        )
    );
    let i = item(&plan, "4", "4.3.2");
    assert_eq!(i.row, 199);
    assert_eq!(
        i.content,
        "Kiểm tra việc thực hiện nhiệm vụ quản lý nhà nước đã phân cấp, phân quyền cho đơn vị."
    );
    assert_eq!(
        i.indicator.as_deref(),
        Some(
            "Tổ chức thực hiện kiểm tra, giám sát việc thực hiện nhiệm vụ quản lý nhà nước đã phân cấp, phân quyền cho các đơn vị trực thuộc Sở"
        )
    );
    assert_eq!(texts(&i.lead), ["Phòng Tổ chức cán bộ"]);
    assert_eq!(unit_ids(&i.lead), [Some(TO_CHUC_CAN_BO)]);
    assert_eq!(
        texts(&i.cooperating),
        ["Các phòng thuộc Sở", "các đơn vị trực thuộc Sở"]
    );
    let i = item(&plan, "5", "5.4");
    assert_eq!(
        i.content,
        "Chấp hành kỷ luật, kỷ cương hành chính của công chức, viên chức"
    );
    assert_eq!(
        texts(&i.lead),
        ["Các phòng thuộc Sở", "các đơn vị trực thuộc Sở"]
    );
    let repeated: Vec<(Option<usize>, &str)> = plan
        .warnings
        .iter()
        .filter(|w| w.message.contains("lặp lại"))
        .map(|w| (w.row, w.message.as_str()))
        .collect();
    assert_eq!(repeated.len(), 3);
    assert_eq!(repeated[0].0, Some(203));
    assert!(repeated.iter().any(|(_, m)| m.contains("«bộ»")));
    assert_eq!(repeated[2].0, Some(216));
}

#[test]
fn markup_is_stripped_and_targets_read() {
    let plan = plan();
    let i = item(&plan, "7", "7.1.2");
    let indicator = i.indicator.as_deref().unwrap();
    assert!(
        indicator.starts_with("- Nền tảng Hồ sơ SKĐT: Mỗi người dân có một hồ sơ sức khỏe điện tử")
    );
    assert!(!indicator.contains('<') && !indicator.ends_with(' '));
    let i = item(&plan, "3", "3.4");
    let target = i.target.as_ref().unwrap();
    let first = target.measures().next().unwrap();
    assert_eq!((first.value, first.unit.as_str()), (99.0, "%"));
}

#[test]
fn no_schedule_column_is_one_plan_warning() {
    let plan = plan();
    let plan_wide: Vec<&str> = plan
        .warnings
        .iter()
        .filter(|w| w.row.is_none())
        .map(|w| w.message.as_str())
        .collect();
    assert_eq!(
        plan_wide,
        ["Bảng phụ lục không có cột thời gian thực hiện: cần xác định thời hạn cho từng nhiệm vụ."]
    );
    assert!(
        !plan
            .warnings
            .iter()
            .any(|w| w.message.contains("Cần xác định thời hạn"))
    );
    assert!(
        !plan
            .warnings
            .iter()
            .any(|w| w.message.contains("không liền mạch"))
    );
}
