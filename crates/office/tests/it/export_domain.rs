//! A saved plan (domain types) as an export: the tree from parent ids and
//! positions, unit names where a task has units but no text, the header
//! from the issuing unit and its parent; and the .docx reads back.

use std::collections::BTreeMap;

use cchc_domain::plans::{ItemKind, Plan, PlanItem, PlanStatus, TaskRole, TaskUnit};
use cchc_domain::units::{Unit, UnitKind};
use cchc_office::read_plan;
use cchc_office::write::{ColumnKind, ExportPlan, plan_docx};
use chrono::NaiveDate;

use super::support::{self, CDC, SO_Y_TE, THANH_TRA, VAN_PHONG};

fn plan() -> Plan {
    Plan {
        id: 7,
        number: "123/KH-SYT".into(),
        title: "Kế hoạch cải cách hành chính năm 2026".into(),
        issuing_unit_id: SO_Y_TE,
        issued_on: NaiveDate::from_ymd_opt(2026, 1, 5),
        first_year: 2026,
        last_year: 2026,
        legal_bases: vec!["Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;".into()],
        status: PlanStatus::Issued,
        version: 1,
    }
}

fn item(id: i64, parent: Option<i64>, position: i64, kind: ItemKind, number: &str) -> PlanItem {
    PlanItem {
        id,
        plan_id: 7,
        parent_id: parent,
        area_id: None,
        position,
        kind,
        number: number.into(),
        content: format!("Nội dung {number}"),
        indicator: String::new(),
        output: String::new(),
        budget_vnd: None,
        lead_text: String::new(),
        cooperating_text: String::new(),
        start_text: String::new(),
        end_text: None,
        note: String::new(),
        extra: BTreeMap::new(),
        units: Vec::new(),
        version: 1,
    }
}

/// The units of the seeds under a provincial committee.
fn units() -> Vec<Unit> {
    let mut units = support::units();
    let mut committee = units[0].clone();
    committee.id = 100;
    committee.code = "UBND".into();
    committee.name = "UBND tỉnh Đắk Nông".into();
    committee.kind = UnitKind::Other;
    units[0].parent_id = Some(100);
    units.push(committee);
    units
}

fn items() -> Vec<PlanItem> {
    // Given out of order: the tree comes from parent ids and positions.
    let mut task = item(4, Some(2), 1, ItemKind::Task, "1.1");
    task.budget_vnd = Some(12_500_000);
    task.units = vec![
        TaskUnit {
            unit_id: VAN_PHONG,
            role: TaskRole::Lead,
        },
        TaskUnit {
            unit_id: THANH_TRA,
            role: TaskRole::Cooperating,
        },
        TaskUnit {
            unit_id: CDC,
            role: TaskRole::Cooperating,
        },
    ];
    task.start_text = "Tháng 01/2026".into();
    task.end_text = Some("Tháng 12/2026".into());
    let mut written = item(5, Some(2), 2, ItemKind::Task, "1.2");
    written.lead_text = "Văn phòng Sở".into();
    written.start_text = "Quý IV/2026".into();
    vec![
        item(6, None, 2, ItemKind::Section, "II"),
        task,
        item(1, None, 1, ItemKind::Section, "I"),
        written,
        item(2, Some(1), 1, ItemKind::Group, "1."),
        item(7, Some(6), 1, ItemKind::Task, "1."),
    ]
}

#[test]
fn a_saved_plan_becomes_an_export() {
    let export = ExportPlan::from_domain(&plan(), &items(), &units(), "Đắk Nông");
    assert_eq!(export.header.issuer, "Sở Y tế");
    assert_eq!(export.header.superior_body, "UBND tỉnh Đắk Nông");
    assert_eq!(export.title, "Cải cách hành chính năm 2026");
    assert_eq!(export.period_label.as_deref(), Some("Năm 2026"));
    assert_eq!(
        export.body[0],
        "Sở Y tế ban hành Kế hoạch cải cách hành chính năm 2026 như sau:"
    );
    let numbers: Vec<(&str, Vec<&str>)> = export
        .sections
        .iter()
        .map(|s| {
            let items = s.items.iter().map(|i| i.number.as_str()).collect();
            (s.number.as_str(), items)
        })
        .collect();
    assert_eq!(numbers, [("I", vec!["1."]), ("II", vec!["1."])]);
    let group = &export.sections[0].items[0];
    assert!(group.group);
    let task = &group.children[0];
    assert_eq!(task.lead, "Văn phòng Sở");
    assert_eq!(
        task.cooperating,
        "Thanh tra Sở; Trung tâm Kiểm soát bệnh tật tỉnh"
    );
    assert_eq!(group.children[1].lead, "Văn phòng Sở");
    let kinds: Vec<&ColumnKind> = export.columns.iter().map(|c| &c.kind).collect();
    use ColumnKind::*;
    assert_eq!(
        kinds,
        [
            &Number,
            &Content,
            &Budget,
            &Lead,
            &Cooperating,
            &Start,
            &End,
            &Note
        ]
    );
}

#[test]
fn a_saved_plan_exported_reads_back_with_its_units() {
    let export = ExportPlan::from_domain(&plan(), &items(), &units(), "Đắk Nông");
    let bytes = plan_docx(&export).unwrap();
    let back = read_plan(&bytes, "ke-hoach.docx", &units()).unwrap();
    assert_eq!(back.plan.number.as_deref(), Some("123/KH-SYT"));
    assert_eq!(back.plan.issued_on, NaiveDate::from_ymd_opt(2026, 1, 5));
    assert_eq!(
        back.plan.title.as_deref(),
        Some("Cải cách hành chính năm 2026")
    );
    assert_eq!(back.plan.legal_bases, plan().legal_bases);
    let task = &back.sections[0].items[0].children[0];
    assert_eq!(task.budget_million_vnd, Some(12.5));
    let ids = |refs: &[cchc_office::plans::UnitRef]| -> Vec<Option<i64>> {
        refs.iter().map(|r| r.unit_id).collect()
    };
    assert_eq!(ids(&task.lead), [Some(VAN_PHONG)]);
    assert_eq!(ids(&task.cooperating), [Some(THANH_TRA), Some(CDC)]);
    assert_eq!(back.plan.budget_total_million_vnd, Some(12.5));
}
