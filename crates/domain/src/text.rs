//! Vietnamese text helpers: NFC normalisation, whitespace cleanup and the
//! diacritic-insensitive folding used for search columns ("Văn phòng" -> "van phong").

use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};

/// Normalises user input to NFC and trims it; inner whitespace runs become one space.
pub fn clean(input: &str) -> String {
    let nfc: String = input.nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Folds text for diacritic-insensitive matching: lowercase, no combining marks,
/// `đ` -> `d`, whitespace collapsed. Stored in `*_folded` columns and applied to queries.
pub fn fold(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut last_space = true;
    for c in input.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        let c = match c {
            'đ' | 'Đ' => 'd',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
            continue;
        }
        out.extend(c.to_lowercase());
        last_space = false;
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// True when every word of `query` (folded) occurs in `haystack_folded`.
pub fn matches_folded(haystack_folded: &str, query: &str) -> bool {
    fold(query)
        .split(' ')
        .filter(|w| !w.is_empty())
        .all(|w| haystack_folded.contains(w))
}

/// An integer with Vietnamese thousands separators: 1234567 -> "1.234.567".
pub fn number_vn(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// A sort key in Vietnamese dictionary order: letters by the Vietnamese
/// alphabet (a ă â b c d đ e ê g ... o ô ơ ... u ư v x y), then tones
/// (none, huyền, hỏi, ngã, sắc, nặng) as a tie-break, then case. Hand-rolled
/// instead of ICU collation data: it is the only locale we sort in and the
/// rules fit in a table, while ICU adds megabytes to the binary and the build.
pub fn sort_key(input: &str) -> Vec<u32> {
    let mut primary = Vec::with_capacity(input.len());
    let mut tones = Vec::new();
    let mut cases = Vec::new();
    for c in input.nfd() {
        // Letter-forming marks (breve, circumflex, horn) change the base letter.
        let modifier = match c {
            '\u{0306}' => Some(1),
            '\u{0302}' => Some(2),
            '\u{031B}' => Some(3),
            _ => None,
        };
        if let Some(m) = modifier {
            if let Some(last) = primary.last_mut() {
                *last += m;
            }
            continue;
        }
        let tone = match c {
            '\u{0300}' => Some(1),
            '\u{0309}' => Some(2),
            '\u{0303}' => Some(3),
            '\u{0301}' => Some(4),
            '\u{0323}' => Some(5),
            _ => None,
        };
        if let Some(t) = tone {
            if let Some(last) = tones.last_mut() {
                *last = t;
            }
            continue;
        }
        if is_combining_mark(c) {
            continue;
        }
        let lower = c.to_lowercase().next().unwrap_or(c);
        cases.push(u32::from(lower != c));
        tones.push(0);
        // Each letter gets a slot of 4 so the modified letters sort right after it.
        let weight = match lower {
            'đ' => u32::from('d') * 4 + 1,
            l => u32::from(l) * 4,
        };
        primary.push(weight);
    }
    let mut key = primary;
    key.push(0);
    key.extend(tones);
    key.push(0);
    key.extend(cases);
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_vietnamese() {
        assert_eq!(fold("Văn phòng  Sở"), "van phong so");
        assert_eq!(fold("ĐẮK NÔNG"), "dak nong");
        assert_eq!(fold("  Phòng Nghiệp vụ Y\u{0301} "), "phong nghiep vu y");
    }

    #[test]
    fn sorts_in_vietnamese_alphabet_order() {
        let mut names = vec![
            "Ý tế",
            "Đông Sơn",
            "Ân",
            "Dương",
            "Ăn",
            "An",
            "Bắc",
            "ô",
            "ơ",
            "o",
            "Thanh",
            "Ủy ban",
        ];
        names.sort_by_key(|s| sort_key(s));
        assert_eq!(
            names,
            vec![
                "An",
                "Ăn",
                "Ân",
                "Bắc",
                "Dương",
                "Đông Sơn",
                "o",
                "ô",
                "ơ",
                "Thanh",
                "Ủy ban",
                "Ý tế"
            ]
        );
        let mut tones = vec!["má", "mạ", "ma", "mả", "mà", "mã"];
        tones.sort_by_key(|s| sort_key(s));
        assert_eq!(tones, vec!["ma", "mà", "mả", "mã", "má", "mạ"]);
        assert!(sort_key("Phòng Tổ chức") < sort_key("Thanh tra Sở"));
        assert!(sort_key("Trung tâm") < sort_key("Trung tâm Y tế"));
    }

    #[test]
    fn clean_normalises_to_nfc() {
        let decomposed = "Vă\u{0300}n"; // composed in NFC differently
        assert_eq!(
            clean(&format!("  {decomposed}   phòng ")),
            format!("{} phòng", decomposed.nfc().collect::<String>())
        );
    }

    #[test]
    fn matching_ignores_word_order_and_marks() {
        assert!(matches_folded(&fold("Văn phòng Sở Y tế"), "van phong"));
        assert!(matches_folded(&fold("Văn phòng Sở Y tế"), "Sở văn"));
        assert!(!matches_folded(&fold("Văn phòng Sở Y tế"), "thanh tra"));
    }
}
