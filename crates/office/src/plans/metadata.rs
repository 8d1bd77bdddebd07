//! Plan facts from the body text before the appendix: "Số: 123/KH-SYT", the
//! place and date line, the title after "KẾ HOẠCH", the legal bases, and the
//! period from the years in the title.

use cchc_domain::schedule::PlanPeriod;
use cchc_domain::text::fold;
use chrono::NaiveDate;

use super::preview::{PlanInfo, Warning};

/// One body line: source row and cleaned text ("" for a blank line).
pub(crate) type Line = (usize, String);

pub(crate) fn read(lines: &[Line], warnings: &mut Vec<Warning>) -> PlanInfo {
    let mut info = PlanInfo::default();
    read_number(lines, &mut info, warnings);
    read_date(lines, &mut info, warnings);
    let title_end = read_title(lines, &mut info, warnings);
    info.legal_bases = lines[title_end..]
        .iter()
        .take_while(|(_, l)| !is_section_heading(l))
        .filter(|(_, l)| {
            let f = fold(l);
            f.starts_with("can cu ") || f.starts_with("thuc hien ")
        })
        .map(|(_, l)| l.clone())
        .collect();
    info.period = period(info.title.as_deref().unwrap_or(""))
        .or_else(|| appendix_caption(lines).and_then(|c| period(&c)));
    if info.period.is_none() {
        warnings.push(Warning::plan(
            "Không xác định được năm của kế hoạch từ tên kế hoạch: chưa tính được các lần thực hiện.",
        ));
    }
    info
}

fn read_number(lines: &[Line], info: &mut PlanInfo, warnings: &mut Vec<Warning>) {
    let found = lines.iter().find_map(|(row, line)| {
        let (label, rest) = line.split_once(':')?;
        (fold(label).trim() == "so").then(|| {
            (
                *row,
                rest.split_whitespace().next().unwrap_or("").to_owned(),
            )
        })
    });
    match found {
        Some((row, number)) => {
            if !number.starts_with(|c: char| c.is_ascii_digit()) {
                warnings.push(Warning::at(
                    row,
                    format!("Kế hoạch chưa ghi số (Số: {number}): cần bổ sung số trước khi lưu."),
                ));
            }
            info.number = (!number.is_empty()).then_some(number);
        }
        None => warnings.push(Warning::plan(
            "Không tìm thấy số, ký hiệu của kế hoạch (dòng «Số: ...»).",
        )),
    }
}

fn read_date(lines: &[Line], info: &mut PlanInfo, warnings: &mut Vec<Warning>) {
    let found = lines.iter().find_map(|(row, line)| {
        let (place, rest) = line.split_once(',')?;
        let words = place.split_whitespace().count();
        let plausible = (1..=6).contains(&words) && !place.chars().any(|c| c.is_ascii_digit());
        (plausible && fold(rest).trim_start().starts_with("ngay"))
            .then_some((*row, place, rest, line))
    });
    let Some((row, place, rest, line)) = found else {
        warnings.push(Warning::plan(
            "Không tìm thấy dòng địa danh, ngày tháng ban hành kế hoạch.",
        ));
        return;
    };
    info.place = Some(place.trim().to_owned());
    info.date_text = Some(line.clone());
    info.issued_on = parse_date(&fold(rest));
    if info.issued_on.is_none() {
        warnings.push(Warning::at(
            row,
            format!(
                "Ngày ban hành chưa đầy đủ («{}»): cần bổ sung.",
                line.trim()
            ),
        ));
    }
}

/// "ngay 15 thang 12 nam 2019" or "ngay 15/12/2019".
fn parse_date(folded: &str) -> Option<NaiveDate> {
    let tokens: Vec<&str> = folded.split_whitespace().collect();
    let after = |word: &str| {
        tokens
            .iter()
            .position(|t| *t == word)
            .and_then(|i| tokens.get(i + 1))
            .map(|t| t.trim_end_matches(['.', ',']))
    };
    let day = after("ngay")?;
    if let [d, m, y] = day.split('/').collect::<Vec<_>>()[..] {
        return NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    }
    NaiveDate::from_ymd_opt(
        after("nam")?.parse().ok()?,
        after("thang")?.parse().ok()?,
        day.parse().ok()?,
    )
}

