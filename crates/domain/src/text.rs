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
