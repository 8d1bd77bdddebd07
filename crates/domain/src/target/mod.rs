//! Target expressions of plan tasks ("trên 99%", "tối thiểu 04 bài viết", ...).
//!
//! [`Target::parse`] reads a "Chỉ số" / "Chỉ tiêu" cell into parts: the items
//! of a compound target ("(1) ... (2) ...", "- ... - ..."), further split at
//! ";" and sentence ends where that separates measurable clauses. Each part
//! keeps its text and, when it states a number with "%" or a count unit, a
//! [`Measure`]: comparator, value and unit. Text without a measurable number
//! stays as a non-measurable part. Parsing never fails and never panics.
//!
//! Reading rules:
//! - a bare level ("100%", "02 báo cáo quý", "Đạt 05 TTHC") is [`Comparator::Ge`]:
//!   doing more than planned meets the target; `Eq` is only for "bằng" / "=";
//! - a clause's measure is its first percentage, else its first count, so
//!   "02 Chi cục đạt từ 90% trở lên" measures 90%;
//! - numbers glued to "/", ":" or "-" (legal references, dates, "ISO
//!   9001:2015") and numbers naming things ("năm 2021", "mức độ 2") are not
//!   targets; durations ("(05 năm)", "6 tháng") only with a comparator;
//! - a range ("từ 70% đến dưới 100%") is not read as one target.

mod measure;
mod split;

use serde::{Deserialize, Serialize};

/// How an achieved value is compared with the target value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    /// "bằng", "=".
    Eq,
    /// "trên", "hơn", ">".
    Gt,
    /// "ít nhất", "tối thiểu", "từ ... trở lên", and bare levels.
    Ge,
    /// "dưới", "ít hơn", "<".
    Lt,
    /// "tối đa", "không quá", "không vượt quá".
    Le,
}

impl Comparator {
    /// Whether `achieved` satisfies "`self` `target`".
    pub fn holds(self, achieved: f64, target: f64) -> bool {
        let equal = (achieved - target).abs() <= 1e-9 * target.abs().max(1.0);
        match self {
            Comparator::Eq => equal,
            Comparator::Gt => achieved > target && !equal,
            Comparator::Ge => achieved >= target || equal,
            Comparator::Lt => achieved < target && !equal,
            Comparator::Le => achieved <= target || equal,
        }
    }

    /// Vietnamese wording: "tối thiểu", "trên", ...
    pub fn label(self) -> &'static str {
        match self {
            Comparator::Eq => "bằng",
            Comparator::Gt => "trên",
            Comparator::Ge => "tối thiểu",
            Comparator::Lt => "dưới",
            Comparator::Le => "tối đa",
        }
    }
}

/// A measurable target: comparator, value and unit ("%", "bài viết",
/// "báo cáo quý").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measure {
    pub comparator: Comparator,
    pub value: f64,
    /// "%" for percentages; the unit as written for counts (may be empty
    /// after a comparator with no unit word).
    pub unit: String,
}

impl Measure {
    pub fn is_percent(&self) -> bool {
        self.unit == "%"
    }

    /// Whether `achieved` meets the target; `None` for NaN.
    pub fn is_met(&self, achieved: f64) -> Option<bool> {
        (!achieved.is_nan()).then(|| self.comparator.holds(achieved, self.value))
    }
}

impl std::fmt::Display for Measure {
    /// "tối thiểu 30%", "trên 99%", "tối thiểu 2,5%", "tối thiểu 4 bài viết".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let value = format!("{}", self.value).replace('.', ",");
        let space = if self.is_percent() || self.unit.is_empty() {
            ""
        } else {
            " "
        };
        write!(f, "{} {value}{space}{}", self.comparator.label(), self.unit)
    }
}

/// One part of a target, with its text and, if it has one, its measure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetPart {
    /// The part as written (whitespace collapsed, list marker removed).
    pub text: String,
    pub measure: Option<Measure>,
}

impl TargetPart {
    /// Whether `achieved` meets this part; `None` when not measurable.
    pub fn evaluate(&self, achieved: f64) -> Option<bool> {
        self.measure.as_ref()?.is_met(achieved)
    }
}

/// A task's target ("Chỉ số", "Chỉ tiêu"), split into parts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// The cell as written.
    pub text: String,
    /// Parts in order; empty for a blank cell.
    pub parts: Vec<TargetPart>,
}

impl Target {
    /// Reads a target cell. Never fails.
    pub fn parse(text: &str) -> Self {
        let clean = split::clean(text);
        let mut parts = Vec::new();
        for item in split::items(&clean) {
            parts.extend(item_parts(&clean, item));
        }
        Target {
            text: text.to_owned(),
            parts,
        }
    }

    /// Whether some part is measurable.
    pub fn is_measurable(&self) -> bool {
        self.measures().next().is_some()
    }

    /// The measures of the measurable parts, in order.
    pub fn measures(&self) -> impl Iterator<Item = &Measure> {
        self.parts.iter().filter_map(|p| p.measure.as_ref())
    }

    /// Whether `achieved` meets the target. `None` unless exactly one part
    /// is measurable: a compound target is evaluated part by part with
    /// [`TargetPart::evaluate`].
    pub fn evaluate(&self, achieved: f64) -> Option<bool> {
        let mut measures = self.measures();
        match (measures.next(), measures.next()) {
            (Some(m), None) => m.is_met(achieved),
            _ => None,
        }
    }
}

/// The parts of one list item: its clauses, with non-measurable clauses
/// after a measurable one folded into it; one part if none is measurable.
fn item_parts(clean: &str, item: std::ops::Range<usize>) -> Vec<TargetPart> {
    let mut found: Vec<(std::ops::Range<usize>, Option<Measure>)> = Vec::new();
    for clause in split::clauses(clean, item.clone()) {
        let measure = measure::find(&clean[clause.clone()]);
        match found.last_mut() {
            Some((range, Some(_))) if measure.is_none() => range.end = clause.end,
            _ => found.push((clause, measure)),
        }
    }
    if found.iter().all(|(_, m)| m.is_none()) {
        found = vec![(item, None)];
    }
    found
        .into_iter()
        .filter_map(|(range, measure)| {
            let text = clean[range].trim_matches([' ', ';', ',']);
            text.chars().any(char::is_alphanumeric).then(|| TargetPart {
                text: text.to_owned(),
                measure,
            })
        })
        .collect()
}
