//! A .docx written by hand (the XML Word produces, reduced to what matters)
//! imports to the same plan as the equivalent pasted text: merged header
//! cells (`gridSpan`, `vMerge`), a layout table for the number and date,
//! cells of several paragraphs and line breaks, Word's repeated header row,
//! a header repeated as rows, and a row split across two pages.

use cchc_office::grid::{Merge, RowKind};
use cchc_office::read::docx;
use cchc_office::{Limits, read_plan};

use super::support::{self, *};

/// A table cell: `props` go into `w:tcPr`, each paragraph of `paragraphs`
/// into a `w:p`; "\n" inside a paragraph becomes `w:br`.
fn tc(props: &str, paragraphs: &[&str]) -> String {
    let body: String = paragraphs
        .iter()
        .map(|para| {
            let runs: Vec<String> = para
                .split('\n')
                .map(|t| format!("<w:t xml:space=\"preserve\">{}</w:t>", escape(t)))
                .collect();
            format!("<w:p><w:r>{}</w:r></w:p>", runs.join("<w:br/>"))
        })
        .collect();
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>")
}

fn cell(text: &str) -> String {
    tc("", &[text])
}

fn tr(props: &str, cells: &[String]) -> String {
    format!("<w:tr><w:trPr>{props}</w:trPr>{}</w:tr>", cells.concat())
}

const RESTART: &str = r#"<w:vMerge w:val="restart"/>"#;
const CONTINUE: &str = "<w:vMerge/>";

