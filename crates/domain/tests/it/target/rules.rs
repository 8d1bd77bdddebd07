//! Reading rules of targets, and met / not met.

use cchc_domain::target::{Comparator, Measure, Target};

use super::measures;

fn one(text: &str) -> Measure {
    let target = Target::parse(text);
    let mut all = target.measures().cloned();
    let measure = all.next().unwrap_or_else(|| panic!("no measure in {text}"));
    assert!(all.next().is_none(), "several measures in {text}");
    measure
}

#[test]
fn the_examples_of_the_issue() {
    for (text, comparator, value, unit) in [
        ("100%", Comparator::Ge, 100.0, "%"),
        ("Đạt 100%", Comparator::Ge, 100.0, "%"),
        ("trên 99%", Comparator::Gt, 99.0, "%"),
        ("ít nhất 30%", Comparator::Ge, 30.0, "%"),
        ("tối thiểu 04 bài viết", Comparator::Ge, 4.0, "bài viết"),
        ("02 báo cáo quý", Comparator::Ge, 2.0, "báo cáo quý"),
        ("ít nhất 01 lần", Comparator::Ge, 1.0, "lần"),
    ] {
        let m = one(text);
        assert_eq!(
            (m.comparator, m.value, m.unit.as_str()),
            (comparator, value, unit),
            "{text}"
        );
    }
}

#[test]
fn comparators() {
    for (text, expected) in [
        ("dưới 5% hồ sơ trễ hạn", "Lt 5 %"),
        ("ít hơn 3 lần", "Lt 3 lần"),
        ("tối đa 15 ngày làm việc", "Le 15 ngày làm việc"),
        ("không quá 2 lần", "Le 2 lần"),
        ("không vượt quá 10%", "Le 10 %"),
        ("không dưới 95%", "Ge 95 %"),
        ("hơn 50% đơn vị", "Gt 50 %"),
        ("bằng 100% kế hoạch", "Eq 100 %"),
        ("đạt từ 90% trở lên", "Ge 90 %"),
        ("10% trở xuống", "Le 10 %"),
        ("≥ 90%", "Ge 90 %"),
        (">= 90%", "Ge 90 %"),
        ("> 99%", "Gt 99 %"),
        ("<5%", "Lt 5 %"),
        ("≤ 3 ngày", "Le 3 ngày"),
        ("= 100%", "Eq 100 %"),
    ] {
        assert_eq!(measures(text), [expected], "{text}");
    }
}

#[test]
fn numbers() {
    assert_eq!(measures("giảm tối thiểu 2,5% chi"), ["Ge 2.5 %"]);
    assert_eq!(measures("ít nhất 1.000 hồ sơ"), ["Ge 1000 hồ sơ"]);
    assert_eq!(measures("100 % TTHC"), ["Ge 100 %"]);
    assert_eq!(measures("trên 99.5%"), ["Gt 99.5 %"]);
    assert_eq!(
        measures("tối thiểu 3 video clip về CCHC"),
        ["Ge 3 video clip"]
    );
    assert_eq!(measures("Đạt 05 TTHC"), ["Ge 5 TTHC"]);
}

