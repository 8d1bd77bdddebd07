//! The target parser never panics, and what it returns is consistent.

use cchc_domain::target::Target;
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "(1)",
    "(2)",
    "-",
    " - ",
    "•",
    "+",
    ";",
    ". ",
    "Trên",
    "trên",
    "ít",
    "nhất",
    "tối",
    "thiểu",
    "đa",
    "từ",
    "đến",
    "dưới",
    "trở",
    "lên",
    "xuống",
    "không",
    "quá",
    "Đạt",
    "%",
    "≥",
    "<",
    ">",
    "=",
    "100",
    "2,5",
    "1.000",
    "04",
    "0",
    "99999999999999999999999",
    "bài",
    "viết",
    "báo",
    "cáo",
    "quý",
    "năm",
    "ngày",
    "số",
    "61/2018/NĐ-CP",
    "<ul>",
    "</ul>",
    "<",
    "\u{301}",
    "\u{0}",
    "Đ",
    "🙂",
    ",",
    ".",
];

fn any_text() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec((prop::sample::select(PIECES), prop::bool::ANY), 0..16)
        .prop_map(|v| {
            v.into_iter()
                .map(|(p, s)| if s { format!("{p} ") } else { p.to_owned() })
                .collect()
        });
    prop_oneof![
        any::<String>(),
        "[a-zA-ZàáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵĐ0-9/ .,:;()%<>=≥≤-]{0,60}",
        pieces,
    ]
}

proptest! {
    #[test]
    fn parsing_never_panics_and_parts_are_consistent(text in any_text(), achieved in any::<f64>()) {
        let target = Target::parse(&text);
        prop_assert_eq!(&target.text, &text);
        for part in &target.parts {
            prop_assert!(!part.text.trim().is_empty());
            if let Some(m) = &part.measure {
                prop_assert!(m.value.is_finite() && m.value >= 0.0);
                prop_assert_eq!(part.evaluate(achieved), (!achieved.is_nan()).then(|| m.comparator.holds(achieved, m.value)));
                prop_assert_eq!(m.is_met(m.value), Some(matches!(m.comparator, cchc_domain::target::Comparator::Eq | cchc_domain::target::Comparator::Ge | cchc_domain::target::Comparator::Le)));
            } else {
                prop_assert_eq!(part.evaluate(achieved), None);
            }
        }
        let _ = target.evaluate(achieved);
    }
}
