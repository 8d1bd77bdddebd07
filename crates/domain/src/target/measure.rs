//! Finding the measurable value of one clause: "trên 99%", "ít nhất 04 bài
//! viết", "từ 90% trở lên". Numbers glued to "/", ":" or "-" belong to
//! references ("Nghị định 61/2018/NĐ-CP", "ISO 9001:2015") and are skipped.

use super::{Comparator, Measure};
use crate::schedule::lex::{Tok, Token, tokenize};

/// Words before a number and the comparator they state; longest first.
const COMPARATORS: &[(&[&str], Comparator)] = &[
    (&["khong", "vuot", "qua"], Comparator::Le),
    (&["khong", "it", "hon"], Comparator::Ge),
    (&["nhieu", "hon"], Comparator::Gt),
    (&["khong", "duoi"], Comparator::Ge),
    (&["khong", "qua"], Comparator::Le),
    (&["it", "nhat"], Comparator::Ge),
    (&["toi", "thieu"], Comparator::Ge),
    (&["toi", "da"], Comparator::Le),
    (&["it", "hon"], Comparator::Lt),
    (&["tren"], Comparator::Gt),
    (&["hon"], Comparator::Gt),
    (&["duoi"], Comparator::Lt),
    (&["bang"], Comparator::Eq),
    (&["tu"], Comparator::Ge),
];

/// Words that mark a number as a level to reach, without a comparator.
const REACH: &[&[&str]] = &[&["dat"], &["hoan", "thanh"], &["giai", "ngan"]];

/// Count units, folded; longest first where one begins another.
const COUNT_UNITS: &[&[&str]] = &[
    &["bao", "cao", "quy"],
    &["bao", "cao", "thang"],
    &["bao", "cao", "nam"],
    &["bao", "cao"],
    &["bai", "viet"],
    &["tin", "bai"],
    &["bai"],
    &["sang", "kien"],
    &["giai", "phap"],
    &["de", "tai"],
    &["mo", "hinh"],
    &["thu", "tuc", "hanh", "chinh"],
    &["thu", "tuc"],
    &["tthc"],
    &["ho", "so"],
    &["van", "ban"],
    &["ke", "hoach"],
    &["noi", "dung"],
    &["nhiem", "vu"],
    &["chuyen", "de"],
    &["hoi", "nghi"],
    &["cuoc", "hop"],
    &["cuoc"],
    &["lop"],
    &["lan"],
    &["luot"],
    &["dot"],
    &["buoi"],
    &["nguoi"],
    &["don", "vi"],
    &["co", "quan"],
];

/// Duration units: a target only with an explicit comparator ("tối đa 15
/// ngày"); otherwise a period in the text ("(05 năm)", "6 tháng").
const DURATION_UNITS: &[&[&str]] = &[
    &["ngay", "lam", "viec"],
    &["ngay"],
    &["tuan"],
    &["thang"],
    &["quy"],
    &["nam"],
    &["gio"],
];

/// One number found in a clause.
struct Candidate {
    measure: Measure,
    percent: bool,
}

/// The measure of a clause: its first percentage, else its first count.
pub(super) fn find(clause: &str) -> Option<Measure> {
    let tokens = tokenize(clause);
    let candidates: Vec<Candidate> = (0..tokens.len())
        .filter_map(|i| candidate(clause, &tokens, i))
        .collect();
    let first_percent = candidates.iter().position(|c| c.percent);
    let chosen = first_percent.or((!candidates.is_empty()).then_some(0))?;
    candidates.into_iter().nth(chosen).map(|c| c.measure)
}

/// Words after which a number is a name, not a target: "năm 2021",
/// "số 07", "mức độ 2", "nhóm 3".
const NAMING: &[&[&str]] = &[
    &["nam"],
    &["so"],
    &["muc", "do"],
    &["nhom"],
    &["cap"],
    &["dieu"],
];

/// Whether `t` touches the token before it and is one of `chars` or a word.
fn glued(t: Option<&Token>, chars: &[char]) -> bool {
    t.is_some_and(|t| {
        !t.space_before && (chars.iter().any(|c| t.is_punct(*c)) || t.word().is_some())
    })
}

fn candidate(clause: &str, tokens: &[Token], i: usize) -> Option<Candidate> {
    tokens[i].num()?;
    let prev = i.checked_sub(1).map(|p| &tokens[p]);
    let glued_before = !tokens[i].space_before
        && prev.is_some_and(|p| {
            p.word().is_some() || p.num().is_some() || "/-:.,".chars().any(|c| p.is_punct(c))
        });
    if glued_before || NAMING.iter().any(|w| words_end_at(tokens, i, w)) {
        return None;
    }
    let (value, mut j) = number(clause, tokens, i)?;
    if glued(tokens.get(j), &['/', ':', '-']) {
        return None;
    }
    let percent = tokens.get(j).is_some_and(|t| t.is_punct('%'));
    if in_range(tokens, i, j + usize::from(percent)) {
        return None;
    }
    let before = comparator_before(tokens, i);
    let (unit, after_unit) = if percent {
        j += 1;
        ("%".to_owned(), j)
    } else {
        count_unit(clause, tokens, j, before.is_some(), reaches(tokens, i))?
    };
    let comparator = match (before, comparator_after(tokens, after_unit)) {
        (Some(Comparator::Ge) | None, Some(after)) => after,
        (Some(before), _) => before,
        // A bare level ("100%", "02 báo cáo quý", "Đạt 05 TTHC") is reached
        // by any value at or above it.
        (None, None) => Comparator::Ge,
    };
    Some(Candidate {
        measure: Measure {
            comparator,
            value,
            unit,
        },
        percent,
    })
}