/// Reads the title; returns the index of the first line after it.
fn read_title(lines: &[Line], info: &mut PlanInfo, warnings: &mut Vec<Warning>) -> usize {
    let Some(at) = lines.iter().position(|(_, l)| {
        let f = fold(l);
        f == "ke hoach" || (f.starts_with("ke hoach ") && l.starts_with("KẾ HOẠCH "))
    }) else {
        warnings.push(Warning::plan(
            "Không tìm thấy tên kế hoạch (các dòng sau «KẾ HOẠCH»).",
        ));
        return 0;
    };
    let mut parts: Vec<&str> = Vec::new();
    if let Some(first) = lines[at].1.strip_prefix("KẾ HOẠCH").map(str::trim)
        && !first.is_empty()
    {
        parts.push(first);
    }
    let mut end = at + 1;
    while let Some((_, line)) = lines.get(end) {
        let blank = !line.chars().any(char::is_alphanumeric);
        if blank && parts.is_empty() {
            end += 1;
            continue;
        }
        let f = fold(line);
        if blank
            || parts.len() >= 4
            || is_section_heading(line)
            || f.starts_with("can cu ")
            || f.starts_with("thuc hien ")
        {
            break;
        }
        parts.push(line);
        end += 1;
    }
    info.title = (!parts.is_empty()).then(|| parts.join(" "));
    if info.title.is_none() {
        warnings.push(Warning::plan(
            "Không tìm thấy tên kế hoạch (các dòng sau «KẾ HOẠCH»).",
        ));
    }
    end
}

/// "I. MỤC TIÊU", "IV TỔ CHỨC THỰC HIỆN".
fn is_section_heading(line: &str) -> bool {
    let first = line.split_whitespace().next().unwrap_or("");
    let bare = first.trim_end_matches('.');
    !bare.is_empty() && bare.chars().all(|c| "IVXL".contains(c)) && line.len() > first.len()
}

fn appendix_caption(lines: &[Line]) -> Option<String> {
    let at = lines
        .iter()
        .position(|(_, l)| fold(l).starts_with("phu luc"))?;
    let caption: Vec<&str> = lines[at..]
        .iter()
        .map(|(_, l)| l.as_str())
        .filter(|l| !l.is_empty())
        .take(3)
        .collect();
    Some(caption.join(" "))
}

/// The first to the last year named in `text` ("năm 2023 và giai đoạn
/// 2024 - 2025" -> 2023-2025); numbers glued to "/" are document numbers.
pub(crate) fn period(text: &str) -> Option<PlanPeriod> {
    let bytes = text.as_bytes();
    let mut years = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let glued = |b: Option<&u8>| b.is_some_and(|b| *b == b'/' || b.is_ascii_alphabetic());
        let year = text[start..i].parse::<i32>().ok();
        let glued_around = glued(start.checked_sub(1).map(|s| &bytes[s])) || glued(bytes.get(i));
        if let Some(year) = year.filter(|y| i - start == 4 && (1900..=2200).contains(y))
            && !glued_around
        {
            years.push(year);
        }
    }
    let (first, last) = (*years.iter().min()?, *years.iter().max()?);
    PlanPeriod::new(first, last).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_from_titles() {
        let p = period("CẢI CÁCH HÀNH CHÍNH NGÀNH Y TẾ TỈNH ĐẮK NÔNG NĂM 2020").unwrap();
        assert_eq!((p.first_year(), p.last_year()), (2020, 2020));
        let p = period("ngành Y tế năm 2023 và giai đoạn 2024 - 2025").unwrap();
        assert_eq!((p.first_year(), p.last_year()), (2023, 2025));
        assert_eq!(period("Kế hoạch số 1999/QĐ-UBND"), None);
    }

    #[test]
    fn complete_and_incomplete_dates() {
        assert_eq!(
            parse_date("ngay 15 thang 12 nam 2019"),
            NaiveDate::from_ymd_opt(2019, 12, 15)
        );
        assert_eq!(
            parse_date("ngay 15/12/2019"),
            NaiveDate::from_ymd_opt(2019, 12, 15)
        );
        assert_eq!(parse_date("ngay thang nam 2023"), None);
        assert_eq!(parse_date("ngay"), None);
    }
}
