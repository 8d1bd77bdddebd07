//! What the calendar page shows of a month and a year, ready for the template.

use chrono::{Datelike, NaiveDate};

use cchc_app::calendar::{CalendarDay, CalendarYear, NamedDay};
use cchc_domain::calendar::{DayStatus, override_kind_label};

use crate::views::{date_vn, datetime_vn};

/// Column headings, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "Thứ Hai",
    "Thứ Ba",
    "Thứ Tư",
    "Thứ Năm",
    "Thứ Sáu",
    "Thứ Bảy",
    "Chủ nhật",
];

pub fn weekday_vn(date: NaiveDate) -> &'static str {
    WEEKDAYS
        .get(date.weekday().num_days_from_monday() as usize)
        .copied()
        .unwrap_or("")
}

/// One task due on a day, with the units it is due for.
pub struct DueLink {
    pub href: String,
    pub text: String,
    pub title: String,
}

/// One square of the month table.
pub struct Cell {
    pub day: u32,
    pub date: String,
    pub class: String,
    pub lunar: String,
    pub lunar_title: String,
    /// The holiday or working-day name.
    pub name: String,
    /// A day an override makes a working day, e.g. a Saturday worked in a swap.
    pub worked: bool,
    pub overridden: bool,
    pub due: Vec<DueLink>,
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}

fn due_links(day: &CalendarDay) -> Vec<DueLink> {
    let mut links: Vec<(i64, DueLink, Vec<String>)> = Vec::new();
    for item in &day.due {
        if let Some((_, _, units)) = links.iter_mut().find(|(id, _, _)| *id == item.item_id) {
            units.push(item.unit_name.clone());
            continue;
        }
        let numbered = if item.item_number.is_empty() {
            item.item_content.clone()
        } else {
            format!("{} {}", item.item_number, item.item_content)
        };
        let link = DueLink {
            href: format!("/tasks/{}", item.item_id),
            text: shorten(&numbered, 60),
            title: format!("{numbered} — {} ({})", item.plan_title, item.label),
        };
        links.push((item.item_id, link, vec![item.unit_name.clone()]));
    }
    links
        .into_iter()
        .map(|(_, mut link, units)| {
            link.title = format!("{}; đơn vị: {}", link.title, units.join(", "));
            link
        })
        .collect()
}

pub fn cell(day: &CalendarDay) -> Cell {
    let (kind, name, worked) = match &day.status {
        DayStatus::DayOff { name } => ("off", name.clone(), false),
        DayStatus::Weekend => ("weekend", String::new(), false),
        DayStatus::Working { name: Some(name) } => ("worked", name.clone(), true),
        DayStatus::Working { name: None } => ("", String::new(), false),
    };
    let mut class = vec![kind];
    if !day.in_month {
        class.push("other-month");
    }
    if day.today {
        class.push("today");
    }
    let (lunar, lunar_title) = match day.lunar {
        Some(l) => {
            let leap = if l.leap { " nhuận" } else { "" };
            let short = if day.lunar_with_month {
                format!("{}/{}{leap}", l.day, l.month)
            } else {
                l.day.to_string()
            };
            let title = format!(
                "Âm lịch: ngày {} tháng {}{leap} năm {}",
                l.day,
                l.month,
                l.year_name()
            );
            (short, title)
        }
        None => (String::new(), String::new()),
    };
    Cell {
        day: day.date.day(),
        date: date_vn(day.date),
        class: class.join(" ").trim().to_string(),
        lunar,
        lunar_title,
        name,
        worked,
        overridden: day.overridden,
        due: due_links(day),
    }
}

/// A row of the year's list of days off or working days.
pub struct YearRow {
    pub date: String,
    pub weekday: &'static str,
    pub name: String,
    pub source: &'static str,
}

fn year_rows(days: &[NamedDay]) -> Vec<YearRow> {
    days.iter()
        .map(|d| YearRow {
            date: date_vn(d.date),
            weekday: weekday_vn(d.date),
            name: d.name.clone(),
            source: d.source.label(),
        })
        .collect()
}

/// A stored override in the administrator's list.
pub struct OverrideRow {
    pub iso: String,
    pub date: String,
    pub weekday: &'static str,
    pub kind: &'static str,
    pub name: String,
    pub by: String,
    pub at: String,
}

pub struct YearView {
    pub days_off: Vec<YearRow>,
    pub working_days: Vec<YearRow>,
    pub overrides: Vec<OverrideRow>,
}

pub fn year_view(year: &CalendarYear) -> YearView {
    YearView {
        days_off: year_rows(&year.days_off),
        working_days: year_rows(&year.working_days),
        overrides: year
            .overrides
            .iter()
            .map(|o| OverrideRow {
                iso: o.rule.date.format("%Y-%m-%d").to_string(),
                date: date_vn(o.rule.date),
                weekday: weekday_vn(o.rule.date),
                kind: override_kind_label(o.rule.kind.code()),
                name: o.rule.name().to_string(),
                by: o.created_by_name.clone().unwrap_or_default(),
                at: datetime_vn(o.created_at),
            })
            .collect(),
    }
}
