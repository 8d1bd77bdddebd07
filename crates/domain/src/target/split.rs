//! Splitting a target text into parts: at enumerators "(1)", "(2)" and list
//! bullets ("- " before a capital or a number), then at ";" and sentence ends
//! when that separates measurable clauses.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

/// NFC text with HTML tags left by document converters ("<ul ...>") removed
/// and whitespace collapsed to single spaces.
pub(super) fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let opens_tag = c == '<'
            && chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || *n == '/' || *n == '!');
        if opens_tag && chars.clone().any(|n| n == '>') {
            chars.by_ref().find(|n| *n == '>');
            out.push(' ');
        } else if c.is_whitespace() {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    let nfc: String = out.nfc().collect();
    nfc.split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Byte ranges of the list items of `text` (markers excluded).
pub(super) fn items(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for (marker, after) in markers(text) {
        ranges.push(start..marker);
        start = after;
    }
    ranges.push(start..text.len());
    ranges
}

/// Positions of item markers: (start of marker, end of marker).
fn markers(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut found = Vec::new();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let at_word_start = k == 0 || chars[k - 1].1 == ' ';
        if !at_word_start {
            continue;
        }
        if c == '(' {
            // "(1)" .. "(99)"
            let digits = bytes[i + 1..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            let close = i + 1 + digits;
            if (1..=2).contains(&digits) && bytes.get(close) == Some(&b')') {
                found.push((i, close + 1));
            }
        } else if matches!(c, '-' | '+' | '•' | '–') && is_bullet(&chars, k) {
            found.push((i, i + c.len_utf8()));
        }
    }
    found
}

/// A dash opens a list item at the start of the text, or between spaces
/// before a capital letter or a number ("... trực tuyến - 100% TTHC"), but
/// not in "đào tạo - bồi dưỡng" nor in "2016 - 2020".
fn is_bullet(chars: &[(usize, char)], k: usize) -> bool {
    if chars[k].1 == '•' || k == 0 {
        return true;
    }
    if chars.get(k + 1).map(|c| c.1) != Some(' ') {
        return false;
    }
    let next = chars.get(k + 2).map(|c| c.1);
    let prev = k.checked_sub(2).map(|p| chars[p].1);
    match next {
        Some(n) if n.is_uppercase() => true,
        Some(n) if n.is_ascii_digit() => !prev.is_some_and(|p| p.is_ascii_digit()),
        _ => false,
    }
}

/// Byte ranges of the clauses of `range` in `text`: split after ";" and at
/// ". " before a capital letter or a number.
pub(super) fn clauses(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let item = &text[range.clone()];
    let chars: Vec<(usize, char)> = item.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    for (k, &(i, c)) in chars.iter().enumerate() {
        let sentence_end = c == '.'
            && chars.get(k + 1).map(|c| c.1) == Some(' ')
            && chars
                .get(k + 2)
                .is_some_and(|n| n.1.is_uppercase() || n.1.is_ascii_digit());
        if c == ';' || sentence_end {
            out.push(range.start + start..range.start + i + 1);
            start = i + 1;
        }
    }
    out.push(range.start + start..range.end);
    out
}
