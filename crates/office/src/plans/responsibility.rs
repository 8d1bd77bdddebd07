//! Who does a task, read from a responsibility cell into lead (chủ trì) and
//! cooperating (phối hợp) unit names:
//! - "Chủ trì: X Thực hiện: Y" and "Chủ trì: X; Phối hợp: Y": labelled parts
//!   ("thực hiện" units are the ones carrying the work with the lead);
//! - "X phối hợp (với) Y": X leads, Y cooperates;
//! - "X; Y", "X, Y", "X và Y": several names with the column's role.
//!
//! A comma or "và" separates names only when a new name follows (a capital
//! letter or "các"), so "các phòng CM, NV" and "huyện, thị xã" stay whole.

use cchc_domain::text::{clean, fold};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Lead,
    Cooperating,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Names {
    pub lead: Vec<String>,
    pub cooperating: Vec<String>,
}

struct Word {
    start: usize,
    end: usize,
    /// Folded, without a trailing colon.
    bare: String,
    colon: bool,
}

/// Reads a responsibility text; unlabelled names get `default`.
pub(crate) fn parse(text: &str, default: Role) -> Names {
    let text = clean(&space_after_colons(text));
    let words = words(&text);
    let mut names = Names::default();
    let mut role = default;
    let mut from = 0;
    let mut i = 0;
    while i < words.len() {
        match label_at(&words, i) {
            Some((len, next_role)) => {
                add(&mut names, role, segment(&text, &words, from, i));
                role = next_role;
                i += len;
                from = i;
            }
            None => i += 1,
        }
    }
    add(&mut names, role, segment(&text, &words, from, words.len()));
    names
}

fn add(names: &mut Names, role: Role, segment: &str) {
    let list = match role {
        Role::Lead => &mut names.lead,
        Role::Cooperating => &mut names.cooperating,
    };
    list.extend(split_names(segment));
}

/// "Chủ trì:Văn phòng" -> "Chủ trì: Văn phòng" (not "9001:2015").
fn space_after_colons(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if c == ':' && chars.peek().is_some_and(|n| n.is_alphabetic()) {
            out.push(' ');
        }
    }
    out
}

fn words(text: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                let folded = fold(&text[s..i]);
                let colon = folded.ends_with(':');
                words.push(Word {
                    start: s,
                    end: i,
                    bare: folded.trim_end_matches(':').to_owned(),
                    colon,
                });
                start = None;
            }
            _ => {}
        }
    }
    words
}

/// A label at word `i`: its length in words and the role of what follows.
fn label_at(words: &[Word], i: usize) -> Option<(usize, Role)> {
    const LABELS: [(&[&str], Role); 3] = [
        (&["chu", "tri"], Role::Lead),
        (&["phoi", "hop"], Role::Cooperating),
        (&["thuc", "hien"], Role::Cooperating),
    ];
    for (sequence, role) in LABELS {
        let n = sequence.len();
        let Some(candidate) = words.get(i..i + n) else {
            continue;
        };
        let same = candidate.iter().zip(sequence).all(|(w, s)| w.bare == *s);
        if !same || candidate[..n - 1].iter().any(|w| w.colon) {
            continue;
        }
        let lone_colon = words
            .get(i + n)
            .is_some_and(|w| w.bare.is_empty() && w.colon);
        let colon = candidate[n - 1].colon || lone_colon;
        // "chủ trì" opens a cell without a colon; "phối hợp" links "X phối
        // hợp Y"; "thực hiện" is a label only with its colon.
        let accepted = colon || (sequence[0] == "chu" && i == 0) || sequence[0] == "phoi";
        if !accepted {
            continue;
        }
        let mut len = n + usize::from(lone_colon);
        if role == Role::Cooperating
            && !colon
            && words.get(i + len).is_some_and(|w| w.bare == "voi")
        {
            len += 1;
        }
        return Some((len, role));
    }
    None
}

fn segment<'t>(text: &'t str, words: &[Word], from: usize, to: usize) -> &'t str {
    if from >= to {
        return "";
    }
    &text[words[from].start..words[to - 1].end]
}

