//! Plan import through the use cases: preview, mapping unknown unit names
//! (remembered as aliases), committing all or nothing, and re-importing a
//! revised document without losing the tracking of unchanged tasks.

use cchc_app::AppError;
use cchc_app::plans::{ImportFile, ImportSettings, UnitMapping};
use cchc_domain::plans::ItemKind;
use cchc_domain::roles::Role;
use cchc_domain::tracking::StatusUpdate;
use cchc_testkit::org::{self, Org};
use cchc_testkit::plans::coordinator;
use cchc_testkit::{TestApp, apps};

const DAK_NONG: &str =
    include_str!("../../../office/tests/fixtures/ke_hoach_cchc_dak_nong_2020.txt");

fn file(text: &str) -> ImportFile {
    ImportFile {
        file_name: "ke_hoach_cchc_2020.txt".into(),
        bytes: text.as_bytes().to_vec(),
    }
}

/// The divisions and subordinate units the seed names, besides the org fixture.
async fn units(t: &TestApp, o: &Org) -> Vec<i64> {
    let mut ids = Vec::new();
    for (code, name, kind) in [
        ("TCCB", "Phòng Tổ chức cán bộ", "division"),
        ("KHTC", "Phòng Kế hoạch – Tài chính", "division"),
        ("NVY", "Phòng Nghiệp vụ Y", "division"),
        ("CDC", "Trung tâm Kiểm soát bệnh tật tỉnh", "subordinate"),
        ("BVDK", "Bệnh viện Đa khoa tỉnh", "subordinate"),
    ] {
        ids.push(org::unit(&t.app, code, name, kind, Some(o.root)).await);
    }
    ids
}

#[tokio::test]
async fn a_seed_plan_is_previewed_mapped_and_committed_whole() {
    for t in apps().await {
        let o = org::build(&t.app).await;
        units(&t, &o).await;
        let c = coordinator();
        let seed = file(DAK_NONG);

        let preview = t.app.import_preview(&c, &seed, &[]).await.unwrap();
        assert_eq!(preview.counts.sections, 9);
        assert_eq!(
            preview.preview.plan.period.map(|p| p.first_year()),
            Some(2020)
        );

        // Staff may not import.
        org::user(&t.app, "cv", Role::Staff, Some(o.inside), Some(o.inside)).await;
        let staff = org::actor(&t.app, "cv").await;
        let denied = t.app.import_preview(&staff, &seed, &[]).await;
        assert!(matches!(denied, Err(AppError::Forbidden)), "{denied:?}");

        // Every unmatched name mapped to Văn phòng Sở.
        let mappings: Vec<UnitMapping> = preview
            .unmatched
            .iter()
            .map(|text| UnitMapping {
                text: text.clone(),
                unit_id: o.inside,
            })
            .collect();
        let settings = ImportSettings {
            issuing_unit_id: Some(o.root),
            mappings: mappings.clone(),
            ..Default::default()
        };
        let plan = t.app.import_plan(&c, &seed, &settings).await.unwrap();
        assert_eq!((plan.first_year, plan.last_year), (2020, 2020));
        assert!(plan.title.contains("CẢI CÁCH HÀNH CHÍNH"), "{}", plan.title);
        let view = t.app.plan(&c, plan.id).await.unwrap();
        let sections: Vec<_> = view
            .items
            .iter()
            .filter(|r| r.item.kind == ItemKind::Section)
            .collect();
        assert_eq!(sections.len(), 9);
        let areas = t.app.areas().await.unwrap();
        let area = |code: &str| areas.iter().find(|a| a.code == code).map(|a| a.id);
        assert_eq!(sections[0].item.area_id, area("chi_dao"));
        assert_eq!(sections[2].item.area_id, area("tthc"));
        assert_eq!(sections[8].item.area_id, None, "Các nhiệm vụ khác");
        let count = |kind| view.items.iter().filter(|r| r.item.kind == kind).count();
        assert_eq!(
            count(ItemKind::Task) + count(ItemKind::Group),
            preview.counts.tasks + preview.counts.groups
        );
        // 1.5 is led by Văn phòng Sở, due 30 days after the inspection notice.
        let i15 = view
            .items
            .iter()
            .find(|r| r.item.number == "1.5")
            .expect("1.5");
        assert_eq!(i15.depth, 2);
        assert!(i15.item.units.iter().any(|u| u.unit_id == o.inside));
        assert_eq!(i15.item.budget_vnd, Some(10_000_000));
        let task = t.app.task(&c, i15.item.id).await.unwrap();
        assert_eq!(task.occurrences.len(), 1);
        assert_eq!(
            task.occurrences[0].occurrence.due_on, None,
            "waits for the event"
        );

        // The mappings are aliases now: the next preview matches them.
        if !mappings.is_empty() {
            let again = t.app.import_preview(&c, &seed, &[]).await.unwrap();
            assert!(again.unmatched.is_empty(), "{:?}", again.unmatched);
        }
    }
}

