//! Grammar of points in time and spans: "Tháng 12/2019", "Quý IV/2019",
//! "Năm 2020", "2021-2025", "Trước ngày 15/12", "31/12/2020",
//! "6 tháng đầu năm 2020", "Từ tháng 01/2020 đến tháng 12/2020".

use chrono::NaiveDate;

use super::lex::{Cursor, Token};
use super::point::{Span, TimePoint, YEARS};

/// Words that may precede a point without changing it: "Trước ngày",
/// "Chậm nhất", "Trong", "Vào", "Hạn". "Trước X" is read as due on X, as
/// Vietnamese administrative usage does.
const POINT_PREFIXES: &[&[&str]] = &[
    &["truoc"],
    &["cham", "nhat"],
    &["han"],
    &["trong"],
    &["vao"],
    &["den", "het"],
    &["het"],
];

/// Parses a span and requires that nothing but closing punctuation follows.
pub(super) fn parse_span_full(tokens: &[Token]) -> Option<Span> {
    let mut c = Cursor::new(tokens);
    let span = parse_span(&mut c)?;
    c.skip_punct(&['.', ',', ';', ')']);
    c.at_end().then_some(span)
}

/// Parses a point and requires that nothing but closing punctuation follows.
pub(super) fn parse_point_full(tokens: &[Token]) -> Option<TimePoint> {
    let mut c = Cursor::new(tokens);
    let point = parse_point(&mut c)?;
    c.skip_punct(&['.', ',', ';', ')']);
    c.at_end().then_some(point)
}

fn parse_span(c: &mut Cursor) -> Option<Span> {
    c.eat_any(&[&["giai", "doan"], &["tu"]]);
    let from = parse_point(c)?;
    let mut after = *c;
    let dash = ['-', '–', '—'].iter().any(|d| after.eat_punct(*d));
    if (dash || after.eat_words(&["den"]))
        && let Some(to) = parse_point(&mut after)
    {
        *c = after;
        return Some(Span::between(from, to));
    }
    Some(Span::at(from))
}

/// Parses one point at the cursor, moving past it only on success.
pub(super) fn parse_point(c: &mut Cursor) -> Option<TimePoint> {
    let mut t = *c;
    while t.eat_any(POINT_PREFIXES) {}
    let point = if t.eat_words(&["thang"]) {
        let month = month_num(&mut t)?;
        TimePoint::Month {
            year: year_suffix(&mut t),
            month,
        }
    } else if t.eat_words(&["quy"]) {
        let quarter = quarter_num(&mut t)?;
        TimePoint::Quarter {
            year: year_suffix(&mut t),
            quarter,
        }
    } else if t.eat_words(&["nam"]) {
        TimePoint::Year {
            year: year_num(&mut t)?,
        }
    } else if t.eat_words(&["ngay"]) {
        date(&mut t)?
    } else {
        half(&mut t).or_else(|| numeric(&mut t))?
    };
    *c = t;
    Some(point)
}

/// A 4-digit year in range.
fn year_num(c: &mut Cursor) -> Option<i32> {
    let mut t = *c;
    let (value, digits) = t.eat_num()?;
    if digits != 4 || !YEARS.contains(&value) {
        return None;
    }
    *c = t;
    i32::try_from(value).ok()
}

/// "/2019", "-2019", ".2019" or "năm 2019" after a month or quarter.
fn year_suffix(c: &mut Cursor) -> Option<i32> {
    let mut t = *c;
    let sep = ['/', '-', '.'].iter().any(|s| t.eat_punct(*s)) || t.eat_words(&["nam"]);
    let year = if sep { year_num(&mut t)? } else { return None };
    *c = t;
    Some(year)
}

fn small_num(c: &mut Cursor, range: std::ops::RangeInclusive<u64>) -> Option<u32> {
    let mut t = *c;
    let (value, digits) = t.eat_num()?;
    if digits > 2 || !range.contains(&value) {
        return None;
    }
    *c = t;
    u32::try_from(value).ok()
}

fn month_num(c: &mut Cursor) -> Option<u32> {
    small_num(c, 1..=12)
}

fn quarter_num(c: &mut Cursor) -> Option<u32> {
    if let Some(q) = small_num(c, 1..=4) {
        return Some(q);
    }
    let mut t = *c;
    let q = match t.eat_word()? {
        "i" => 1,
        "ii" => 2,
        "iii" => 3,
        "iv" => 4,
        _ => return None,
    };
    *c = t;
    Some(q)
}

/// "6 tháng đầu năm [2020]", "6 tháng cuối năm".
fn half(c: &mut Cursor) -> Option<TimePoint> {
    let mut t = *c;
    if t.eat_num()?.0 != 6 || !t.eat_words(&["thang"]) {
        return None;
    }
    let half = if t.eat_words(&["dau", "nam"]) {
        1
    } else if t.eat_words(&["cuoi", "nam"]) {
        2
    } else {
        return None;
    };
    let year = year_num(&mut t);
    *c = t;
    Some(TimePoint::Half { year, half })
}

/// A date after "ngày": "15/12[/2020]" or "15 tháng 12 [năm 2020]".
fn date(c: &mut Cursor) -> Option<TimePoint> {
    let mut t = *c;
    let day = small_num(&mut t, 1..=31)?;
    let (month, year) = if t.eat_words(&["thang"]) {
        let month = month_num(&mut t)?;
        let year = if t.eat_words(&["nam"]) {
            Some(year_num(&mut t)?)
        } else {
            None
        };
        (month, year)
    } else {
        let sep = ['/', '-', '.'].into_iter().find(|s| t.eat_punct(*s))?;
        let month = month_num(&mut t)?;
        let mut y = t;
        let year = if y.eat_punct(sep) {
            year_num(&mut y)
        } else {
            None
        };
        if year.is_some() {
            t = y;
        }
        (month, year)
    };
    let point = valid_date(year, month, day)?;
    *c = t;
    Some(point)
}

/// Numbers alone: "2020", "12/2019", "31/12/2020", "15/12".
fn numeric(c: &mut Cursor) -> Option<TimePoint> {
    if let Some(year) = year_num(c) {
        return Some(TimePoint::Year { year });
    }
    let mut t = *c;
    let first = small_num(&mut t, 1..=31)?;
    let sep = ['/', '-', '.'].into_iter().find(|s| t.eat_punct(*s))?;
    let mut y = t;
    let point = match year_num(&mut y) {
        Some(year) if (1..=12).contains(&first) => {
            t = y;
            TimePoint::Month {
                year: Some(year),
                month: first,
            }
        }
        Some(_) => return None,
        None => {
            let month = month_num(&mut t)?;
            let mut y = t;
            let year = if y.eat_punct(sep) {
                year_num(&mut y)
            } else {
                None
            };
            if year.is_some() {
                t = y;
            }
            valid_date(year, month, first)?
        }
    };
    *c = t;
    Some(point)
}

/// A date that exists; without a year, one that exists in a leap year.
fn valid_date(year: Option<i32>, month: u32, day: u32) -> Option<TimePoint> {
    NaiveDate::from_ymd_opt(year.unwrap_or(2000), month, day)?;
    Some(TimePoint::Date { year, month, day })
}
