//! Data cut-off windows and submission deadlines of report types, and the
//! rounds of a year ([`periods`]).
//!
//! ND 09/2019 (Điều 12) cuts data off on the 14th: a quarter runs from the
//! 15th of the month before it to the 14th of its last month; 6 months from
//! 15/12 of the previous year to 14/6; the year from 15/12 of the previous
//! year to 14/12. A deadline is a calendar date by rule, moved to the next
//! working day when it falls on a day off. Deadlines may come before the
//! window ends (e.g. "ngày 10 của tháng cuối kỳ" while data runs to the 14th):
//! the superior body sets them, and units report the last days as estimates.

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{ReportKind, ReportType, date_vn};
use crate::calendar::WorkingCalendar;
use crate::error::ValidationErrors;

/// The day of the month a ND 09/2019 window starts on; it ends the day before.
pub const CUTOFF_DAY: u32 = 15;

/// The days whose data a report covers, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Window {
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }

    /// "15/12/2025 – 14/03/2026".
    pub fn label(&self) -> String {
        format!("{} – {}", date_vn(self.start), date_vn(self.end))
    }
}

/// How a type's window is placed in its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum WindowRule {
    /// ND 09/2019: from the 15th of the month before `first_month` (of the
    /// previous year for January) to the 14th of the period's last month.
    DataCutoff { first_month: u32, months: u32 },
    /// Whole calendar months: from the 1st of `first_month` to the last day
    /// of the period's last month.
    CalendarMonths { first_month: u32, months: u32 },
}

/// The first day of `month` (1..=12, or 0 for December of the year before).
fn first_of(year: i32, month: u32) -> Option<NaiveDate> {
    match month {
        0 => NaiveDate::from_ymd_opt(year - 1, 12, 1),
        m => NaiveDate::from_ymd_opt(year, m, 1),
    }
}

/// The last day of `month` of `year`.
fn last_of(year: i32, month: u32) -> Option<NaiveDate> {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    next.pred_opt()
}

/// Day `day` of a month, or its last day when the month is shorter.
fn day_in_month(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    let last = last_of(year, month)?;
    last.with_day(day.min(last.day()))
}

impl WindowRule {
    fn months(&self) -> (u32, u32) {
        match *self {
            Self::DataCutoff {
                first_month,
                months,
            }
            | Self::CalendarMonths {
                first_month,
                months,
            } => (first_month, months),
        }
    }

    /// The window of the period in `year`; `None` for an invalid rule.
    pub fn window(&self, year: i32) -> Option<Window> {
        self.validate().ok()?;
        let (first, months) = self.months();
        let last_month = first + months - 1;
        let (start, end) = match self {
            Self::DataCutoff { .. } => (
                first_of(year, first - 1)?.with_day(CUTOFF_DAY)?,
                NaiveDate::from_ymd_opt(year, last_month, CUTOFF_DAY - 1)?,
            ),
            Self::CalendarMonths { .. } => (first_of(year, first)?, last_of(year, last_month)?),
        };
        Some(Window { start, end })
    }

    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let (first, months) = self.months();
        if !(1..=12).contains(&first) || months == 0 || first + months - 1 > 12 {
            return Err(ValidationErrors::single(
                "window",
                "Kỳ báo cáo phải nằm trong một năm: tháng đầu từ 1 đến 12 và không quá tháng 12.",
            ));
        }
        Ok(())
    }

    /// "Từ ngày 15/12 năm trước đến ngày 14/03".
    pub fn describe(&self) -> String {
        let (first, months) = self.months();
        let last = first + months - 1;
        match self {
            Self::DataCutoff { .. } => {
                let start = if first == 1 {
                    format!("{CUTOFF_DAY}/12 năm trước")
                } else {
                    format!("{CUTOFF_DAY}/{:02}", first - 1)
                };
                format!("Từ ngày {start} đến ngày {}/{last:02}", CUTOFF_DAY - 1)
            }
            Self::CalendarMonths { .. } => {
                format!("Từ ngày 01/{first:02} đến hết tháng {last:02}")
            }
        }
    }
}

/// When a report is due, by rule; a day off moves it to the next working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum DeadlineRule {
    /// Day `day` of the month the window ends in ("ngày 10 của tháng cuối kỳ");
    /// the month's last day when it is shorter.
    DayOfLastMonth { day: u32 },
    /// `days` calendar days after the window ends.
    DaysAfterWindowEnd { days: u32 },
    /// A fixed day and month of the year the window ends in ("trước ngày 05/6").
    FixedDate { day: u32, month: u32 },
}

impl DeadlineRule {
    /// The date the rule gives, before moving off days off.
    pub fn nominal(&self, window: &Window) -> Option<NaiveDate> {
        self.validate().ok()?;
        let end = window.end;
        match *self {
            Self::DayOfLastMonth { day } => day_in_month(end.year(), end.month(), day),
            Self::DaysAfterWindowEnd { days } => end.checked_add_days(Days::new(u64::from(days))),
            Self::FixedDate { day, month } => day_in_month(end.year(), month, day),
        }
    }