#[tokio::test]
async fn a_bad_row_names_its_line_and_stores_nothing() {
    for t in apps().await {
        let o = org::build(&t.app).await;
        let c = coordinator();
        let long = "x".repeat(5001);
        let text = DAK_NONG.replacen(
            "Triển khai đầy đủ các nội dung của Kế hoạch CCHC được phê duyệt.",
            &long,
            1,
        );
        let settings = ImportSettings {
            issuing_unit_id: Some(o.root),
            ..Default::default()
        };
        let error = t
            .app
            .import_plan(&c, &file(&text), &settings)
            .await
            .unwrap_err();
        let AppError::Validation(errors) = error else {
            panic!("{error:?}")
        };
        let message = errors.summary();
        assert!(message.starts_with("Dòng 93 (mục 1.2)"), "{message}");
        assert!(
            t.app.plans(&c, "").await.unwrap().is_empty(),
            "nothing stored"
        );

        let broken = ImportFile {
            file_name: "ke_hoach.docx".into(),
            bytes: b"not a zip".to_vec(),
        };
        let error = t.app.import_preview(&c, &broken, &[]).await.unwrap_err();
        assert!(matches!(error, AppError::Validation(_)), "{error:?}");
    }
}

#[tokio::test]
async fn a_revised_document_updates_the_plan_and_keeps_reported_work() {
    for t in apps().await {
        let o = org::build(&t.app).await;
        units(&t, &o).await;
        let c = coordinator();
        let preview = t
            .app
            .import_preview(&c, &file(DAK_NONG), &[])
            .await
            .unwrap();
        let mappings: Vec<UnitMapping> = preview
            .unmatched
            .iter()
            .map(|text| UnitMapping {
                text: text.clone(),
                unit_id: o.inside,
            })
            .collect();
        let settings = ImportSettings {
            issuing_unit_id: Some(o.root),
            mappings,
            ..Default::default()
        };
        let plan = t
            .app
            .import_plan(&c, &file(DAK_NONG), &settings)
            .await
            .unwrap();
        let view = t.app.plan(&c, plan.id).await.unwrap();
        let by_number = |n: &str| {
            view.items
                .iter()
                .find(|r| r.item.number == n)
                .unwrap_or_else(|| panic!("{n}"))
                .item
                .clone()
        };
        // Văn phòng Sở reports on 1.5, which the revision leaves alone.
        let i15 = by_number("1.5");
        let row = t.app.task(&c, i15.id).await.unwrap().occurrences[0].rows[0]
            .row
            .clone();
        let update = StatusUpdate {
            status: "in_progress".into(),
            progress_pct: Some(40),
            result_text: "Đang xử lý kiến nghị".into(),
            ..Default::default()
        };
        t.app.report(&c, row.id, row.version, update).await.unwrap();

        // The revision: 1.2 reworded, 1.3 dropped, a new 1.10 after 1.9.
        let mut lines: Vec<String> = DAK_NONG.lines().map(str::to_string).collect();
        let at = |prefix: &str, lines: &[String]| {
            lines
                .iter()
                .position(|l| l.starts_with(prefix))
                .unwrap_or_else(|| panic!("{prefix}"))
        };
        let i12 = at("1.2\t", &lines);
        lines[i12] = lines[i12].replace(
            "Triển khai đầy đủ các nội dung",
            "Triển khai đầy đủ, kịp thời các nội dung",
        );
        let i13 = at("1.3\t", &lines);
        lines.remove(i13);
        // Before section II (1.9 continues on the next page).
        let ii = at("II.\t", &lines);
        lines.insert(
            ii,
            "1.10\tTổng kết công tác CCHC năm 2020\t\tBáo cáo tổng kết\t\tVăn phòng Sở\tTháng 12/2020\tTháng 12/2020\t"
                .into(),
        );
        let revised = file(&lines.join("\n"));
        let diff = t
            .app
            .reimport_preview(&c, plan.id, &revised, &[])
            .await
            .unwrap();
        let numbers = |items: &[cchc_app::plans::DiffItem]| {
            items.iter().map(|i| i.number.clone()).collect::<Vec<_>>()
        };
        assert_eq!(numbers(&diff.added), ["1.10"]);
        assert_eq!(numbers(&diff.removed), ["1.3"]);
        let changed: Vec<_> = diff
            .changed
            .iter()
            .map(|c| c.item.number.as_str())
            .collect();
        assert_eq!(changed, ["1.2"]);
        assert_eq!(diff.changed[0].fields[0].label, "Nội dung");
        // The preview changed nothing.
        assert_eq!(
            t.app.plan(&c, plan.id).await.unwrap().items.len(),
            view.items.len()
        );

        let applied = t
            .app
            .reimport_plan(&c, plan.id, &revised, &[])
            .await
            .unwrap();
        assert_eq!(
            applied.added.len() + applied.removed.len() + applied.changed.len(),
            3
        );
        let after = t.app.plan(&c, plan.id).await.unwrap();
        assert_eq!(after.items.len(), view.items.len());
        // Section I (numbers restart in each section).
        let numbers: Vec<&str> = after
            .items
            .iter()
            .map(|r| r.item.number.as_str())
            .skip(1)
            .take_while(|n| *n != "II")
            .collect();
        assert!(!numbers.contains(&"1.3"), "{numbers:?}");
        let i110 = numbers.iter().position(|n| *n == "1.10").unwrap();
        assert_eq!(numbers[i110 - 1], "1.9", "added where the document has it");
        let kept = t.app.task(&c, i15.id).await.unwrap().occurrences[0].rows[0]
            .row
            .clone();
        assert_eq!(
            (kept.status.as_str(), kept.progress_pct),
            ("in_progress", 40)
        );
        assert_eq!(kept.result_text, "Đang xử lý kiến nghị");

        // Applying the same document again changes nothing.
        let again = t
            .app
            .reimport_plan(&c, plan.id, &revised, &[])
            .await
            .unwrap();
        assert!(again.is_empty(), "{again:?}");
    }
}

