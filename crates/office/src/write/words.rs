//! The Vietnamese texts every format prints the same way: the date line,
//! budgets in million VND, the appendix caption and each cell's text.

use cchc_domain::plans::format_budget;
use chrono::{Datelike, NaiveDate};

use super::model::{ColumnKind, ExportItem, ExportPlan};

/// "ngày 15 tháng 12 năm 2019"; ND 30/2020 writes days below 10 and the
/// months 1 and 2 with a leading zero ("ngày 05 tháng 02 năm 2020"). No
/// date gives the blank line a signer fills in by hand.
pub fn date_words(date: Option<NaiveDate>) -> String {
    match date {
        Some(d) => {
            let month = if d.month() <= 2 {
                format!("{:02}", d.month())
            } else {
                d.month().to_string()
            };
            format!("ngày {:02} tháng {month} năm {}", d.day(), d.year())
        }
        None => "ngày      tháng      năm      ".to_owned(),
    }
}

/// Capitals, diacritics kept: "Sở Y tế" -> "SỞ Y TẾ".
pub fn upper(text: &str) -> String {
    text.to_uppercase()
}

/// The title with the period after it when the title names no year.
pub fn title_with_period(plan: &ExportPlan) -> String {
    let has_year = plan
        .title
        .split(|c: char| !c.is_ascii_digit())
        .any(|digits| digits.len() == 4);
    match &plan.period_label {
        Some(period) if !has_year && !period.is_empty() => {
            format!("{} {}", plan.title, period.to_lowercase())
        }
        _ => plan.title.clone(),
    }
}

/// The bold line under "PHỤ LỤC".
pub fn appendix_title(plan: &ExportPlan) -> String {
    upper(&format!("Nội dung, nhiệm vụ {}", title_with_period(plan)))
}

/// "(Kèm theo Kế hoạch số 123/KH-SYT ngày 15 tháng 12 năm 2019 của Sở Y tế)".
pub fn appendix_reference(plan: &ExportPlan) -> String {
    let mut text = "(Kèm theo Kế hoạch".to_owned();
    if !plan.header.number.trim().is_empty() {
        text.push_str(&format!(" số {}", plan.header.number.trim()));
    }
    text.push(' ');
    text.push_str(&date_words(plan.header.issued_on));
    if !plan.header.issuer.trim().is_empty() {
        text.push_str(&format!(" của {}", plan.header.issuer.trim()));
    }
    text.push(')');
    text
}

/// The budget as printed: million VND in Vietnamese notation, or the words.
pub fn budget(item: &ExportItem) -> String {
    match item.budget_vnd {
        Some(vnd) => format_budget(vnd),
        None => item.budget_text.clone(),
    }
}

/// The text of `item` in a column of `kind`; lines break at "\n".
pub fn cell(item: &ExportItem, kind: &ColumnKind) -> String {
    match kind {
        ColumnKind::Number => item.number.clone(),
        ColumnKind::Content => item.content.clone(),
        ColumnKind::Indicator => item.indicator.clone(),
        ColumnKind::Output => item.output.clone(),
        ColumnKind::Budget => budget(item),
        ColumnKind::Responsibility => responsibility(&item.lead, &item.cooperating),
        ColumnKind::Lead => item.lead.clone(),
        ColumnKind::Cooperating => item.cooperating.clone(),
        ColumnKind::Schedule => schedule(&item.start, &item.end),
        ColumnKind::Start => item.start.clone(),
        ColumnKind::End => item.end.clone(),
        ColumnKind::Note => item.note.clone(),
        ColumnKind::Extra(title) => item.extra.get(title).cloned().unwrap_or_default(),
    }
}

/// Lead and cooperating units in one cell, labelled only when both are there.
fn responsibility(lead: &str, cooperating: &str) -> String {
    match (lead.is_empty(), cooperating.is_empty()) {
        (_, true) => lead.to_owned(),
        (true, false) => format!("Phối hợp: {cooperating}"),
        (false, false) => format!("Chủ trì: {lead}\nPhối hợp: {cooperating}"),
    }
}

fn schedule(start: &str, end: &str) -> String {
    if end.is_empty() || end == start {
        start.to_owned()
    } else if start.is_empty() {
        end.to_owned()
    } else {
        format!("{start} - {end}")
    }
}

/// Lines `text` takes when wrapped at `capacity` characters a line, word
/// by word (a longer word takes several lines); "\n" breaks lines.
pub fn wrapped_lines(text: &str, capacity: usize) -> usize {
    let capacity = capacity.max(1);
    text.split('\n')
        .map(|line| {
            let mut lines = 1;
            let mut used = 0;
            for word in line.split_whitespace() {
                let len = word.chars().count();
                if used > 0 && used + 1 + len > capacity {
                    lines += 1;
                    used = 0;
                }
                if len > capacity {
                    lines += (len - 1) / capacity;
                    used = len % capacity;
                } else {
                    used += len + usize::from(used > 0);
                }
            }
            lines
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_follow_decree_30() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(date_words(d(2019, 12, 15)), "ngày 15 tháng 12 năm 2019");
        assert_eq!(date_words(d(2020, 2, 5)), "ngày 05 tháng 02 năm 2020");
        assert_eq!(date_words(d(2020, 3, 1)), "ngày 01 tháng 3 năm 2020");
        assert!(date_words(None).starts_with("ngày "));
        assert!(date_words(None).contains(" tháng "));
    }

    #[test]
    fn wrapping_estimates() {
        assert_eq!(wrapped_lines("", 10), 1);
        assert_eq!(wrapped_lines("Văn phòng Sở", 12), 1);
        assert_eq!(wrapped_lines("Văn phòng Sở Y tế", 12), 2);
        assert_eq!(wrapped_lines("4096/UBND-NC,ngày", 5), 4);
        assert_eq!(wrapped_lines("a\nb", 10), 2);
    }

    #[test]
    fn capitals_keep_diacritics() {
        assert_eq!(upper("Sở Y tế tỉnh Đắk Nông"), "SỞ Y TẾ TỈNH ĐẮK NÔNG");
    }

    #[test]
    fn combined_cells() {
        assert_eq!(responsibility("Văn phòng Sở", ""), "Văn phòng Sở");
        assert_eq!(
            responsibility("Văn phòng Sở", "Thanh tra Sở"),
            "Chủ trì: Văn phòng Sở\nPhối hợp: Thanh tra Sở"
        );
        assert_eq!(schedule("Quý I/2020", "Quý I/2020"), "Quý I/2020");
        assert_eq!(
            schedule("Tháng 01/2020", "Tháng 12/2020"),
            "Tháng 01/2020 - Tháng 12/2020"
        );
    }
}
