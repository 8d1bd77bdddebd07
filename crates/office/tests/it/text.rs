//! Text files in the encodings Windows produces, and the structure rules on
//! small hand-written plans: unknown columns, letter items, Roman numeral
//! gaps, inline markup, numbers out of sequence.

use cchc_office::read_plan;

use super::support::*;

#[test]
fn utf16_bom_and_crlf_copies_of_a_seed_import_the_same() {
    let plain = read_plan(DAK_NONG, "a.txt", &units()).unwrap();
    let text = std::str::from_utf8(DAK_NONG).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in text.replace('\n', "\r\n").encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    assert_eq!(read_plan(&utf16, "a.tsv", &units()).unwrap(), plain);
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(DAK_NONG);
    assert_eq!(read_plan(&bom, "A.TXT", &units()).unwrap(), plain);
}

const SMALL: &str = "KẾ HOẠCH
Cải cách hành chính giai đoạn 2021-2025
STT\tNhiệm vụ cụ thể\tSản phẩm đầu ra\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện\tĐơn vị đo\tGhi chú
VI.\t<b>Cải cách tài chính công</b>
1.\tRà soát **quy chế** chi tiêu\tQuy chế\tPhòng Kế hoạch - Tài chính\t\tQuý I hàng năm\tquy chế\t
a)\tXây dựng dự thảo\tDự thảo\tPhòng Kế hoạch - Tài chính\t\tQuý I hàng năm\t\t
b)\tBan hành\tQuyết định\tPhòng Kế hoạch - Tài chính\t\tQuý I/2021\t\tmột lần
3.\tKiểm tra\tBáo cáo\tThanh tra Sở\tcác đơn vị trực thuộc\tĐịnh kỳ\t\t
VIII\tHiện đại hóa hành chính
1\tSố hóa hồ sơ\tHồ sơ số\tVăn phòng Sở\t\t2021-2025\t\t\textra
";

#[test]
fn unknown_columns_letters_gaps_and_markup() {
    let plan = read_plan(SMALL.as_bytes(), "nho.txt", &units()).unwrap();
    let period = plan.plan.period.unwrap();
    assert_eq!((period.first_year(), period.last_year()), (2021, 2025));
    let sections: Vec<(&str, &str)> = plan
        .sections
        .iter()
        .map(|s| (s.number.as_str(), s.title.as_str()))
        .collect();
    assert_eq!(
        sections,
        [
            ("VI", "Cải cách tài chính công"),
            ("VIII", "Hiện đại hóa hành chính")
        ]
    );
    assert_eq!(outline(&plan.sections[0].items), "1(a) b)) 3");
    let rule = item(&plan, "VI", "1");
    assert_eq!(rule.content, "Rà soát quy chế chi tiêu");
    assert_eq!(
        rule.extra.get("Đơn vị đo").map(String::as_str),
        Some("quy chế")
    );
    // "Quý I hàng năm" over a five-year plan: one occurrence a year.
    assert_eq!(
        item(&plan, "VI", "a)")
            .schedule
            .as_ref()
            .unwrap()
            .occurrences
            .len(),
        5
    );
    assert_eq!(item(&plan, "VI", "b)").note.as_deref(), Some("một lần"));
    assert_eq!(unit_ids(&item(&plan, "VI", "3").lead), [Some(THANH_TRA)]);
    // The cell past the header's last column is kept under its position.
    let extra = &item(&plan, "VIII", "1").extra;
    assert_eq!(extra.get("Cột 9").map(String::as_str), Some("extra"));

    let messages: Vec<&str> = plan.warnings.iter().map(|w| w.message.as_str()).collect();
    assert!(messages.contains(&"Mục 3: số thứ tự không liền mạch (ngay sau mục 1)."));
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("Mục 3: Cần xác định thời hạn: chưa rõ chu kỳ"))
    );
    assert!(
        !messages.iter().any(|m| m.contains("VIII")),
        "a gap in Roman numerals is allowed"
    );
}

#[test]
fn a_budget_that_is_not_a_number_is_kept_and_warned_about() {
    let text = "STT\tNội dung\tKinh phí (triệu đồng)\tTrách nhiệm thực hiện\tThời gian thực hiện
I\tChỉ đạo
1\tTập huấn\tNgân sách tỉnh\tVăn phòng Sở\tThường xuyên
2\tTuyên truyền\t1.500\tVăn phòng Sở\tThường xuyên
";
    let plan = read_plan(text.as_bytes(), "a.txt", &units()).unwrap();
    let first = item(&plan, "I", "1");
    assert_eq!(
        (first.budget_million_vnd, first.budget_text.as_deref()),
        (None, Some("Ngân sách tỉnh"))
    );
    assert_eq!(item(&plan, "I", "2").budget_million_vnd, Some(1500.0));
    assert!(
        plan.warnings
            .iter()
            .any(|w| w.row == Some(3) && w.message.contains("«Ngân sách tỉnh» không phải là số"))
    );
    assert!(
        plan.warnings
            .iter()
            .any(|w| w.row.is_none() && w.message.contains("tên kế hoạch"))
    );
}

/// A total labelled in the content column (STT empty) used to be read as
/// the end of the last task split by a page break: "... TTHC Tổng cộng",
/// budget "0 120".
#[test]
fn a_total_row_labelled_in_the_content_column_is_no_continuation() {
    let text = "STT\tNội dung\tKinh phí (triệu đồng)
I\tChỉ đạo
1\tTập huấn\t10
\ttổng thể cải cách\t
2\tTuyên truyền\t2,5
\tTổng cộng\t12,5
";
    let plan = read_plan(text.as_bytes(), "a.txt", &units()).unwrap();
    assert_eq!(item(&plan, "I", "1").content, "Tập huấn tổng thể cải cách");
    let last = item(&plan, "I", "2");
    assert_eq!(last.content, "Tuyên truyền");
    assert_eq!(last.budget_million_vnd, Some(2.5));
    assert_eq!(plan.plan.budget_total_million_vnd, Some(12.5));
    assert!(
        !plan
            .warnings
            .iter()
            .any(|w| w.message.contains("Tổng kinh phí"))
    );
}
