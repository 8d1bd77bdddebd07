//! What Word and Excel see inside the exported files: the page setup, the
//! font, the header rows repeated on every page, merged section rows, and a
//! total with a formula that still shows its value without recalculation.

use std::io::{Cursor, Read};

use cchc_office::read_plan;
use cchc_office::write::{ExportPlan, appendix_docx, appendix_xlsx, plan_docx};

use super::support::*;

fn part(archive: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(archive)).unwrap();
    let mut entry = zip.by_name(name).unwrap();
    assert_eq!(
        entry.compression(),
        zip::CompressionMethod::Deflated,
        "{name} is compressed"
    );
    let mut text = String::new();
    entry.read_to_string(&mut text).unwrap();
    text
}

fn dak_nong() -> ExportPlan {
    let preview = read_plan(DAK_NONG, "seed.txt", &units()).unwrap();
    let mut plan = ExportPlan::from_preview(&preview);
    plan.header.issuer = "Sở Y tế".into();
    plan.header.superior_body = "UBND tỉnh Đắk Nông".into();
    plan
}

/// The `w:tr` elements of the last table of a document.
fn last_table_rows(document: &str) -> Vec<&str> {
    let table = &document[document.rfind("<w:tbl>").unwrap()..];
    table.split("<w:tr>").skip(1).collect()
}

#[test]
fn the_appendix_docx_is_landscape_a4_in_times_new_roman_with_repeated_headers() {
    let docx = appendix_docx(&dak_nong()).unwrap();
    let document = part(&docx, "word/document.xml");
    let styles = part(&docx, "word/styles.xml");
    assert!(
        document.contains(r#"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape" />"#),
        "landscape A4"
    );
    assert!(
        document.contains(r#"w:top="1134" w:right="850" w:bottom="1134" w:left="1701""#),
        "ND 30 margins"
    );
    assert!(styles.contains(r#"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman""#));
    assert!(!document.contains("Arial") && !document.contains("Calibri"));
    let rows = last_table_rows(&document);
    // Two header lines (the time splits into Bắt đầu / Kết thúc), both
    // repeated on every page; no other row is.
    assert!(rows[0].contains("<w:tblHeader />") && rows[0].contains(">STT<"));
    assert!(rows[1].contains("<w:tblHeader />") && rows[1].contains(">Bắt đầu<"));
    assert!(rows[2..].iter().all(|r| !r.contains("tblHeader")));
    assert!(rows[0].contains(r#"<w:gridSpan w:val="2" />"#));
    // A section row: its title spans every column after STT, in bold.
    let section = rows[2];
    assert!(section.contains(">I<") && section.contains("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC"));
    assert!(section.contains(r#"<w:gridSpan w:val="8" />"#));
    assert!(section.contains("<w:b />") && section.contains("<w:cantSplit />"));
    let total = rows.last().unwrap();
    assert!(total.contains(">Tổng cộng<") && total.contains(">120<"));
}

#[test]
fn the_plan_docx_has_portrait_pages_then_the_landscape_appendix() {
    let docx = plan_docx(&dak_nong()).unwrap();
    let document = part(&docx, "word/document.xml");
    let portrait = document
        .find(r#"<w:pgSz w:w="11906" w:h="16838" />"#)
        .expect("a portrait section");
    let landscape = document
        .find(r#"w:orient="landscape""#)
        .expect("a landscape section");
    let appendix = document.find(">PHỤ LỤC<").unwrap();
    assert!(portrait < appendix && appendix < landscape);
    for text in [
        ">UBND TỈNH ĐẮK NÔNG<",
        ">SỞ Y TẾ<",
        ">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<",
        ">Độc lập - Tự do - Hạnh phúc<",
        ">Đắk Nông, ngày      tháng      năm      <",
        ">KẾ HOẠCH<",
        ">Nơi nhận:<",
        ">QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ<",
    ] {
        assert!(document.contains(text), "{text}");
    }
    let rows = last_table_rows(&document);
    assert!(rows[0].contains("<w:tblHeader />"));
}

#[test]
fn the_appendix_xlsx_prints_landscape_with_repeated_headers_and_a_cached_total() {
    let xlsx = appendix_xlsx(&dak_nong()).unwrap();
    let sheet = part(&xlsx, "xl/worksheets/sheet1.xml");
    let workbook = part(&xlsx, "xl/workbook.xml");
    let styles = part(&xlsx, "xl/styles.xml");
    assert!(workbook.contains(r#"<sheet name="Phụ lục""#));
    // Rows 5 and 6 are the header: repeated when printed, frozen on screen.
    assert!(workbook.contains("'Phụ lục'!$5:$6"), "{workbook}");
    assert!(sheet.contains(r#"ySplit="6""#) && sheet.contains(r#"state="frozen""#));
    assert!(sheet.contains(r#"paperSize="9""#) && sheet.contains(r#"orientation="landscape""#));
    assert!(
        sheet.contains(r#"<mergeCell ref="B7:I7"/>"#),
        "section I merged"
    );
    // =SUM over every item row (E7:E82), its value stored with it.
    assert!(sheet.contains(r#"<c r="E83""#));
    assert!(sheet.contains("<f>SUM(E7:E82)</f><v>120</v>"));
    assert!(styles.contains(r#"<name val="Times New Roman"/>"#));
}

#[test]
fn columns_can_be_chosen_and_retitled() {
    use cchc_office::write::{Column, ColumnKind};
    let mut plan = dak_nong();
    let mut content = Column::standard(ColumnKind::Content);
    content.title = "Nhiệm vụ cụ thể".into();
    plan.columns = vec![
        Column::standard(ColumnKind::Number),
        content,
        Column::standard(ColumnKind::Budget),
        Column::standard(ColumnKind::Schedule),
    ];
    let docx = appendix_docx(&plan).unwrap();
    assert!(part(&docx, "word/document.xml").contains(">Nhiệm vụ cụ thể<"));
    for (bytes, name) in [(docx, "a.docx"), (appendix_xlsx(&plan).unwrap(), "a.xlsx")] {
        let back = read_plan(&bytes, name, &units()).unwrap();
        let task = item(&back, "I", "1.4");
        assert_eq!(
            task.content,
            "Ban hành và thực hiện kế hoạch tự kiểm tra công tác CCHC của đơn vị"
        );
        assert_eq!(task.indicator, None);
        assert_eq!(task.budget_million_vnd, Some(10.0));
        let schedule = task.start.as_ref().map(|s| s.text.as_str());
        assert_eq!(schedule, Some("Tháng 6/2020 - Tháng 12/2020"));
        assert_eq!(back.plan.budget_total_million_vnd, Some(120.0));
    }
    // Without a content column the total is labelled in the STT column.
    plan.columns.remove(1);
    assert!(appendix_xlsx(&plan).is_ok());
    let document = part(&appendix_docx(&plan).unwrap(), "word/document.xml");
    let total = *last_table_rows(&document).last().unwrap();
    let first_cell = &total[..total.find("</w:tc>").unwrap()];
    assert!(first_cell.contains(">Tổng cộng<"));
    // No columns at all: the plan's own.
    plan.columns.clear();
    let again = read_plan(&appendix_docx(&plan).unwrap(), "a.docx", &units()).unwrap();
    assert_eq!(item(&again, "I", "1.4").budget_million_vnd, Some(10.0));
}