/// An imported plan exported as .docx and .xlsx reads back the same.
#[tokio::test]
async fn an_imported_plan_exports_and_reads_back_the_same() {
    use cchc_app::plans::PlanDocumentKind;
    for t in apps().await {
        let o = org::build(&t.app).await;
        units(&t, &o).await;
        let c = coordinator();
        let preview = t
            .app
            .import_preview(&c, &file(DAK_NONG), &[])
            .await
            .unwrap();
        let settings = ImportSettings {
            issuing_unit_id: Some(o.root),
            mappings: preview
                .unmatched
                .iter()
                .map(|text| UnitMapping {
                    text: text.clone(),
                    unit_id: o.inside,
                })
                .collect(),
            ..Default::default()
        };
        let plan = t
            .app
            .import_plan(&c, &file(DAK_NONG), &settings)
            .await
            .unwrap();
        let shape = |p: &cchc_office::PlanPreview| {
            fn walk(items: &[cchc_office::plans::ItemPreview], out: &mut Vec<String>) {
                for i in items {
                    let units: Vec<_> = i
                        .lead
                        .iter()
                        .chain(&i.cooperating)
                        .map(|u| u.unit_id)
                        .collect();
                    out.push(format!(
                        "{} {} {:?} {:?}",
                        i.number, i.content, i.budget_million_vnd, units
                    ));
                    walk(&i.children, out);
                }
            }
            let mut out = Vec::new();
            for s in &p.sections {
                out.push(format!("{} {}", s.number, s.title));
                walk(&s.items, &mut out);
            }
            out
        };
        let original = t
            .app
            .import_preview(&c, &file(DAK_NONG), &[])
            .await
            .unwrap()
            .preview;
        for (kind, name) in [
            (PlanDocumentKind::Plan, "ke_hoach.docx"),
            (PlanDocumentKind::AppendixXlsx, "phu_luc.xlsx"),
        ] {
            let doc = t
                .app
                .plan_document(&c, plan.id, kind, "Đắk Nông")
                .await
                .unwrap();
            assert!(
                doc.file_name.ends_with(&name[name.len() - 5..]),
                "{}",
                doc.file_name
            );
            let back = t
                .app
                .import_preview(
                    &c,
                    &ImportFile {
                        file_name: name.into(),
                        bytes: doc.bytes,
                    },
                    &[],
                )
                .await
                .unwrap()
                .preview;
            assert_eq!(shape(&back), shape(&original), "{name}");
        }
    }
}
