//! Matching unit names written in a plan to the organisation's units:
//! 1. group phrases: "các đơn vị trực thuộc" -> every subordinate unit,
//!    "các phòng chức năng/chuyên môn", "phòng CMNV" -> every division;
//! 2. exact: name, short name, alias or code equal once folded, also with
//!    the department suffix dropped ("Văn phòng Sở" = "Văn phòng");
//! 3. fuzzy: word overlap and character similarity, accepted from
//!    [`FUZZY_THRESHOLD`] when one unit clearly beats the others.
//!
//! What matches nothing is returned unmatched for the user to map.

use cchc_domain::text::fold;
use cchc_domain::units::{Unit, UnitKind};

use super::preview::{MatchKind, UnitRef};

/// The similarity from which a fuzzy match is proposed.
pub const FUZZY_THRESHOLD: f64 = 0.75;

/// Phrases (folded words, consecutive) naming all units of a kind.
const GROUPS: &[(&[&str], UnitKind)] = &[
    (&["don", "vi", "truc", "thuoc"], UnitKind::Subordinate),
    (&["don", "vi", "su", "nghiep"], UnitKind::Subordinate),
    (&["phong", "chuyen", "mon"], UnitKind::Division),
    (&["phong", "chuc", "nang"], UnitKind::Division),
    (&["phong", "cmnv"], UnitKind::Division),
    (&["phong", "cm"], UnitKind::Division),
    (&["phong", "nghiep", "vu"], UnitKind::Division),
    (&["phong", "thuoc", "so"], UnitKind::Division),
    (&["phong", "ban", "thuoc", "so"], UnitKind::Division),
];

/// Matches of one name: several for a group phrase, one otherwise.
pub(crate) fn match_name(text: &str, units: &[Unit]) -> Vec<UnitRef> {
    let words = words(text);
    if let Some(kind) = group_kind(&words) {
        let members: Vec<UnitRef> = units
            .iter()
            .filter(|u| u.kind == kind)
            .map(|u| found(text, u, 1.0, MatchKind::Group))
            .collect();
        if !members.is_empty() {
            return members;
        }
    }
    let core = strip_department(&words);
    if let Some(unit) = units.iter().find(|u| {
        keys(u)
            .iter()
            .any(|k| *k == words || strip_department(k) == core)
    }) {
        return vec![found(text, unit, 1.0, MatchKind::Exact)];
    }
    let mut scored: Vec<(f64, &Unit)> = units
        .iter()
        .map(|u| (best_similarity(&core, u), u))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    match scored.as_slice() {
        [(best, unit), rest @ ..]
            if *best >= FUZZY_THRESHOLD && rest.first().is_none_or(|(s, _)| best - s >= 0.05) =>
        {
            vec![found(text, unit, round(*best), MatchKind::Fuzzy)]
        }
        _ => vec![UnitRef {
            text: text.to_owned(),
            unit_id: None,
            unit_name: None,
            score: round(scored.first().map_or(0.0, |(s, _)| *s)),
            matched_by: MatchKind::None,
        }],
    }
}

fn found(text: &str, unit: &Unit, score: f64, matched_by: MatchKind) -> UnitRef {
    UnitRef {
        text: text.to_owned(),
        unit_id: Some(unit.id),
        unit_name: Some(unit.name.clone()),
        score,
        matched_by,
    }
}

fn round(score: f64) -> f64 {
    (score * 100.0).round() / 100.0
}

/// Folded words, punctuation dropped, leading "các"/"những" dropped.
fn words(text: &str) -> Vec<String> {
    let folded = fold(text);
    let mut words: Vec<String> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    if words.first().is_some_and(|w| w == "cac" || w == "nhung") {
        words.remove(0);
    }
    words
}

/// A group phrase, unless it only names "related" units, which the user picks.
fn group_kind(words: &[String]) -> Option<UnitKind> {
    if contains(words, &["lien", "quan"]) {
        return None;
    }
    if words == ["phong"] || words == ["phong", "so"] {
        return Some(UnitKind::Division);
    }
    GROUPS
        .iter()
        .find(|(phrase, _)| contains(words, phrase))
        .map(|(_, kind)| *kind)
}

fn contains(words: &[String], phrase: &[&str]) -> bool {
    words
        .windows(phrase.len())
        .any(|w| w.iter().zip(phrase).all(|(a, b)| a == b))
}

