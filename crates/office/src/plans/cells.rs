//! Cell text as the importer uses it: inline markup stripped, NFC,
//! whitespace collapsed; and the join of a cell split by a page break.

use cchc_domain::text::{clean, fold};

/// Tags that only style text: removed without a trace.
const INLINE_TAGS: &[&str] = &[
    "b", "i", "u", "s", "em", "strong", "span", "font", "sup", "sub", "mark",
];
/// Tags that break lines: replaced by a space.
const BLOCK_TAGS: &[&str] = &["br", "p", "div", "ul", "ol", "li"];

/// Cleans one cell or paragraph: HTML-like tags (`<i>`, `<ul style=...>`)
/// and Markdown emphasis (`**`) removed, NFC, one space between words.
pub(crate) fn clean_cell(raw: &str) -> String {
    let without_tags = strip_tags(raw);
    clean(&strip_emphasis(&without_tags))
}

fn strip_tags(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        match tag_len(after) {
            Some((len, block)) => {
                if block {
                    out.push(' ');
                }
                rest = &after[len..];
            }
            None => {
                out.push('<');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The byte length of a known tag at the start of `s` and whether it breaks lines.
fn tag_len(s: &str) -> Option<(usize, bool)> {
    let close = s.find('>')?;
    if close > 300 {
        return None;
    }
    let inner = s[1..close].trim_start_matches('/').trim_end_matches('/');
    let name: String = inner
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    let rest = &inner[name.len()..];
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    if INLINE_TAGS.contains(&name.as_str()) {
        Some((close + 1, false))
    } else if BLOCK_TAGS.contains(&name.as_str()) {
        Some((close + 1, true))
    } else {
        None
    }
}

/// Removes runs of two or more `*` (Markdown bold) and a single `*` that
/// touches text on one side only (italic marks); a lone `*` between spaces
/// ("3 * 4") stays. Marks glued between two words leave a space.
fn strip_emphasis(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '*' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let run = chars[i..].iter().take_while(|&&c| c == '*').count();
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + run).copied();
        let word = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
        let marker =
            run >= 2 || word(before) != word(after) || (before.is_none() && after.is_none());
        if !marker {
            out.extend(std::iter::repeat_n('*', run));
        } else if word(before)
            && word(after)
            && !before.is_some_and(|c| "([/".contains(c))
            && !after.is_some_and(|c| ",.;:)]".contains(c))
        {
            // "PHỤ LỤC:**Nội dung": two words glued by the marks.
            out.push(' ');
        }
        i += run;
    }
    out
}

/// The two halves of a cell split by a page break, joined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Joined {
    pub text: String,
    /// Words the second half repeated from the end of the first and that
    /// were dropped ("cán bộ" + "bộ" -> "cán bộ").
    pub dropped: Option<String>,
}

/// Joins the two halves of a cell that a page break split.
///
/// Vietnamese words are single syllables separated by spaces, so a split
/// always falls between two words ("Mức độ hoàn thành kế" + "hoạch theo
/// dõi") and takes a space. No space only where the text itself has none:
/// after an opening bracket, a slash or a hyphen glued to the word before
/// ("4096/UBND-" + "NC"), and before closing punctuation.
///
/// Documents converted from PDF repeat the line that straddles the page
/// break ("... nhiệm vụ" + "vụ quản lý", "Phòng Tổ chức cán bộ" + "bộ"): up to
/// three words at the start of the second half that repeat the end of the
/// first are dropped, and reported so the importer can warn.
pub(crate) fn join_split(first: &str, second: &str) -> Joined {
    let (first, second) = (first.trim_end(), second.trim_start());
    if first.is_empty() || second.is_empty() {
        return Joined {
            text: format!("{first}{second}"),
            dropped: None,
        };
    }
    let (second, dropped) = drop_repeated_words(first, second);
    if second.is_empty() {
        return Joined {
            text: first.to_owned(),
            dropped,
        };
    }
    let glued_end = first.ends_with(['(', '[', '/', '“', '"']) || glued_hyphen(first);
    let glued_start = second.starts_with([',', '.', ';', ':', ')', ']', '%', '!', '?', '”']);
    let text = if glued_end || glued_start {
        format!("{first}{second}")
    } else {
        format!("{first} {second}")
    };
    Joined { text, dropped }
}

