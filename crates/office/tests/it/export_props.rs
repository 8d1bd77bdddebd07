//! Random small plans (Vietnamese text with diacritics, nesting 1. / 1.1 /
//! a), budgets with up to three decimals, lead and cooperating units,
//! schedules, an extra column) written to .docx and .xlsx read back the same.

use std::collections::BTreeMap;

use cchc_office::write::{Column, ExportItem, ExportPlan, ExportSection};
use proptest::prelude::*;

use super::export_view::{export_and_read, view};

const WORDS: &[&str] = &[
    "cải",
    "cách",
    "hành",
    "chính",
    "thủ",
    "tục",
    "đơn",
    "vị",
    "kế",
    "hoạch",
    "năm",
    "trực",
    "tuyến",
    "hồ",
    "sơ",
    "Sở",
    "Y",
    "tế",
    "người",
    "dân",
    "tổ",
    "chức",
    "phản",
    "ánh",
    "kiến",
    "nghị",
    "ứng",
    "dụng",
    "công",
    "nghệ",
    "thông",
    "tin",
    "100%",
    "(PAKN)",
    "ISO",
    "9001:2015",
    "Đắk",
    "Nông",
    "rà",
    "soát",
    "quy",
    "định",
    "văn",
    "bản",
    "&",
    "“chuẩn”",
    "<5%",
    "ĐẢNG",
    "Ủy",
    "ban",
    "nhân",
    "đạt",
    "ít",
    "nhất",
    "02",
    "báo",
    "cáo",
    "quý;",
    "điện",
    "tử,",
];
const UNITS: &[&str] = &[
    "Văn phòng Sở",
    "Thanh tra Sở",
    "Phòng Tổ chức cán bộ",
    "Phòng Kế hoạch - Tài chính",
    "các đơn vị trực thuộc",
    "các phòng chức năng",
    "Bệnh viện Đa khoa tỉnh",
    "Ban Quản lý dự án",
];
const SCHEDULES: &[&str] = &[
    "Tháng 01/2024",
    "Tháng 12/2024",
    "Quý IV/2024",
    "Thường xuyên",
    "Quý I hàng năm",
    "Trước 31/12 hàng năm",
    "Trong vòng 30 ngày kể từ ngày có thông báo kết quả kiểm tra",
    "Theo quy định của UBND tỉnh",
];

fn text(max_words: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..=max_words).prop_map(|w| w.join(" "))
}

fn optional(s: impl Strategy<Value = String>) -> impl Strategy<Value = String> {
    prop::option::of(s).prop_map(Option::unwrap_or_default)
}

fn units() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(UNITS), 0..=2).prop_map(|mut names| {
        names.dedup();
        names.join("; ")
    })
}

/// Budgets in whole thousands of VND (three decimals of a million), some
/// written in words.
fn budget() -> impl Strategy<Value = (Option<i64>, String)> {
    prop_oneof![
        2 => Just((None, String::new())),
        1 => Just((Some(0), String::new())),
        3 => (0i64..2_000_000).prop_map(|thousands| (Some(thousands * 1_000), String::new())),
        2 => (0i64..50_000).prop_map(|millions| (Some(millions * 1_000_000), String::new())),
        1 => Just((None, "Ngân sách tỉnh".to_owned())),
    ]
}

fn fields() -> impl Strategy<Value = ExportItem> {
    (
        (text(12), optional(text(10)), optional(text(6)), budget()),
        (units(), units()),
        (
            optional(prop::sample::select(SCHEDULES).prop_map(str::to_owned)),
            optional(prop::sample::select(SCHEDULES).prop_map(str::to_owned)),
        ),
        (optional(text(4)), optional(text(2))),
    )
        .prop_map(
            |(
                (content, indicator, output, (budget_vnd, budget_text)),
                (lead, cooperating),
                (start, end),
                (note, extra),
            )| {
                ExportItem {
                    content,
                    indicator,
                    output,
                    budget_vnd,
                    budget_text,
                    lead,
                    cooperating,
                    start,
                    end,
                    note,
                    extra: if extra.is_empty() {
                        BTreeMap::new()
                    } else {
                        BTreeMap::from([("Đơn vị tính".to_owned(), extra)])
                    },
                    ..ExportItem::default()
                }
            },
        )
}