/// "Văn phòng Sở Y tế" -> "văn phòng": plans name divisions with or without
/// the department after them.
fn strip_department(words: &[String]) -> Vec<String> {
    for suffix in [&["so", "y", "te"][..], &["so"][..]] {
        let n = words.len();
        if n > suffix.len()
            && words[n - suffix.len()..]
                .iter()
                .zip(suffix)
                .all(|(w, s)| w == s)
        {
            return words[..n - suffix.len()].to_vec();
        }
    }
    words.to_vec()
}

fn keys(unit: &Unit) -> Vec<Vec<String>> {
    let mut keys = vec![words(&unit.name), words(&unit.code)];
    keys.extend(unit.short_name.iter().map(|s| words(s)));
    keys.extend(unit.aliases.iter().map(|a| words(a)));
    keys.retain(|k| !k.is_empty());
    keys
}

/// Word overlap (Dice) blended with character bigram similarity, against
/// the unit's name, short name and aliases of at least two words.
fn best_similarity(core: &[String], unit: &Unit) -> f64 {
    if core.is_empty() {
        return 0.0;
    }
    keys(unit)
        .iter()
        .filter(|k| k.len() >= 2)
        .map(|k| {
            let k = strip_department(k);
            let common = core.iter().filter(|w| k.contains(w)).count();
            let dice = 2.0 * common as f64 / (core.len() + k.len()) as f64;
            let chars = strsim::sorensen_dice(&core.join(" "), &k.join(" "));
            0.6 * dice + 0.4 * chars
        })
        .fold(0.0, f64::max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn unit(id: i64, name: &str, kind: UnitKind, aliases: &[&str]) -> Unit {
        Unit {
            id,
            code: format!("U{id}"),
            name: name.into(),
            short_name: None,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            kind,
            parent_id: None,
            valid_from: NaiveDate::from_ymd_opt(2019, 1, 1).unwrap(),
            valid_to: None,
            version: 1,
        }
    }

    fn units() -> Vec<Unit> {
        vec![
            unit(1, "Sở Y tế", UnitKind::Department, &[]),
            unit(2, "Văn phòng Sở", UnitKind::Division, &["VPS"]),
            unit(3, "Phòng Kế hoạch - Tài chính", UnitKind::Division, &[]),
            unit(4, "Phòng Tổ chức cán bộ", UnitKind::Division, &["TCCB"]),
            unit(
                5,
                "Trung tâm Kiểm soát bệnh tật tỉnh",
                UnitKind::Subordinate,
                &["CDC"],
            ),
            unit(6, "Bệnh viện đa khoa tỉnh", UnitKind::Subordinate, &[]),
        ]
    }

    fn ids(refs: &[UnitRef]) -> Vec<Option<i64>> {
        refs.iter().map(|r| r.unit_id).collect()
    }

    #[test]
    fn exact_names_aliases_and_department_suffix() {
        let u = units();
        assert_eq!(ids(&match_name("Văn phòng Sở", &u)), [Some(2)]);
        assert_eq!(ids(&match_name("VPS", &u)), [Some(2)]);
        assert_eq!(ids(&match_name("Phòng Tổ chức Cán bộ Sở", &u)), [Some(4)]);
        assert_eq!(
            match_name("Phòng Kế hoạch Tài chính Sở", &u)[0].matched_by,
            MatchKind::Exact
        );
        assert_eq!(ids(&match_name("Sở Y tế", &u)), [Some(1)]);
    }

    #[test]
    fn groups_and_fuzzy() {
        let u = units();
        assert_eq!(
            ids(&match_name("các đơn vị trực thuộc", &u)),
            [Some(5), Some(6)]
        );
        assert_eq!(
            ids(&match_name("các phòng CM, NV", &u)),
            [Some(2), Some(3), Some(4)]
        );
        let cdc = match_name("Trung tâm Kiểm soát Bệnh tật", &u);
        assert_eq!(
            (cdc[0].unit_id, cdc[0].matched_by),
            (Some(5), MatchKind::Fuzzy)
        );
        assert!(cdc[0].score >= FUZZY_THRESHOLD && cdc[0].score < 1.0);
        let none = match_name("Hội đồng Sáng kiến Sở Y tế", &u);
        assert_eq!(
            (none[0].unit_id, none[0].matched_by),
            (None, MatchKind::None)
        );
        assert_eq!(
            match_name("các đơn vị trực thuộc liên quan", &u)[0].unit_id,
            None
        );
        assert_eq!(
            match_name("Văn phòng Sở", &[])[0].matched_by,
            MatchKind::None
        );
    }
}
