//! Opening a round: the coordinator picks a type and a year (or, for an
//! ad-hoc report, a title, a window and deadlines); the window and the
//! deadlines of a periodic type come from its rules unless given.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::outline::Outline;
use super::rules::Window;
use super::{ReportKind, ReportType};
use crate::calendar::WorkingCalendar;
use crate::error::ValidationErrors;
use crate::text;
use crate::units::UnitId;

/// What the coordinator submits to open a round.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct RoundDraft {
    pub type_code: String,
    /// The report year; for an ad-hoc report, the year its window ends in by default.
    #[serde(default)]
    pub year: Option<i32>,
    /// The department collecting the reports.
    #[serde(default)]
    pub unit_id: Option<UnitId>,
    /// The units that report; empty: the department's open direct subunits.
    #[serde(default)]
    pub unit_ids: Vec<UnitId>,
    /// Title of an ad-hoc report (periodic ones are named by type and year).
    #[serde(default)]
    pub label: String,
    /// Window of an ad-hoc report.
    #[serde(default)]
    pub window_start: Option<NaiveDate>,
    #[serde(default)]
    pub window_end: Option<NaiveDate>,
    /// Deadlines in place of the type's rules (required for ad-hoc reports);
    /// a day off moves them to the next working day.
    #[serde(default)]
    pub unit_deadline: Option<NaiveDate>,
    #[serde(default)]
    pub department_deadline: Option<NaiveDate>,
}

/// A validated [`RoundDraft`] with every date settled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidRound {
    pub type_code: String,
    pub kind: ReportKind,
    pub year: i32,
    pub label: String,
    pub unit_id: UnitId,
    pub window: Window,
    pub unit_deadline: Option<NaiveDate>,
    pub department_deadline: Option<NaiveDate>,
    pub outline: Outline,
}

impl RoundDraft {
    pub fn validate(
        &self,
        types: &[ReportType],
        calendar: &WorkingCalendar,
    ) -> Result<ValidRound, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let rtype = types
            .iter()
            .find(|t| t.active && t.code == self.type_code.trim());
        if rtype.is_none() {
            errors.add("type_code", "Chọn loại báo cáo.");
        }
        let unit_id = self.unit_id.unwrap_or_else(|| {
            errors.add("unit_id", "Chọn cơ quan tổng hợp báo cáo.");
            0
        });
        let year = self
            .year
            .or_else(|| self.window_end.map(|d| d.year()))
            .filter(|y| (2000..=2100).contains(y));
        if year.is_none() {
            errors.add("year", "Năm báo cáo phải trong khoảng 2000 - 2100.");
        }
        let (Some(rtype), Some(year)) = (rtype, year) else {
            return Err(errors);
        };
        let label;
        let window;
        if rtype.kind.is_periodic() {
            label = rtype.round_label(year);
            window = rtype.window.and_then(|w| w.window(year));
            if window.is_none() {
                errors.add(
                    "type_code",
                    "Loại báo cáo này chưa có quy tắc chốt số liệu hợp lệ.",
                );
            }
        } else {
            label = text::clean(&self.label);
            if label.is_empty() {
                errors.add("label", "Nhập tên báo cáo đột xuất.");
            } else if label.chars().count() > 300 {
                errors.add("label", "Tên báo cáo dài quá 300 ký tự.");
            }
            window = match (self.window_start, self.window_end) {
                (Some(start), Some(end)) if start <= end => Some(Window { start, end }),
                (Some(_), Some(_)) => {
                    errors.add("window_end", "Ngày kết thúc phải từ ngày bắt đầu trở đi.");
                    None
                }
                _ => {
                    errors.add("window_start", "Nhập thời gian lấy số liệu của báo cáo.");
                    None
                }
            };
            if self.unit_deadline.is_none() {
                errors.add("unit_deadline", "Nhập hạn gửi báo cáo của đơn vị.");
            }
        }
        let settle = |given: Option<NaiveDate>, rule: Option<super::DeadlineRule>| match given {
            Some(d) => calendar.add_working_days(d, 0),
            None => window.and_then(|w| rule.and_then(|r| r.deadline(&w, calendar))),
        };
        let unit_deadline = settle(self.unit_deadline, rtype.unit_deadline);
        let department_deadline = settle(self.department_deadline, rtype.department_deadline);
        if let (Some(u), Some(d)) = (unit_deadline, department_deadline)
            && u > d
        {
            errors.add(
                "department_deadline",
                "Hạn gửi của đơn vị phải trước hoặc cùng ngày với hạn báo cáo của cơ quan tổng hợp.",
            );
        }
        errors.into_result()?;
        let window = window.ok_or_else(|| {
            ValidationErrors::single("window_start", "Nhập thời gian lấy số liệu của báo cáo.")
        })?;
        Ok(ValidRound {
            type_code: rtype.code.clone(),
            kind: rtype.kind,
            year,
            label,
            unit_id,
            window,
            unit_deadline,
            department_deadline,
            outline: rtype.outline.clone(),
        })
    }
}
