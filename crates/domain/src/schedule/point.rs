//! Points in time a schedule names: a date, month, quarter, half-year or
//! year, possibly without a year ("Quý IV", "Trước ngày 15/12") until the
//! plan period supplies one.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Years a schedule may name; anything else is not read as a year.
pub(crate) const YEARS: std::ops::RangeInclusive<u64> = 1900..=2200;

/// A calendar period or day named by a schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "unit", rename_all = "snake_case")]
pub enum TimePoint {
    /// "31/12/2020", "Trước ngày 15/12".
    Date {
        year: Option<i32>,
        month: u32,
        day: u32,
    },
    /// "Tháng 12/2019".
    Month { year: Option<i32>, month: u32 },
    /// "Quý IV/2019"; `quarter` is 1..=4.
    Quarter { year: Option<i32>, quarter: u32 },
    /// "6 tháng đầu năm 2020"; `half` is 1 or 2.
    Half { year: Option<i32>, half: u32 },
    /// "Năm 2020", "2020".
    Year { year: i32 },
}

impl TimePoint {
    /// The year, when the text gave one.
    pub fn year(&self) -> Option<i32> {
        match *self {
            TimePoint::Date { year, .. }
            | TimePoint::Month { year, .. }
            | TimePoint::Quarter { year, .. }
            | TimePoint::Half { year, .. } => year,
            TimePoint::Year { year } => Some(year),
        }
    }

    /// The same point in `year` when the text gave none; unchanged otherwise.
    pub fn or_year(self, y: i32) -> Self {
        let fill = |year: Option<i32>| Some(year.unwrap_or(y));
        match self {
            TimePoint::Date { year, month, day } => TimePoint::Date {
                year: fill(year),
                month,
                day,
            },
            TimePoint::Month { year, month } => TimePoint::Month {
                year: fill(year),
                month,
            },
            TimePoint::Quarter { year, quarter } => TimePoint::Quarter {
                year: fill(year),
                quarter,
            },
            TimePoint::Half { year, half } => TimePoint::Half {
                year: fill(year),
                half,
            },
            TimePoint::Year { .. } => self,
        }
    }

    /// First and last month of the period (a date is its own month);
    /// `None` for values out of range, possible in deserialized data.
    fn months(&self) -> Option<(u32, u32)> {
        let (first, last) = match *self {
            TimePoint::Date { month, .. } | TimePoint::Month { month, .. } => (month, month),
            TimePoint::Quarter { quarter, .. } if (1..=4).contains(&quarter) => {
                (quarter * 3 - 2, quarter * 3)
            }
            TimePoint::Half { half, .. } if (1..=2).contains(&half) => (half * 6 - 5, half * 6),
            TimePoint::Year { .. } => (1, 12),
            _ => return None,
        };
        (1..=12).contains(&last).then_some((first, last))
    }

    /// First day of the period; for a date, the date itself. `None` without
    /// a year or when the date does not exist (29/02 of a common year).
    pub fn first_day(&self) -> Option<NaiveDate> {
        let year = self.year()?;
        match *self {
            TimePoint::Date { month, day, .. } => NaiveDate::from_ymd_opt(year, month, day),
            _ => NaiveDate::from_ymd_opt(year, self.months()?.0, 1),
        }
    }

    /// Last day of the period: the due date it stands for.
    pub fn last_day(&self) -> Option<NaiveDate> {
        let year = self.year()?;
        match *self {
            TimePoint::Date { month, day, .. } => NaiveDate::from_ymd_opt(year, month, day),
            _ => last_day_of_month(year, self.months()?.1),
        }
    }

    /// Vietnamese label: "Tháng 12/2019", "Quý IV/2019", "Năm 2020",
    /// "Ngày 31/12/2020", "6 tháng đầu năm 2020"; without a year "Quý IV".
    pub fn label(&self) -> String {
        let slash_year = |y: Option<i32>| y.map(|y| format!("/{y}")).unwrap_or_default();
        match *self {
            TimePoint::Date { year, month, day } => {
                format!("Ngày {day:02}/{month:02}{}", slash_year(year))
            }
            TimePoint::Month { year, month } => format!("Tháng {month:02}{}", slash_year(year)),
            TimePoint::Quarter { year, quarter } => {
                format!("Quý {}{}", roman(quarter), slash_year(year))
            }
            TimePoint::Half { year, half } => {
                let which = if half == 1 { "đầu" } else { "cuối" };
                let year = year.map(|y| format!(" {y}")).unwrap_or_default();
                format!("6 tháng {which} năm{year}")
            }
            TimePoint::Year { year } => format!("Năm {year}"),
        }
    }
}

/// The last day of `month` in `year`.
pub(crate) fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year.checked_add(1)?, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

/// Roman numeral of a quarter number.
pub(crate) fn roman(quarter: u32) -> &'static str {
    match quarter {
        1 => "I",
        2 => "II",
        3 => "III",
        4 => "IV",
        _ => "?",
    }
}

/// A fixed time: one point, or a span from one point to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// Where the work starts, when the plan gives a different start.
    pub from: Option<TimePoint>,
    /// The point whose last day is the due date.
    pub to: TimePoint,
}

impl Span {
    /// A single point ("Tháng 12/2019").
    pub fn at(point: TimePoint) -> Self {
        Span {
            from: None,
            to: point,
        }
    }

    /// From `from` to `to`; equal points collapse to one, and a start with
    /// no year takes the end's year ("Tháng 6 - 12/2020").
    pub fn between(from: TimePoint, to: TimePoint) -> Self {
        let from = match (from.year(), to.year()) {
            (None, Some(y)) => from.or_year(y),
            _ => from,
        };
        Span {
            from: (from != to).then_some(from),
            to,
        }
    }

    /// The span with missing years filled with `year`.
    pub fn or_year(self, year: i32) -> Self {
        Span {
            from: self.from.map(|f| f.or_year(year)),
            to: self.to.or_year(year),
        }
    }

    /// Whether some point lacks a year.
    pub fn lacks_year(&self) -> bool {
        self.to.year().is_none() || self.from.is_some_and(|f| f.year().is_none())
    }

    /// Window start: the start point, or the period itself; a bare date
    /// ("Trước 31/12/2020") is a deadline with no window.
    pub fn window_start(&self) -> Option<NaiveDate> {
        match (self.from, self.to) {
            (Some(from), _) => from.first_day(),
            (None, TimePoint::Date { .. }) => None,
            (None, to) => to.first_day(),
        }
    }

    /// Vietnamese label: "Tháng 01/2020 - Tháng 12/2020", "Giai đoạn 2021 - 2025".
    pub fn label(&self) -> String {
        match (self.from, self.to) {
            (None, to) => to.label(),
            (Some(TimePoint::Year { year: a }), TimePoint::Year { year: b }) => {
                format!("Giai đoạn {a} - {b}")
            }
            (Some(from), to) => format!("{} - {}", from.label(), to.label()),
        }
    }
}