/// The number starting at `i`: "100", "2,5" (decimal comma), "1.000"
/// (thousands dot), "99.5". Returns the value and the index after it.
fn number(clause: &str, tokens: &[Token], i: usize) -> Option<(f64, usize)> {
    let digits = |t: &Token| t.num().map(|_| &clause[t.start..t.end]);
    let glued_num = |k: usize| tokens.get(k).filter(|t| !t.space_before).and_then(digits);
    let glued_punct = |k: usize, c: char| {
        tokens
            .get(k)
            .is_some_and(|t| t.is_punct(c) && !t.space_before)
    };
    let mut text = digits(&tokens[i])?.to_owned();
    let mut j = i + 1;
    while glued_punct(j, '.')
        && let Some(group) = glued_num(j + 1).filter(|g| g.len() == 3)
    {
        text.push_str(group);
        j += 2;
    }
    // A dot before other than three digits can only be a decimal point
    // ("99.5%" from converters using English separators).
    let dot_decimal = glued_punct(j, '.') && glued_num(j + 1).is_some_and(|g| g.len() != 3);
    if (glued_punct(j, ',') || dot_decimal)
        && let Some(fraction) = glued_num(j + 1)
    {
        text.push('.');
        text.push_str(fraction);
        j += 2;
    }
    let value: f64 = text.parse().ok()?;
    value.is_finite().then_some((value, j))
}

fn words_end_at(tokens: &[Token], end: usize, words: &[&str]) -> bool {
    end >= words.len()
        && end <= tokens.len()
        && words
            .iter()
            .zip(&tokens[end - words.len()..end])
            .all(|(w, t)| t.word() == Some(*w))
}

fn comparator_before(tokens: &[Token], i: usize) -> Option<Comparator> {
    if let Some(sym) = symbol_before(tokens, i) {
        return Some(sym);
    }
    COMPARATORS
        .iter()
        .find(|(words, _)| words_end_at(tokens, i, words))
        .map(|(_, c)| *c)
}

/// "≥ 90%", ">= 90%", "> 99%", "< 5%", "= 100%".
fn symbol_before(tokens: &[Token], i: usize) -> Option<Comparator> {
    let p = |k: usize| match tokens.get(k).map(|t| &t.tok) {
        Some(Tok::Punct(c)) => Some(*c),
        _ => None,
    };
    let last = p(i.checked_sub(1)?)?;
    let before = i.checked_sub(2).and_then(p);
    Some(match (before, last) {
        (Some('>'), '=') => Comparator::Ge,
        (Some('<'), '=') => Comparator::Le,
        (_, '≥') => Comparator::Ge,
        (_, '≤') => Comparator::Le,
        (_, '>') => Comparator::Gt,
        (_, '<') => Comparator::Lt,
        (_, '=') => Comparator::Eq,
        _ => return None,
    })
}

/// "trở lên" / "trở xuống" after the value.
fn comparator_after(tokens: &[Token], j: usize) -> Option<Comparator> {
    let rest = &tokens[j.min(tokens.len())..];
    let mut k = 0;
    // "từ 85% số cơ sở nhà, đất trở lên": allow a few words in between.
    while k < rest.len() && k < 8 {
        if words_end_at(rest, k + 2, &["tro", "len"]) {
            return Some(Comparator::Ge);
        }
        if words_end_at(rest, k + 2, &["tro", "xuong"]) {
            return Some(Comparator::Le);
        }
        k += 1;
    }
    None
}

fn reaches(tokens: &[Token], i: usize) -> bool {
    REACH.iter().any(|w| words_end_at(tokens, i, w))
}

/// Part of a range "từ 70% đến dưới 100%": not a single target.
fn in_range(tokens: &[Token], i: usize, j: usize) -> bool {
    let after = tokens.get(j).and_then(Token::word);
    let prev = |n: usize| {
        i.checked_sub(n)
            .and_then(|k| tokens.get(k))
            .and_then(Token::word)
    };
    matches!(after, Some("den" | "toi"))
        || prev(1) == Some("den")
        || (prev(2) == Some("den") && matches!(prev(1), Some("duoi" | "tren" | "het")))
}

/// The unit after a count: a known unit; a duration after a comparator;
/// after a comparator or "đạt", the next one or two words.
fn count_unit(
    clause: &str,
    tokens: &[Token],
    j: usize,
    comparator: bool,
    reach: bool,
) -> Option<(String, usize)> {
    let slice = |a: usize, b: usize| clause[tokens[a].start..tokens[b - 1].end].to_owned();
    let at = |words: &&&[&str]| {
        words
            .iter()
            .enumerate()
            .all(|(k, w)| tokens.get(j + k).and_then(Token::word) == Some(*w))
    };
    if let Some(words) = COUNT_UNITS.iter().find(at) {
        return Some((slice(j, j + words.len()), j + words.len()));
    }
    if let Some(words) = DURATION_UNITS.iter().find(at) {
        return comparator.then(|| (slice(j, j + words.len()), j + words.len()));
    }
    if !(comparator || reach) {
        return None;
    }
    const STOP: &[&str] = &[
        "va", "hoac", "ve", "trong", "cua", "tren", "duoc", "cho", "tai",
    ];
    let n = tokens[j.min(tokens.len())..]
        .iter()
        .take(2)
        .take_while(|t| t.word().is_some_and(|w| !STOP.contains(&w)))
        .count();
    Some(if n == 0 {
        (String::new(), j)
    } else {
        (slice(j, j + n), j + n)
    })
}