/// Removes from the start of `second` the longest run of 1 to 3 words that
/// repeats the end of `first` (compared folded, punctuation aside).
fn drop_repeated_words<'s>(first: &str, second: &'s str) -> (&'s str, Option<String>) {
    let key = |w: &str| fold(w.trim_matches(|c: char| !c.is_alphanumeric()));
    let tail: Vec<String> = first.split_whitespace().rev().take(3).map(key).collect();
    let head: Vec<&str> = second.split_whitespace().take(3).collect();
    for n in (1..=head.len().min(tail.len())).rev() {
        let ends: Vec<&String> = tail[..n].iter().rev().collect();
        let starts: Vec<String> = head[..n].iter().map(|w| key(w)).collect();
        let words = starts
            .iter()
            .all(|w| w.chars().count() >= 2 && w.chars().all(char::is_alphabetic));
        if words && ends.iter().zip(&starts).all(|(a, b)| *a == b) {
            let repeated = head[..n].join(" ");
            let mut rest = second;
            for word in &head[..n] {
                rest = rest.trim_start().strip_prefix(word).unwrap_or(rest);
            }
            return (rest.trim_start(), Some(repeated));
        }
    }
    (second, None)
}

/// "UBND-" (a hyphen inside a code), but not "Kế hoạch -" (a dash between words).
fn glued_hyphen(s: &str) -> bool {
    let mut rev = s.chars().rev();
    rev.next() == Some('-') && rev.next().is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_markup() {
        assert_eq!(
            clean_cell("<ul style=\"list-style-type: none\"> - Nền tảng <b>số</b> </ul>"),
            "- Nền tảng số"
        );
        assert_eq!(
            clean_cell("**KT.GIÁM ĐỐC\nPHÓ GIÁM ĐỐC**"),
            "KT.GIÁM ĐỐC PHÓ GIÁM ĐỐC"
        );
        assert_eq!(clean_cell("<i>Đắk Nông</i>, ngày"), "Đắk Nông, ngày");
        assert_eq!(clean_cell("tỷ lệ <5% và 3 * 4"), "tỷ lệ <5% và 3 * 4");
        assert_eq!(clean_cell("a <x> b"), "a <x> b");
    }

    #[test]
    fn joins_page_break_halves() {
        let j = |a, b| join_split(a, b).text;
        assert_eq!(
            j("Mức độ hoàn thành kế", "hoạch theo dõi"),
            "Mức độ hoàn thành kế hoạch theo dõi"
        );
        assert_eq!(j("Chủ trì: Văn", "phòng Sở"), "Chủ trì: Văn phòng Sở");
        assert_eq!(j("Tháng", "01/2020"), "Tháng 01/2020");
        assert_eq!(
            j("Phòng Kế hoạch -", "Tài chính"),
            "Phòng Kế hoạch - Tài chính"
        );
        assert_eq!(
            j("Công văn số 4096/UBND-", "NC"),
            "Công văn số 4096/UBND-NC"
        );
        assert_eq!(j("nhiệm vụ/", "sản phẩm"), "nhiệm vụ/sản phẩm");
        assert_eq!(
            j("(nâng ngạch", ", chuyển ngạch)"),
            "(nâng ngạch, chuyển ngạch)"
        );
        assert_eq!(j("", "và các đơn vị"), "và các đơn vị");
        assert_eq!(
            j("Kết thúc trong vòng 30", "ngày kể từ"),
            "Kết thúc trong vòng 30 ngày kể từ"
        );
    }

    #[test]
    fn drops_the_line_a_pdf_conversion_repeats() {
        let joined = join_split("Phòng Tổ chức cán bộ", "bộ");
        assert_eq!(joined.text, "Phòng Tổ chức cán bộ");
        assert_eq!(joined.dropped.as_deref(), Some("bộ"));
        let joined = join_split("thực hiện nhiệm vụ", "vụ quản lý nhà nước");
        assert_eq!(joined.text, "thực hiện nhiệm vụ quản lý nhà nước");
        let joined = join_split("của công chức, viên chức", "chức");
        assert_eq!(joined.text, "của công chức, viên chức");
        assert_eq!(join_split("trong vòng 30", "30 ngày").dropped, None);
        assert_eq!(join_split("các đơn vị trực", "thuộc Sở").dropped, None);
    }
}
