//! The plan's own numbering: Roman numerals for sections, "1.", "1.1",
//! "1.1.1" for items below them, recomputed when the coordinator renumbers.

/// `n` in Roman numerals (1 -> "I", 14 -> "XIV"); empty for 0.
pub fn roman(mut n: u32) -> String {
    const DIGITS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in DIGITS {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// Numbers for items given in tree order as (depth, is_section): sections get
/// "I", "II", ...; the items below a section restart at "1."; deeper items
/// extend their parent's number ("1.1", "1.1.1"). Items before any section
/// are numbered like items under one.
pub fn renumber(items: &[(usize, bool)]) -> Vec<String> {
    let mut sections = 0;
    // counters[d] = position among siblings at item depth d (0-based below sections).
    let mut counters: Vec<u32> = Vec::new();
    let mut section_depth = None;
    items
        .iter()
        .map(|&(depth, is_section)| {
            if is_section {
                sections += 1;
                counters.clear();
                section_depth = Some(depth);
                return roman(sections);
            }
            let level = match section_depth {
                Some(s) if depth > s => depth - s - 1,
                _ => depth,
            };
            counters.truncate(level + 1);
            while counters.len() <= level {
                counters.push(0);
            }
            counters[level] += 1;
            let parts: Vec<String> = counters.iter().map(u32::to_string).collect();
            if parts.len() == 1 {
                format!("{}.", parts[0])
            } else {
                parts.join(".")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals() {
        let got: Vec<String> = [1, 4, 6, 9, 14, 40].into_iter().map(roman).collect();
        assert_eq!(got, vec!["I", "IV", "VI", "IX", "XIV", "XL"]);
    }

    #[test]
    fn renumbers_sections_items_and_sub_items() {
        let tree = [
            (0, true),
            (1, false),
            (2, false),
            (2, false),
            (3, false),
            (1, false),
            (0, true),
            (1, false),
        ];
        assert_eq!(
            renumber(&tree),
            vec!["I", "1.", "1.1", "1.2", "1.2.1", "2.", "II", "1."]
        );
    }
}
