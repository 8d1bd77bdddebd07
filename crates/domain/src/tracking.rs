//! Tracking (theo dõi thực hiện): for each occurrence of a task and each
//! assigned unit, a status, progress, result and evidence. Cooperating units
//! report their part, the lead unit confirms the whole, the coordinator may
//! return a report. Also the due-date rules and who may do what.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::actor::Actor;
use crate::calendar::WorkingCalendar;
use crate::error::ValidationErrors;
use crate::plans::{Plan, TaskRole};
use crate::roles::Role;
use crate::schedule::{Occurrence, Offset, OffsetUnit};
use crate::text;
use crate::units::UnitId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    NotStarted,
    InProgress,
    Done,
    DoneLate,
    NotDone,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Self::NotStarted,
        Self::InProgress,
        Self::Done,
        Self::DoneLate,
        Self::NotDone,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::NotStarted => "not_started",
            Self::InProgress => "in_progress",
            Self::Done => "done",
            Self::DoneLate => "done_late",
            Self::NotDone => "not_done",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::NotStarted => "Chưa thực hiện",
            Self::InProgress => "Đang thực hiện",
            Self::Done => "Hoàn thành",
            Self::DoneLate => "Hoàn thành quá hạn",
            Self::NotDone => "Không hoàn thành",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Done (on time or late) or given up: no more reminders.
    pub fn is_final(self) -> bool {
        matches!(self, Self::Done | Self::DoneLate | Self::NotDone)
    }

    /// The codes of the open statuses, for SQL filters.
    pub const OPEN_CODES: [&'static str; 2] = ["not_started", "in_progress"];
}

/// Where a unit's report stands with the lead unit and the coordinator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Review {
    None,
    Reported,
    Confirmed,
    Returned,
}

impl Review {
    pub const ALL: [Review; 4] = [Self::None, Self::Reported, Self::Confirmed, Self::Returned];

    pub fn code(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Reported => "reported",
            Self::Confirmed => "confirmed",
            Self::Returned => "returned",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::None => "Chưa báo cáo",
            Self::Reported => "Đã báo cáo",
            Self::Confirmed => "Đã xác nhận",
            Self::Returned => "Bị trả lại",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// A unit's report on one occurrence, as submitted.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
pub struct StatusUpdate {
    pub status: String,
    #[serde(default)]
    pub progress_pct: Option<i64>,
    #[serde(default)]
    pub result_text: String,
    #[serde(default)]
    pub achieved_value: Option<f64>,
    #[serde(default)]
    pub reason: String,
    /// When the work was finished; defaults to today for a done status.
    #[serde(default)]
    pub completed_on: Option<NaiveDate>,
}

/// A validated update, with the status settled against the due date.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidUpdate {
    pub status: Status,
    pub progress_pct: i64,
    pub result_text: String,
    pub achieved_value: Option<f64>,
    pub reason: String,
    pub completed_on: Option<NaiveDate>,
}

impl StatusUpdate {
    /// Checks the update and settles "done" against `due`: finished after the
    /// due date is "hoàn thành quá hạn", whichever of the two was chosen.
    pub fn validate(
        &self,
        due: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<ValidUpdate, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let status = Status::parse(self.status.trim()).unwrap_or_else(|| {
            errors.add("status", "Chọn trạng thái thực hiện.");
            Status::InProgress
        });
        let reason = text::clean(&self.reason);
        let result_text = self
            .result_text
            .lines()
            .map(text::clean)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        if status == Status::NotDone && reason.is_empty() {
            errors.add("reason", "Ghi rõ lý do không hoàn thành.");
        }
        let progress = match status {
            Status::Done | Status::DoneLate => 100,
            Status::NotStarted => self.progress_pct.unwrap_or(0),
            _ => self.progress_pct.unwrap_or(0),
        };
        if !(0..=100).contains(&progress) {
            errors.add("progress_pct", "Tiến độ phải từ 0 đến 100%.");
        }
        if status == Status::InProgress && progress == 100 {
            errors.add(
                "progress_pct",
                "Tiến độ 100% thì chọn trạng thái “Hoàn thành”.",
            );
        }
        if let Some(v) = self.achieved_value
            && !v.is_finite()
        {
            errors.add("achieved_value", "Giá trị đạt được không hợp lệ.");
        }
        let completed_on = match status {
            Status::Done | Status::DoneLate => Some(self.completed_on.unwrap_or(today)),
            _ => None,
        };
        if completed_on.is_some_and(|d| d > today) {
            errors.add("completed_on", "Ngày hoàn thành không được sau hôm nay.");
        }
        errors.into_result()?;
        let status = match (status, completed_on, due) {
            (Status::Done | Status::DoneLate, Some(done), Some(due)) if done > due => {
                Status::DoneLate
            }
            (Status::Done | Status::DoneLate, _, _) => Status::Done,
            (other, _, _) => other,
        };
        Ok(ValidUpdate {
            status,
            progress_pct: progress,
            result_text,
            achieved_value: self.achieved_value,
            reason,
            completed_on,
        })
    }
}

/// An occurrence with its working-day due date settled.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedOccurrence {
    pub occurrence: Occurrence,
    /// The calendar due date as the plan says it.
    pub nominal_due: Option<NaiveDate>,
    /// The due date in force: moved to the next working day when the nominal
    /// one is a day off (a time limit ending on a day off ends on the next
    /// working day).
    pub due_on: Option<NaiveDate>,
}

/// The due date in force for a nominal one.
pub fn effective_due(calendar: &WorkingCalendar, nominal: NaiveDate) -> Option<NaiveDate> {
    calendar.add_working_days(nominal, 0)
}

