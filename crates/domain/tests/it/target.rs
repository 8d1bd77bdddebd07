//! Target expressions: every seed target that states a number, the reading
//! rules, evaluation, and property tests that the parser never panics.

mod props;
mod rules;
mod seed_binh_dinh;
mod seed_dak_nong;

use cchc_domain::target::Target;

/// "Ge 30 %" for each measurable part, in order.
fn measures(text: &str) -> Vec<String> {
    Target::parse(text)
        .measures()
        .map(|m| format!("{:?} {} {}", m.comparator, m.value, m.unit))
        .collect()
}

/// Checks each seed text's measures.
fn check(cases: &[(&str, &[&str])]) {
    for (text, expected) in cases {
        assert_eq!(measures(text), *expected, "{text}");
    }
}
