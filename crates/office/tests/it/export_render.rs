//! Writes the exports of the Đắk Nông seed (and the Bình Định appendix,
//! which has separate lead and cooperating columns) for a person to look at:
//! `cargo test -p cchc-office --test it render_the_dak_nong_exports -- --ignored`
//! writes them to `$CCHC_EXPORT_DIR` (default /tmp/cchc-export); then e.g.
//! `libreoffice --headless --convert-to pdf *.docx *.xlsx` and
//! `pdftoppm -png -r 60 ke-hoach.pdf ke-hoach`.

use cchc_office::read_plan;
use cchc_office::write::{ExportPlan, appendix_docx, appendix_xlsx, plan_docx};
use chrono::NaiveDate;

use super::support::*;

#[test]
#[ignore = "writes files for a person to look at"]
fn render_the_dak_nong_exports() {
    let dir = std::env::var("CCHC_EXPORT_DIR").unwrap_or_else(|_| "/tmp/cchc-export".into());
    std::fs::create_dir_all(&dir).unwrap();
    let preview = read_plan(DAK_NONG, "seed.txt", &units()).unwrap();
    let mut plan = ExportPlan::from_preview(&preview);
    plan.header.superior_body = "UBND tỉnh Đắk Nông".into();
    plan.header.issuer = "Sở Y tế".into();
    plan.header.number = "123/KH-SYT".into();
    plan.header.issued_on = NaiveDate::from_ymd_opt(2019, 12, 15);
    plan.body = vec![
        "Sở Y tế tỉnh Đắk Nông ban hành Kế hoạch cải cách hành chính năm 2020 như sau:".into(),
        "Nội dung, nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.".into(),
    ];
    plan.recipients = vec![
        "UBND tỉnh (b/c);".into(),
        "Sở Nội vụ (b/c);".into(),
        "Các đơn vị trực thuộc Sở (t/hiện);".into(),
        "Lưu: VT, VP.".into(),
    ];
    plan.signer.authority = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC".into();
    plan.signer.name = "Hà Văn Hùng".into();
    let write =
        |name: &str, bytes: Vec<u8>| std::fs::write(format!("{dir}/{name}"), bytes).unwrap();
    write("ke-hoach.docx", plan_docx(&plan).unwrap());
    write("phu-luc.docx", appendix_docx(&plan).unwrap());
    write("phu-luc-bang-tinh.xlsx", appendix_xlsx(&plan).unwrap());
    let preview = read_plan(BINH_DINH, "seed.txt", &units()).unwrap();
    let plan = ExportPlan::from_preview(&preview);
    write("binh-dinh-phu-luc.docx", appendix_docx(&plan).unwrap());
    write("binh-dinh-bang-tinh.xlsx", appendix_xlsx(&plan).unwrap());
}