/// Splits a list of names at ";", and at ", " or " và " before a new name.
pub(crate) fn split_names(segment: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for part in segment.split(';') {
        let mut pieces: Vec<(&str, &str)> = Vec::new();
        let mut rest = part;
        let mut separator = "";
        loop {
            let next = [", ", " và "]
                .into_iter()
                .filter_map(|sep| find_split(rest, sep).map(|at| (at, sep)))
                .min_by_key(|(at, _)| *at);
            let Some((at, sep)) = next else {
                pieces.push((separator, rest));
                break;
            };
            pieces.push((separator, &rest[..at]));
            rest = &rest[at + sep.len()..];
            separator = sep;
        }
        let mut merged: Vec<String> = Vec::new();
        for (sep, piece) in pieces {
            let piece = trim_name(piece);
            match merged.last_mut() {
                Some(last) if is_abbreviation(piece) => {
                    last.push_str(sep);
                    last.push_str(piece);
                }
                _ => merged.push(piece.to_owned()),
            }
        }
        names.extend(
            merged
                .into_iter()
                .filter(|n| n.chars().any(char::is_alphanumeric)),
        );
    }
    names
}

/// The first `sep` in `s` that is followed by a new name.
fn find_split(s: &str, sep: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(found) = s[from..].find(sep) {
        let at = from + found;
        let after = &s[at + sep.len()..];
        let folded = fold(after);
        let new_name = after.chars().next().is_some_and(char::is_uppercase)
            || folded.starts_with("cac ")
            || folded.starts_with("nhung ");
        if new_name {
            return Some(at);
        }
        from = at + sep.len();
    }
    None
}

fn trim_name(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || ",.;:-–+•".contains(c))
}

/// "NV" in "các phòng CM, NV": a short upper-case code continuing a name.
fn is_abbreviation(s: &str) -> bool {
    !s.is_empty()
        && s.chars().count() <= 4
        && !s.contains(' ')
        && s.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> (Vec<String>, Vec<String>) {
        let n = parse(text, Role::Lead);
        (n.lead, n.cooperating)
    }

    fn v(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn labelled_lead_and_implementers() {
        assert_eq!(
            p("Chủ trì: Văn phòng Sở Thực hiện: các phòng chức năng và các đơn vị trực thuộc"),
            (
                v(&["Văn phòng Sở"]),
                v(&["các phòng chức năng", "các đơn vị trực thuộc"])
            )
        );
        assert_eq!(
            p("Chủ trì: Phòng Tổ chức Cán bộ Sở. Thực hiện: các phòng chức năng"),
            (v(&["Phòng Tổ chức Cán bộ Sở"]), v(&["các phòng chức năng"]))
        );
        assert_eq!(
            p("Chủ trì: Văn phòng Sở Thực hiện:"),
            (v(&["Văn phòng Sở"]), v(&[]))
        );
        assert_eq!(
            p("Chủ trì: Văn phòng Sở; Phối hợp: Thanh tra Sở"),
            (v(&["Văn phòng Sở"]), v(&["Thanh tra Sở"]))
        );
    }

    #[test]
    fn lists_without_labels() {
        assert_eq!(
            p("Văn phòng Sở; các đơn vị trực thuộc"),
            (v(&["Văn phòng Sở", "các đơn vị trực thuộc"]), v(&[]))
        );
        assert_eq!(
            p("Phòng Tổ chức Cán bộ và các đơn vị trực thuộc"),
            (
                v(&["Phòng Tổ chức Cán bộ", "các đơn vị trực thuộc"]),
                v(&[])
            )
        );
        assert_eq!(
            p("Văn phòng Sở phối hợp các phòng chức năng và các đơn vị trực thuộc"),
            (
                v(&["Văn phòng Sở"]),
                v(&["các phòng chức năng", "các đơn vị trực thuộc"])
            )
        );
        assert_eq!(
            p("Chủ trì: Văn phòng Sở Thực hiện: các phòng CM, NV và các đơn vị trực thuộc"),
            (
                v(&["Văn phòng Sở"]),
                v(&["các phòng CM, NV", "các đơn vị trực thuộc"])
            )
        );
        assert_eq!(
            p("Thanh tra Sở, Phòng Tổ chức cán bộ"),
            (v(&["Thanh tra Sở", "Phòng Tổ chức cán bộ"]), v(&[]))
        );
        assert_eq!(
            p("Các cơ quan, đơn vị, có liên quan").0,
            v(&["Các cơ quan, đơn vị, có liên quan"])
        );
        assert_eq!(
            p("Phòng Kế hoạch - Tài chính").0,
            v(&["Phòng Kế hoạch - Tài chính"])
        );
        let coop = parse(
            "Các phòng thuộc Sở; các đơn vị trực thuộc Sở",
            Role::Cooperating,
        );
        assert_eq!(
            coop.cooperating,
            v(&["Các phòng thuộc Sở", "các đơn vị trực thuộc Sở"])
        );
    }
}