/// Sub-items of a top-level item: none, decimal ones each with 0-2
/// lettered sub-items, or lettered ones.
#[derive(Debug, Clone)]
enum Kids {
    None,
    Decimal(Vec<usize>),
    Letters(usize),
}

fn kids() -> impl Strategy<Value = Kids> {
    prop_oneof![
        Just(Kids::None),
        prop::collection::vec(0usize..=2, 1..=3).prop_map(Kids::Decimal),
        (1usize..=3).prop_map(Kids::Letters),
    ]
}

fn letters(count: usize, next: &mut impl FnMut(String) -> ExportItem) -> Vec<ExportItem> {
    (0..count)
        .map(|i| next(format!("{})", char::from(b'a' + i as u8))))
        .collect()
}

fn plan() -> impl Strategy<Value = ExportPlan> {
    let shape = prop::collection::vec(prop::collection::vec(kids(), 1..=4), 1..=3);
    (
        shape,
        prop::collection::vec(fields(), 40),
        prop::collection::vec(text(6), 3),
        any::<bool>(),
    )
        .prop_map(|(shape, pool, titles, with_end)| {
            let mut used = 0;
            let mut next = |number: String| {
                let mut item = pool[used % pool.len()].clone();
                used += 1;
                item.number = number;
                if !with_end {
                    item.end.clear();
                }
                item
            };
            let mut sections = Vec::new();
            for (s, items) in shape.iter().enumerate() {
                let mut section_items = Vec::new();
                for (k, kids) in items.iter().enumerate() {
                    let number = (k + 1).to_string();
                    let mut item = next(number.clone());
                    item.children = match kids {
                        Kids::None => Vec::new(),
                        Kids::Letters(n) => letters(*n, &mut next),
                        Kids::Decimal(grandchildren) => grandchildren
                            .iter()
                            .enumerate()
                            .map(|(j, n)| {
                                let mut child = next(format!("{number}.{}", j + 1));
                                child.children = letters(*n, &mut next);
                                child
                            })
                            .collect(),
                    };
                    section_items.push(item);
                }
                sections.push(ExportSection {
                    number: ["I", "II", "III"][s].to_owned(),
                    title: titles[s].to_uppercase(),
                    items: section_items,
                });
            }
            mark_groups(&mut sections);
            let preview = cchc_office::PlanPreview {
                plan: Default::default(),
                sections: Vec::new(),
                warnings: Vec::new(),
            };
            let mut plan = ExportPlan::from_preview(&preview);
            plan.title = "Cải cách hành chính năm 2024".into();
            plan.header.issuer = "Sở Y tế".into();
            plan.header.number = "15/KH-SYT".into();
            plan.columns = Column::defaults_for(&sections);
            plan.sections = sections;
            plan
        })
}

fn mark_groups(sections: &mut [ExportSection]) {
    fn mark(items: &mut [ExportItem]) {
        for item in items {
            item.group = !item.children.is_empty();
            mark(&mut item.children);
        }
    }
    for section in sections {
        mark(&mut section.items);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn generated_plans_read_back_the_same_from_docx_and_xlsx(plan in plan()) {
        let back = export_and_read(&plan);
        let docx = view(&back.appendix_docx);
        prop_assert_eq!(&view(&back.plan_docx), &docx);
        prop_assert_eq!(&view(&back.appendix_xlsx), &docx);
        for preview in [&back.appendix_docx, &back.plan_docx, &back.appendix_xlsx] {
            let again = ExportPlan::from_preview(preview);
            prop_assert_eq!(&again.sections, &plan.sections);
            prop_assert_eq!(&again.columns, &plan.columns);
            prop_assert_eq!(
                docx.budget_total_vnd,
                plan.budget_total_vnd().filter(|_| plan.has_column(&cchc_office::write::ColumnKind::Budget))
            );
        }
    }
}
