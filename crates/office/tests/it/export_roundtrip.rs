//! The seed plans, imported, exported to .docx and .xlsx and imported again:
//! the same sections, items, texts, budgets and matched units.

use cchc_office::read_plan;
use cchc_office::write::{ColumnKind, ExportPlan};
use chrono::NaiveDate;

use super::export_view::*;
use super::support::*;

fn seed(bytes: &[u8]) -> cchc_office::PlanPreview {
    read_plan(bytes, "seed.txt", &units()).expect("the seed imports")
}

#[test]
fn the_dak_nong_plan_round_trips_through_every_format() {
    let original = seed(DAK_NONG);
    let export = ExportPlan::from_preview(&original);
    let kinds: Vec<&ColumnKind> = export.columns.iter().map(|c| &c.kind).collect();
    use ColumnKind::*;
    assert_eq!(
        kinds,
        [
            &Number,
            &Content,
            &Indicator,
            &Output,
            &Budget,
            &Responsibility,
            &Start,
            &End,
            &Note
        ]
    );
    let back = export_and_read(&export);
    assert_same_items(&view(&original), &back);
    assert_eq!(view(&back.plan_docx).budget_total_vnd, Some(120_000_000));
}

#[test]
fn the_binh_dinh_plan_round_trips_with_separate_lead_and_cooperating_columns() {
    let original = seed(BINH_DINH);
    let export = ExportPlan::from_preview(&original);
    assert!(export.has_column(&ColumnKind::Lead));
    assert!(export.has_column(&ColumnKind::Cooperating));
    assert!(!export.has_column(&ColumnKind::Budget));
    let back = export_and_read(&export);
    assert_same_items(&view(&original), &back);
}

#[test]
fn the_plan_document_keeps_the_plan_facts() {
    let mut export = ExportPlan::from_preview(&seed(DAK_NONG));
    export.header.number = "123/KH-SYT".into();
    export.header.issued_on = NaiveDate::from_ymd_opt(2019, 12, 5);
    export.header.superior_body = "UBND tỉnh Đắk Nông".into();
    export.header.issuer = "Sở Y tế".into();
    export.body = vec!["Sở Y tế tỉnh Đắk Nông ban hành Kế hoạch như sau:".into()];
    let back = export_and_read(&export).plan_docx.plan;
    assert_eq!(back.number.as_deref(), Some("123/KH-SYT"));
    assert_eq!(back.place.as_deref(), Some("Đắk Nông"));
    assert_eq!(back.issued_on, NaiveDate::from_ymd_opt(2019, 12, 5));
    assert_eq!(
        back.date_text.as_deref(),
        Some("Đắk Nông, ngày 05 tháng 12 năm 2019")
    );
    assert_eq!(
        back.title.as_deref(),
        Some("CẢI CÁCH HÀNH CHÍNH NGÀNH Y TẾ TỈNH ĐẮK NÔNG NĂM 2020")
    );
    assert_eq!(back.legal_bases, export.legal_bases);
    let period = back.period.unwrap();
    assert_eq!((period.first_year(), period.last_year()), (2020, 2020));
}

#[test]
fn the_binh_dinh_plan_document_keeps_its_multi_year_period() {
    let original = seed(BINH_DINH);
    let back = export_and_read(&ExportPlan::from_preview(&original));
    for preview in [&back.plan_docx, &back.appendix_docx, &back.appendix_xlsx] {
        assert_eq!(preview.plan.period, original.plan.period);
    }
    assert_eq!(back.plan_docx.plan.title, original.plan.title);
    assert_eq!(back.plan_docx.plan.legal_bases, original.plan.legal_bases);
}
