//! Word-level differences between two versions of a narrative, so the diff
//! view highlights what was added or removed inside a changed field.

/// A run of text and whether it is in both versions, only the old one or
/// only the new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Same,
    Removed,
    Added,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub mark: Mark,
    pub text: String,
}

impl Piece {
    pub fn is_removed(&self) -> bool {
        self.mark == Mark::Removed
    }

    pub fn is_added(&self) -> bool {
        self.mark == Mark::Added
    }
}

/// Beyond this many cells the middle of two texts is shown as replaced
/// wholesale rather than compared word by word.
const MAX_CELLS: usize = 4_000_000;

/// What a character belongs to: a word, a run of spaces, or a punctuation
/// mark standing alone (so "tục;" and "tục" share the word).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Word,
    Space,
    Mark,
}

fn class(c: char) -> Class {
    if c.is_alphanumeric() {
        Class::Word
    } else if c.is_whitespace() {
        Class::Space
    } else {
        Class::Mark
    }
}

/// Words, runs of whitespace and punctuation marks, each a token.
fn tokens(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut last: Option<Class> = None;
    for (i, c) in s.char_indices() {
        let k = class(c);
        if last.is_some_and(|l| l != k || l == Class::Mark) {
            out.push(&s[start..i]);
            start = i;
        }
        last = Some(k);
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

fn push(out: &mut Vec<Piece>, mark: Mark, text: &str) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.mark == mark => last.text.push_str(text),
        _ => out.push(Piece {
            mark,
            text: text.to_string(),
        }),
    }
}

/// The pieces of `old` and `new` in reading order: what both share, what
/// only `old` had and what only `new` has.
pub fn word_diff(old: &str, new: &str) -> Vec<Piece> {
    let a = tokens(old);
    let b = tokens(new);
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (mid_a, mid_b) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut out = Vec::new();
    push(&mut out, Mark::Same, &a[..prefix].concat());
    if (mid_a.len() + 1) * (mid_b.len() + 1) > MAX_CELLS {
        push(&mut out, Mark::Removed, &mid_a.concat());
        push(&mut out, Mark::Added, &mid_b.concat());
    } else {
        lcs_pieces(mid_a, mid_b, &mut out);
    }
    push(&mut out, Mark::Same, &a[a.len() - suffix..].concat());
    out
}

/// The longest common subsequence of tokens, walked into pieces.
fn lcs_pieces(a: &[&str], b: &[&str], out: &mut Vec<Piece>) {
    let (n, m) = (a.len(), b.len());
    // lengths[i][j]: LCS of a[i..] and b[j..], row-major.
    let mut lengths = vec![0u32; (n + 1) * (m + 1)];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lengths[i * (m + 1) + j] = if a[i] == b[j] {
                lengths[(i + 1) * (m + 1) + j + 1] + 1
            } else {
                lengths[(i + 1) * (m + 1) + j].max(lengths[i * (m + 1) + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i] == b[j] {
            push(out, Mark::Same, a[i]);
            i += 1;
            j += 1;
        } else if lengths[(i + 1) * (m + 1) + j] >= lengths[i * (m + 1) + j + 1] {
            push(out, Mark::Removed, a[i]);
            i += 1;
        } else {
            push(out, Mark::Added, b[j]);
            j += 1;
        }
    }
    for t in &a[i..] {
        push(out, Mark::Removed, t);
    }
    for t in &b[j..] {
        push(out, Mark::Added, t);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(pieces: &[Piece]) -> String {
        pieces
            .iter()
            .map(|p| match p.mark {
                Mark::Same => p.text.clone(),
                Mark::Removed => format!("[-{}]", p.text),
                Mark::Added => format!("[+{}]", p.text),
            })
            .collect()
    }

    #[test]
    fn marks_the_words_that_changed() {
        let d = word_diff(
            "Niêm yết thủ tục đúng quy định.",
            "Niêm yết, công khai thủ tục đúng quy định; số hóa 1.180 hồ sơ.",
        );
        assert_eq!(
            render(&d),
            "Niêm yết[+,] [+công khai ]thủ tục đúng quy định[+; số hóa 1.180 hồ sơ]."
        );
        let old: String = d
            .iter()
            .filter(|p| !p.is_added())
            .map(|p| p.text.as_str())
            .collect();
        let new: String = d
            .iter()
            .filter(|p| !p.is_removed())
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(old, "Niêm yết thủ tục đúng quy định.");
        assert!(new.ends_with("1.180 hồ sơ."));
    }

    #[test]
    fn empty_and_equal_texts() {
        assert_eq!(render(&word_diff("", "Mới")), "[+Mới]");
        assert_eq!(render(&word_diff("Cũ", "")), "[-Cũ]");
        assert_eq!(render(&word_diff("a b", "a b")), "a b");
        assert!(word_diff("", "").is_empty());
    }

    #[test]
    fn long_texts_fall_back_to_replacing_the_middle() {
        let old = "x ".repeat(3000);
        let new = "y ".repeat(3000);
        let d = word_diff(&old, &new);
        assert!(d[0].is_removed() && d[1].is_added(), "{d:?}");
        assert_eq!(d[0].text, old.trim_end());
    }
}