fn header_rows(flag: &str) -> String {
    let first = tr(
        flag,
        &[
            tc(RESTART, &["STT"]),
            tc(RESTART, &["Nội dung"]),
            tc(RESTART, &["Chỉ số"]),
            tc(RESTART, &["Trách nhiệm thực hiện"]),
            tc(r#"<w:gridSpan w:val="2"/>"#, &["Thời gian thực hiện"]),
            tc(RESTART, &["Ghi chú"]),
        ],
    );
    let second = tr(
        flag,
        &[
            tc(CONTINUE, &[""]),
            tc(CONTINUE, &[""]),
            tc(CONTINUE, &[""]),
            tc(CONTINUE, &[""]),
            cell("Bắt đầu"),
            cell("Kết thúc"),
            tc(CONTINUE, &[""]),
        ],
    );
    first + &second
}

fn plan_docx() -> Vec<u8> {
    let layout = format!(
        "<w:tbl>{}{}</w:tbl>",
        tr(
            "",
            &[cell("SỞ Y TẾ"), cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")]
        ),
        tr(
            "",
            &[
                cell("Số: 12/KH-SYT"),
                cell("Đắk Nông, ngày 15 tháng 12 năm 2019")
            ]
        ),
    );
    let appendix = [
        header_rows("<w:tblHeader/>"),
        tr(
            "",
            &[
                cell("I."),
                tc(
                    r#"<w:gridSpan w:val="6"/>"#,
                    &["CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC"],
                ),
            ],
        ),
        tr(
            "",
            &[
                cell("1."),
                cell("Ban hành và thực hiện kế hoạch CCHC"),
                cell(""),
                cell(""),
                cell(""),
                cell(""),
                cell(""),
            ],
        ),
        tr(
            "",
            &[
                cell("1.1"),
                tc("", &["Xây dựng Kế hoạch CCHC", "năm 2020"]),
                cell("100% đơn vị có kế hoạch"),
                tc(
                    "",
                    &["Chủ trì: Văn phòng Sở\nThực hiện: các đơn vị trực thuộc"],
                ),
                cell("Tháng 01/2020"),
                cell("Tháng 12/2020"),
                cell(""),
            ],
        ),
        tr(
            "",
            &[
                cell("1.2"),
                cell("Xử lý hoặc kiến nghị các vấn đề phát hiện qua công tác kiểm tra,"),
                cell("100% vấn đề được xử lý"),
                cell("Chủ trì: Văn phòng Sở Thực hiện:"),
                cell("Sau khi có thông báo kết quả"),
                cell("Kết thúc trong vòng 30"),
                cell(""),
            ],
        ),
        // What Word shows at the top of the next page, kept as rows by a conversion.
        header_rows(""),
        tr(
            "",
            &[
                cell(""),
                cell("tự kiểm tra"),
                cell(""),
                cell("các phòng chức năng"),
                cell("kiểm tra"),
                cell("ngày kể từ ngày có thông báo kết quả kiểm tra"),
                cell(""),
            ],
        ),
        tr(
            "",
            &[
                cell("1.3"),
                cell("Báo cáo CCHC định kỳ"),
                cell("02 báo cáo quý"),
                tc(RESTART, &["Văn phòng Sở"]),
                cell("Quý I/2020"),
                cell("Quý I/2020"),
                cell("Gửi Sở Nội vụ"),
            ],
        ),
        tr(
            "",
            &[
                cell("1.4"),
                cell("Báo cáo CCHC năm"),
                cell("01 báo cáo năm"),
                tc(CONTINUE, &[""]),
                cell("Quý IV/2020"),
                cell("Quý IV/2020"),
                cell(""),
            ],
        ),
    ]
    .concat();
    let body = [
        layout,
        p("KẾ HOẠCH"),
        p("Cải cách hành chính năm 2020"),
        p("Thực hiện Quyết định số 1999/QĐ-UBND ngày 12/12/2019 của UBND tỉnh."),
        p("PHỤ LỤC"),
        format!("<w:tbl><w:tblGrid/>{appendix}</w:tbl>"),
    ]
    .concat();
    support::docx(&body)
}

const PLAN_TEXT: &str = "SỞ Y TẾ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 12/KH-SYT\tĐắk Nông, ngày 15 tháng 12 năm 2019
KẾ HOẠCH
Cải cách hành chính năm 2020
Thực hiện Quyết định số 1999/QĐ-UBND ngày 12/12/2019 của UBND tỉnh.
PHỤ LỤC
STT\tNội dung\tChỉ số\tTrách nhiệm thực hiện\tThời gian thực hiện\t\tGhi chú
\t\t\t\tBắt đầu\tKết thúc\t
I.\tCÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC\t\t\t\t\t
1.\tBan hành và thực hiện kế hoạch CCHC\t\t\t\t\t
1.1\tXây dựng Kế hoạch CCHC năm 2020\t100% đơn vị có kế hoạch\tChủ trì: Văn phòng Sở Thực hiện: các đơn vị trực thuộc\tTháng 01/2020\tTháng 12/2020\t
1.2\tXử lý hoặc kiến nghị các vấn đề phát hiện qua công tác kiểm tra,\t100% vấn đề được xử lý\tChủ trì: Văn phòng Sở Thực hiện:\tSau khi có thông báo kết quả\tKết thúc trong vòng 30\t

STT\tNội dung\tChỉ số\tTrách nhiệm thực hiện\tThời gian thực hiện\t\tGhi chú
\t\t\t\tBắt đầu\tKết thúc\t
\ttự kiểm tra\t\tcác phòng chức năng\tkiểm tra\tngày kể từ ngày có thông báo kết quả kiểm tra\t
1.3\tBáo cáo CCHC định kỳ\t02 báo cáo quý\tVăn phòng Sở\tQuý I/2020\tQuý I/2020\tGửi Sở Nội vụ
1.4\tBáo cáo CCHC năm\t01 báo cáo năm\tVăn phòng Sở\tQuý IV/2020\tQuý IV/2020\t
";

#[test]
fn the_docx_reader_keeps_merges_paragraphs_and_header_flags() {
    let grid = docx::read(&plan_docx(), &Limits::default()).unwrap();
    let paragraphs: Vec<&str> = grid
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::Paragraph)
        .map(|r| r.text(0))
        .collect();
    assert_eq!(paragraphs[0], "KẾ HOẠCH");
    let header = grid.rows.iter().find(|r| r.text(0) == "STT").unwrap();
    assert_eq!(
        header.kind,
        RowKind::Table {
            repeated_header: true
        }
    );
    assert_eq!(header.cells.len(), 7);
    assert_eq!(
        (header.text(4), header.cells[5].merge),
        ("Thời gian thực hiện", Merge::Left)
    );
    let task = grid.rows.iter().find(|r| r.text(0) == "1.1").unwrap();
    assert_eq!(task.text(1), "Xây dựng Kế hoạch CCHC\nnăm 2020");
    assert_eq!(
        task.text(3),
        "Chủ trì: Văn phòng Sở\nThực hiện: các đơn vị trực thuộc"
    );
    let merged = grid.rows.iter().find(|r| r.text(0) == "1.4").unwrap();
    assert_eq!((merged.text(3), merged.cells[3].merge), ("", Merge::Above));
}

#[test]
fn a_docx_imports_like_the_same_plan_pasted_as_text() {
    let from_docx = read_plan(&plan_docx(), "ke-hoach.docx", &units()).unwrap();
    let from_text = read_plan(PLAN_TEXT.as_bytes(), "ke-hoach.txt", &units()).unwrap();
    assert_eq!(without_rows(&from_docx), without_rows(&from_text));

    let plan = from_docx;
    assert_eq!(plan.plan.number.as_deref(), Some("12/KH-SYT"));
    assert_eq!(plan.plan.issued_on.unwrap().to_string(), "2019-12-15");
    assert_eq!(
        plan.plan.title.as_deref(),
        Some("Cải cách hành chính năm 2020")
    );
    assert_eq!(plan.sections.len(), 1);
    assert_eq!(outline(&plan.sections[0].items), "1(1.1 1.2 1.3 1.4)");
    let split = item(&plan, "I", "1.2");
    assert_eq!(
        split.content,
        "Xử lý hoặc kiến nghị các vấn đề phát hiện qua công tác kiểm tra, tự kiểm tra"
    );
    assert_eq!(
        split.end.as_ref().unwrap().text,
        "Kết thúc trong vòng 30 ngày kể từ ngày có thông báo kết quả kiểm tra"
    );
    assert_eq!(unit_ids(&item(&plan, "I", "1.4").lead), [Some(VAN_PHONG)]);
    assert_eq!(
        item(&plan, "I", "1.3").note.as_deref(),
        Some("Gửi Sở Nội vụ")
    );
    assert!(
        plan.warnings
            .iter()
            .all(|w| !w.message.contains("Đoạn văn"))
    );
}

#[test]
fn entities_tabs_and_text_boxes() {
    let body = concat!(
        r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>"#,
        r#"<w:r><w:t>A &amp; B</w:t><w:tab/><w:t>&#273;&#x1EA1;t</w:t></w:r></w:p>"#,
        r#"<w:p><mc:AlternateContent xmlns:mc="m"><mc:Choice><w:r><w:t>hộp</w:t></w:r></mc:Choice>"#,
        r#"<mc:Fallback><w:r><w:t>hộp</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>"#,
        r#"<w:p><w:r><w:delText>đã xóa</w:delText><w:t>còn</w:t></w:r></w:p>"#,
    );
    let grid = docx::read(&support::docx(body), &Limits::default()).unwrap();
    let texts: Vec<&str> = grid.rows.iter().map(|r| r.text(0)).collect();
    assert_eq!(texts, ["A & B đạt", "hộp", "còn"]);
}

const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"#;

/// An STT cell numbered by Word: no text, only a list reference.
fn numbered(num: u8, level: u8) -> String {
    format!(
        r#"<w:tc><w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr></w:pPr></w:p></w:tc>"#
    )
}

#[test]
fn an_auto_numbered_stt_column_reads_like_a_typed_one() {
    let row = |stt: String, content: &str, lead: &str| tr("", &[stt, cell(content), cell(lead)]);
    let table = [
        tr(
            "",
            &[cell("STT"), cell("Nội dung"), cell("Trách nhiệm thực hiện")],
        ),
        row(numbered(1, 0), "CÔNG TÁC CHỈ ĐẠO", ""),
        row(numbered(2, 0), "Kế hoạch CCHC", ""),
        row(numbered(2, 1), "Xây dựng kế hoạch", "Văn phòng Sở"),
        row(numbered(2, 1), "Triển khai kế hoạch", "Văn phòng Sở"),
        row(numbered(1, 0), "CẢI CÁCH THỂ CHẾ", ""),
        row(numbered(2, 0), "Rà soát văn bản", "Thanh tra Sở"),
    ]
    .concat();
    let body = format!("<w:tbl>{table}</w:tbl>");
    let bytes = support::docx_with(&body, &[("word/numbering.xml", NUMBERING.as_bytes())]);
    let plan = read_plan(&bytes, "tu-dong.docx", &units()).unwrap();
    let sections: Vec<(&str, String)> = plan
        .sections
        .iter()
        .map(|s| (s.number.as_str(), outline(&s.items)))
        .collect();
    assert_eq!(
        sections,
        [("I", "1(1.1 1.2)".to_owned()), ("II", "2".to_owned())]
    );
    assert_eq!(unit_ids(&item(&plan, "II", "2").lead), [Some(THANH_TRA)]);
}