    /// The deadline in force: the nominal date, or the next working day.
    pub fn deadline(&self, window: &Window, calendar: &WorkingCalendar) -> Option<NaiveDate> {
        calendar.add_working_days(self.nominal(window)?, 0)
    }

    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let ok = match *self {
            Self::DayOfLastMonth { day } => (1..=31).contains(&day),
            Self::DaysAfterWindowEnd { days } => days <= 366,
            Self::FixedDate { day, month } => (1..=31).contains(&day) && (1..=12).contains(&month),
        };
        if ok {
            Ok(())
        } else {
            Err(ValidationErrors::single(
                "deadline",
                "Quy tắc thời hạn không hợp lệ: ngày từ 1 đến 31, tháng từ 1 đến 12, tối đa 366 ngày.",
            ))
        }
    }

    /// "Ngày 10 của tháng cuối kỳ".
    pub fn describe(&self) -> String {
        match *self {
            Self::DayOfLastMonth { day } => format!("Ngày {day:02} của tháng cuối kỳ"),
            Self::DaysAfterWindowEnd { days } => {
                format!("{days} ngày sau ngày chốt số liệu")
            }
            Self::FixedDate { day, month } => format!("Ngày {day:02}/{month:02} hằng năm"),
        }
    }
}

/// One round of a periodic type in one year, with its dates settled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    #[serde(rename = "type")]
    pub type_code: String,
    pub kind: ReportKind,
    pub year: i32,
    /// "Báo cáo quý I năm 2026".
    pub label: String,
    pub window_start: NaiveDate,
    pub window_end: NaiveDate,
    pub unit_deadline: Option<NaiveDate>,
    pub department_deadline: Option<NaiveDate>,
}

impl Period {
    pub fn window(&self) -> Window {
        Window {
            start: self.window_start,
            end: self.window_end,
        }
    }
}

/// The rounds of `year` of every active periodic type, by window end (then
/// in the order of `types`). Ad-hoc types have no rounds of their own.
pub fn periods(year: i32, types: &[ReportType], calendar: &WorkingCalendar) -> Vec<Period> {
    let mut out: Vec<Period> = types
        .iter()
        .filter(|t| t.active && t.kind.is_periodic())
        .filter_map(|t| {
            let window = t.window?.window(year)?;
            Some(Period {
                type_code: t.code.clone(),
                kind: t.kind,
                year,
                label: t.round_label(year),
                window_start: window.start,
                window_end: window.end,
                unit_deadline: t.unit_deadline.and_then(|r| r.deadline(&window, calendar)),
                department_deadline: t
                    .department_deadline
                    .and_then(|r| r.deadline(&window, calendar)),
            })
        })
        .collect();
    out.sort_by_key(|p| p.window_end);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn windows_follow_decree_09() {
        let q1 = WindowRule::DataCutoff {
            first_month: 1,
            months: 3,
        };
        assert_eq!(
            q1.window(2026),
            Some(Window {
                start: d(2025, 12, 15),
                end: d(2026, 3, 14)
            })
        );
        assert_eq!(q1.describe(), "Từ ngày 15/12 năm trước đến ngày 14/03");
        let q2 = WindowRule::DataCutoff {
            first_month: 4,
            months: 3,
        };
        assert_eq!(q2.window(2026).unwrap().label(), "15/03/2026 – 14/06/2026");
        let feb = WindowRule::CalendarMonths {
            first_month: 2,
            months: 1,
        };
        assert_eq!(feb.window(2028).unwrap().end, d(2028, 2, 29));
        let bad = WindowRule::DataCutoff {
            first_month: 11,
            months: 3,
        };
        assert!(bad.window(2026).is_none());
    }

    #[test]
    fn deadline_rules_clamp_to_short_months() {
        let w = Window {
            start: d(2026, 1, 15),
            end: d(2026, 2, 14),
        };
        let day31 = DeadlineRule::DayOfLastMonth { day: 31 };
        assert_eq!(day31.nominal(&w), Some(d(2026, 2, 28)));
        let fixed = DeadlineRule::FixedDate { day: 29, month: 2 };
        assert_eq!(fixed.nominal(&w), Some(d(2026, 2, 28)));
        let after = DeadlineRule::DaysAfterWindowEnd { days: 20 };
        assert_eq!(after.nominal(&w), Some(d(2026, 3, 6)));
        assert!(
            DeadlineRule::FixedDate { day: 1, month: 13 }
                .validate()
                .is_err()
        );
        assert_eq!(
            DeadlineRule::DayOfLastMonth { day: 10 }.describe(),
            "Ngày 10 của tháng cuối kỳ"
        );
    }
}
