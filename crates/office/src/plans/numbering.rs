//! The STT column: Roman section numbers ("I.", "VIII"), decimal item numbers
//! ("1.", "1.1", "3.3.3", "4.1.1."), letter items ("a)", "3a)") and the rest.

use crate::roman::{parse_roman, to_roman};

/// What an STT cell says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Numbering {
    /// A section: "I", "II.", ... with its value.
    Roman(u32),
    /// An item at depth `path.len()`.
    Decimal(Vec<u32>),
    /// "a)", "đ)", "3a)": a sub-item of the item above.
    Letter(String),
    /// Bullets and anything else, as written.
    Other(String),
    Empty,
}

impl Numbering {
    pub fn parse(text: &str) -> Self {
        let t = text.trim();
        if t.is_empty() {
            return Numbering::Empty;
        }
        let bare = t.trim_end_matches(['.', ')']).trim();
        if let Some(value) = roman(bare) {
            return Numbering::Roman(value);
        }
        if let Some(path) = decimal(bare) {
            return Numbering::Decimal(path);
        }
        if letter(t) {
            let mut label = t.trim_end_matches(['.', ')']).to_lowercase();
            label.push(')');
            return Numbering::Letter(label);
        }
        Numbering::Other(t.to_owned())
    }

    /// The number as shown in the preview: "I", "1.1", "a)".
    pub fn label(&self) -> String {
        match self {
            Numbering::Roman(v) => to_roman(*v),
            Numbering::Decimal(path) => dotted(path),
            Numbering::Letter(l) | Numbering::Other(l) => l.clone(),
            Numbering::Empty => String::new(),
        }
    }
}

fn decimal(s: &str) -> Option<Vec<u32>> {
    let path: Option<Vec<u32>> = s
        .split('.')
        .map(|p| {
            let p = p.trim();
            (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        })
        .collect();
    path.filter(|p| !p.is_empty() && p.len() <= 8)
}

/// "a)", "b.", "đ)", "3a)", "3a".
fn letter(s: &str) -> bool {
    let body = s.trim_end_matches(['.', ')']);
    let digits = body.chars().take_while(char::is_ascii_digit).count();
    let rest: Vec<char> = body.chars().skip(digits).collect();
    let marked = s.len() > body.len();
    rest.len() == 1
        && (rest[0].is_ascii_lowercase() || rest[0] == 'đ')
        && (marked || digits > 0)
        && digits <= 3
}

/// An upper-case Roman numeral up to 100 (no plan has more sections).
fn roman(s: &str) -> Option<u32> {
    parse_roman(s).filter(|v| *v <= 100)
}

/// "1.2.3".
pub(crate) fn dotted(path: &[u32]) -> String {
    path.iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(".")
}

#[cfg(test)]
mod tests {
    use super::Numbering::{self, *};

    #[test]
    fn reads_the_numbering_of_both_seeds() {
        assert_eq!(Numbering::parse("I."), Roman(1));
        assert_eq!(Numbering::parse("VIII."), Roman(8));
        assert_eq!(Numbering::parse("IX"), Roman(9));
        assert_eq!(Numbering::parse("1."), Decimal(vec![1]));
        assert_eq!(Numbering::parse("1"), Decimal(vec![1]));
        assert_eq!(Numbering::parse("3.3.3"), Decimal(vec![3, 3, 3]));
        assert_eq!(Numbering::parse("4.1.1."), Decimal(vec![4, 1, 1]));
        assert_eq!(Numbering::parse("a)"), Letter("a)".into()));
        assert_eq!(Numbering::parse("3a)"), Letter("3a)".into()));
        assert_eq!(Numbering::parse("đ)"), Letter("đ)".into()));
        assert_eq!(Numbering::parse("-"), Other("-".into()));
        assert_eq!(Numbering::parse("IIII"), Other("IIII".into()));
        assert_eq!(Numbering::parse(""), Empty);
        assert_eq!(Numbering::parse("4.1.1.").label(), "4.1.1");
        assert_eq!(Numbering::parse("VI.").label(), "VI");
    }
}