#[test]
fn numbers_of_references_dates_and_names_are_not_targets() {
    for text in [
        "Thực hiện theo Nghị định 61/2018/NĐ-CP",
        "Quyết định số 1999/QĐ-UBND ngày 12/12/2019",
        "tiêu chuẩn TCVN ISO 9001:2015",
        "Kế hoạch CCHC năm 2021 được xây dựng",
        "cung cấp trực tuyến ở mức độ 4",
        "sau mỗi thời kỳ ổn định (05 năm)",
        "Báo cáo 6 tháng và báo cáo năm",
        "Nghị quyết 30c/NQ-CP",
        "giai đoạn 2016 - 2020",
        "Mỗi người dân có một hồ sơ sức khỏe điện tử",
    ] {
        assert_eq!(measures(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn ranges_are_not_read_as_one_target() {
    assert!(measures("Có thêm đơn vị tự bảo đảm từ 70% đến dưới 100% chi thường xuyên").is_empty());
    assert!(measures("đạt từ 80% đến 90%").is_empty());
}

#[test]
fn compound_targets_are_split_into_parts() {
    let target = Target::parse(
        "(1) Kiểm tra ít nhất 30% đơn vị trực thuộc. (2) 100% các đơn vị trong KH được kiểm tra.",
    );
    let texts: Vec<_> = target.parts.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Kiểm tra ít nhất 30% đơn vị trực thuộc.",
            "100% các đơn vị trong KH được kiểm tra."
        ]
    );
    let target = Target::parse("- Hoàn thành 100% nhiệm vụ. - Có bài viết về CCHC - 02 hội nghị");
    let parts: Vec<_> = target
        .parts
        .iter()
        .map(|p| (p.text.as_str(), p.measure.is_some()))
        .collect();
    assert_eq!(
        parts,
        [
            ("Hoàn thành 100% nhiệm vụ.", true),
            ("Có bài viết về CCHC", false),
            ("02 hội nghị", true)
        ]
    );
}

#[test]
fn a_trailing_clause_without_a_number_stays_with_its_measure() {
    let target =
        Target::parse("100 % TTHC được công khai tại Bộ phận một cửa ; Trên Trang của Ngành");
    assert_eq!(target.parts.len(), 1);
    assert_eq!(
        target.parts[0].text,
        "100 % TTHC được công khai tại Bộ phận một cửa ; Trên Trang của Ngành"
    );
}

#[test]
fn html_left_by_converters_is_dropped_and_text_is_nfc() {
    let target = Target::parse("<ul style=\"x\">\n - 100% đơn vị</ul>");
    assert_eq!(target.parts.len(), 1);
    assert_eq!(target.parts[0].text, "100% đơn vị");
    let nfd = "ít nhất 04 ba\u{300}i viê\u{301}t";
    assert_eq!(one(nfd).unit, "bài viết");
}

#[test]
fn met_or_not_met() {
    let over_99 = Target::parse("Trên 99% hồ sơ được giải quyết đúng hạn");
    assert_eq!(over_99.evaluate(99.0), Some(false));
    assert_eq!(over_99.evaluate(99.5), Some(true));
    let at_least = Target::parse("ít nhất 30%");
    assert_eq!(at_least.evaluate(30.0), Some(true));
    assert_eq!(at_least.evaluate(29.9), Some(false));
    assert_eq!(at_least.evaluate(f64::NAN), None);
    let bare = Target::parse("02 báo cáo quý");
    assert_eq!(
        (bare.evaluate(2.0), bare.evaluate(3.0), bare.evaluate(1.0)),
        (Some(true), Some(true), Some(false))
    );
    assert_eq!(Target::parse("bằng 100%").evaluate(100.0), Some(true));
    assert_eq!(Target::parse("bằng 100%").evaluate(99.0), Some(false));
    assert_eq!(Target::parse("dưới 5%").evaluate(5.0), Some(false));
    assert_eq!(Target::parse("tối đa 15 ngày").evaluate(15.0), Some(true));
    assert_eq!(
        Target::parse("giảm tối thiểu 2,5%").evaluate(0.1 + 2.4),
        Some(true)
    );
}

#[test]
fn a_compound_target_is_evaluated_part_by_part() {
    let target = Target::parse(
        "(1) Kiểm tra ít nhất 30% đơn vị trực thuộc. (2) 100% các đơn vị trong KH được kiểm tra.",
    );
    assert_eq!(target.evaluate(100.0), None);
    let results: Vec<_> = target
        .parts
        .iter()
        .zip([40.0, 90.0])
        .map(|(p, v)| p.evaluate(v))
        .collect();
    assert_eq!(results, [Some(true), Some(false)]);
}

#[test]
fn text_targets_are_not_measurable() {
    let target = Target::parse("Sáng kiến CCHC được áp dụng rộng rãi");
    assert!(!target.is_measurable());
    assert_eq!(target.evaluate(100.0), None);
    assert_eq!(target.parts[0].evaluate(100.0), None);
    assert!(Target::parse("   ").parts.is_empty());
}

#[test]
fn measures_read_in_vietnamese() {
    assert_eq!(one("Trên 99%").to_string(), "trên 99%");
    assert_eq!(one("giảm tối thiểu 2,5%").to_string(), "tối thiểu 2,5%");
    assert_eq!(
        one("ít nhất 04 bài viết").to_string(),
        "tối thiểu 4 bài viết"
    );
}

#[test]
fn targets_round_trip_through_json() {
    let target = Target::parse("(1) ít nhất 30%. (2) 02 báo cáo quý");
    let json = serde_json::to_string(&target).expect("serialize");
    assert_eq!(
        serde_json::from_str::<Target>(&json).expect("deserialize"),
        target
    );
}
