//! Roman numerals, as plans number their sections ("VIII.") and Word renders
//! upper-Roman lists.

const TABLE: [(u32, &str); 13] = [
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

/// "VIII" for 8; the number itself for 0 and past 3999.
pub(crate) fn to_roman(mut value: u32) -> String {
    if value == 0 || value > 3999 {
        return value.to_string();
    }
    let mut out = String::new();
    for (v, symbol) in TABLE {
        while value >= v {
            out.push_str(symbol);
            value -= v;
        }
    }
    out
}

/// The value of an upper-case numeral written the standard way ("IIII" is not).
pub(crate) fn parse_roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 15 || !s.bytes().all(|b| b"IVXLCDM".contains(&b)) {
        return None;
    }
    let mut value = 0;
    let mut rest = s;
    for (v, symbol) in TABLE {
        while let Some(r) = rest.strip_prefix(symbol) {
            value += v;
            rest = r;
        }
    }
    (rest.is_empty() && to_roman(value) == s).then_some(value)
}