/// The due date once the event of an event-relative task happened.
pub fn due_after_event(
    calendar: &WorkingCalendar,
    offset: &Offset,
    event_on: NaiveDate,
) -> Option<NaiveDate> {
    let nominal = match offset.unit {
        OffsetUnit::WorkingDays => {
            calendar.add_working_days(event_on, i32::try_from(offset.amount).ok()?)?
        }
        _ => offset.due_from(event_on)?,
    };
    effective_due(calendar, nominal)
}

pub fn plan_occurrences(
    occurrences: Vec<Occurrence>,
    calendar: &WorkingCalendar,
) -> Vec<PlannedOccurrence> {
    occurrences
        .into_iter()
        .map(|occurrence| {
            let nominal_due = occurrence.due;
            let due_on = nominal_due.and_then(|d| effective_due(calendar, d));
            PlannedOccurrence {
                occurrence,
                nominal_due,
                due_on,
            }
        })
        .collect()
}

/// How an open occurrence stands on `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    Overdue,
    DueSoon,
    Later,
    NoDueDate,
}

/// Overdue after the due date; due soon within `soon_days` working days.
pub fn urgency(
    calendar: &WorkingCalendar,
    due: Option<NaiveDate>,
    today: NaiveDate,
    soon_days: i32,
) -> Urgency {
    match due {
        None => Urgency::NoDueDate,
        Some(d) if d < today => Urgency::Overdue,
        Some(d) if calendar.working_days_between(today, d) <= soon_days => Urgency::DueSoon,
        Some(_) => Urgency::Later,
    }
}

/// What an actor may do with one unit's tracking row of a task.
pub struct Rights {
    /// Report status, progress, results and evidence for the row's unit.
    pub report: bool,
    /// Confirm the whole occurrence (lead row only).
    pub confirm: bool,
    /// Return the report with a comment.
    pub send_back: bool,
}

pub fn rights(actor: &Actor, plan: &Plan, unit: UnitId, role: TaskRole) -> Rights {
    let manager = plan.managed_by(actor);
    let of_unit = actor.covers(&[Role::Leader, Role::Staff], unit);
    let leader = actor.covers(&[Role::Leader], unit);
    Rights {
        report: manager || of_unit,
        confirm: role == TaskRole::Lead && (manager || leader),
        send_back: manager,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn update(status: &str) -> StatusUpdate {
        StatusUpdate {
            status: status.into(),
            ..Default::default()
        }
    }

    #[test]
    fn done_after_the_due_date_is_done_late() {
        let today = d(2026, 4, 10);
        let late = StatusUpdate {
            completed_on: Some(d(2026, 4, 2)),
            ..update("done")
        };
        let v = late.validate(Some(d(2026, 3, 31)), today).unwrap();
        assert_eq!((v.status, v.progress_pct), (Status::DoneLate, 100));
        let v = update("done_late")
            .validate(Some(d(2026, 4, 30)), today)
            .unwrap();
        assert_eq!(v.status, Status::Done, "on time, whatever was chosen");
        assert_eq!(v.completed_on, Some(today));
    }

    #[test]
    fn not_done_needs_a_reason_and_progress_is_bounded() {
        let today = d(2026, 4, 10);
        let e = update("not_done").validate(None, today).unwrap_err();
        assert!(e.for_field("reason").is_some());
        let e = StatusUpdate {
            progress_pct: Some(140),
            ..update("in_progress")
        }
        .validate(None, today)
        .unwrap_err();
        assert!(e.for_field("progress_pct").is_some());
        let e = StatusUpdate {
            completed_on: Some(d(2026, 5, 1)),
            ..update("done")
        }
        .validate(None, today)
        .unwrap_err();
        assert!(e.for_field("completed_on").is_some());
        assert!(update("xyz").validate(None, today).is_err());
    }

    #[test]
    fn due_dates_on_days_off_move_to_the_next_working_day() {
        let cal = WorkingCalendar::official();
        // 31/12/2022 is a Saturday; 2/1/2023 the compensatory day off for 1/1.
        assert_eq!(effective_due(&cal, d(2022, 12, 31)), Some(d(2023, 1, 3)));
        assert_eq!(effective_due(&cal, d(2026, 3, 31)), Some(d(2026, 3, 31)));
        let thirty_days = Offset {
            amount: 30,
            unit: OffsetUnit::Days,
        };
        assert_eq!(
            due_after_event(&cal, &thirty_days, d(2026, 3, 2)),
            Some(d(2026, 4, 1))
        );
        let ten_working = Offset {
            amount: 10,
            unit: OffsetUnit::WorkingDays,
        };
        assert_eq!(
            due_after_event(&cal, &ten_working, d(2026, 4, 24)),
            Some(d(2026, 5, 13)),
            "skips 27/4 (Giỗ Tổ on a Sunday), 30/4, 1/5 and the weekends"
        );
    }

    #[test]
    fn urgency_counts_working_days() {
        let cal = WorkingCalendar::official();
        let today = d(2026, 3, 2);
        assert_eq!(
            urgency(&cal, Some(d(2026, 2, 27)), today, 5),
            Urgency::Overdue
        );
        assert_eq!(
            urgency(&cal, Some(d(2026, 3, 9)), today, 5),
            Urgency::DueSoon
        );
        assert_eq!(
            urgency(&cal, Some(d(2026, 3, 10)), today, 5),
            Urgency::Later
        );
        assert_eq!(urgency(&cal, None, today, 5), Urgency::NoDueDate);
    }
}
