//! What a schedule text means, once parsed.

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::point::{Span, TimePoint};

/// The kind of a schedule, with what the text said about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ScheduleKind {
    /// Both cells empty.
    Unspecified,
    /// A month, quarter, half-year, year or date, or a span between two
    /// ("Tháng 01/2020" - "Tháng 12/2020", "2021-2025").
    Fixed { span: Span },
    /// "Thường xuyên", "Liên tục": ongoing work, reported once a year.
    Continuous,
    /// "Hàng năm", "Quý I hàng năm", "hàng quý", "6 tháng", "định kỳ"...
    Recurring { recurrence: Recurrence },
    /// Due a number of days after an event is recorded ("Trong vòng 30 ngày
    /// kể từ ngày có thông báo kết quả kiểm tra").
    AfterEvent { after: AfterEvent },
    /// The deadline is set by another document or body ("Theo quy định của
    /// UBND tỉnh", "Theo Công văn số 4096/UBND-NC...").
    ByReference { reference: String },
    /// Start and end cells parse to kinds that do not combine.
    Conflicting {
        start: Box<ScheduleKind>,
        end: Box<ScheduleKind>,
    },
    /// Text the parser does not understand; kept for a person to read.
    Unrecognized,
}

/// How often recurring work falls due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "every", rename_all = "snake_case")]
pub enum Recurrence {
    /// Once a year, by a yearless point ("Quý I", "Trước 31/12") or, when
    /// `at` is `None`, by the end of the year.
    Yearly { at: Option<TimePoint> },
    /// Twice a year, by 30/6 and 31/12 ("6 tháng", "6 tháng một lần").
    HalfYearly,
    /// By the end of every quarter ("hàng quý").
    Quarterly,
    /// By the end of every month ("hàng tháng").
    Monthly,
    /// "Định kỳ" with no period: a person must say how often.
    Unspecified,
}

/// A deadline relative to an event the coordinator records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AfterEvent {
    /// How long after the event the work is due; `None` when the text only
    /// says "Sau khi ..." with no limit.
    pub offset: Option<Offset>,
    /// The event as written ("có thông báo kết quả kiểm tra").
    pub event: String,
}

/// A time limit after an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offset {
    pub amount: u32,
    pub unit: OffsetUnit,
}

/// The unit of an [`Offset`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OffsetUnit {
    /// Calendar days ("30 ngày"; weeks are read as 7 days).
    Days,
    /// Working days ("15 ngày làm việc"): counting them needs the calendar.
    WorkingDays,
    /// Calendar months ("03 tháng").
    Months,
}

impl Offset {
    /// The offset in calendar days, when it is one ("30 ngày" -> 30).
    pub fn days(&self) -> Option<u32> {
        (self.unit == OffsetUnit::Days).then_some(self.amount)
    }

    /// The due date for an event on `event_date`. `None` for working days,
    /// which only the working-day calendar can count, and past chrono's range.
    pub fn due_from(&self, event_date: NaiveDate) -> Option<NaiveDate> {
        match self.unit {
            OffsetUnit::Days => event_date.checked_add_days(Days::new(self.amount.into())),
            OffsetUnit::Months => event_date.checked_add_months(Months::new(self.amount)),
            OffsetUnit::WorkingDays => None,
        }
    }

    fn label(&self) -> String {
        let unit = match self.unit {
            OffsetUnit::Days => "ngày",
            OffsetUnit::WorkingDays => "ngày làm việc",
            OffsetUnit::Months => "tháng",
        };
        format!("{} {unit}", self.amount)
    }
}

impl AfterEvent {
    /// "Trong vòng 30 ngày kể từ khi có thông báo kết quả kiểm tra", or
    /// "Sau khi có thông báo kết quả kiểm tra" without an offset.
    pub fn label(&self) -> String {
        match &self.offset {
            Some(offset) => format!("Trong vòng {} kể từ khi {}", offset.label(), self.event),
            None => format!("Sau khi {}", self.event),
        }
    }
}
