//! Occurrences (lần thực hiện) of a schedule over a plan period: what is due
//! when, and what a coordinator must still decide.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::kind::{AfterEvent, Recurrence, ScheduleKind};
use super::point::{Span, TimePoint, YEARS};

/// The longest plan period accepted, in years; keeps occurrence lists small.
pub const MAX_PLAN_YEARS: i32 = 50;

/// The first and last year of a plan ("năm 2020", "giai đoạn 2021-2025").
/// Always valid: deserializing checks it like [`PlanPeriod::new`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawPlanPeriod")]
pub struct PlanPeriod {
    first_year: i32,
    last_year: i32,
}

#[derive(Deserialize)]
struct RawPlanPeriod {
    first_year: i32,
    last_year: i32,
}

impl TryFrom<RawPlanPeriod> for PlanPeriod {
    type Error = PlanPeriodError;

    fn try_from(raw: RawPlanPeriod) -> Result<Self, Self::Error> {
        PlanPeriod::new(raw.first_year, raw.last_year)
    }
}

/// Why a plan period was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PlanPeriodError {
    #[error("Năm đầu của giai đoạn kế hoạch ({first}) sau năm cuối ({last}).")]
    Reversed { first: i32, last: i32 },
    #[error(
        "Giai đoạn kế hoạch {first}-{last} không hợp lệ (năm từ 1900 đến 2200, tối đa 50 năm)."
    )]
    OutOfRange { first: i32, last: i32 },
}

impl PlanPeriod {
    /// A period from `first_year` to `last_year`, both included.
    pub fn new(first_year: i32, last_year: i32) -> Result<Self, PlanPeriodError> {
        let (first, last) = (first_year, last_year);
        if first > last {
            return Err(PlanPeriodError::Reversed { first, last });
        }
        let in_range = |y: i32| u64::try_from(y).is_ok_and(|y| YEARS.contains(&y));
        if !in_range(first) || !in_range(last) || last - first >= MAX_PLAN_YEARS {
            return Err(PlanPeriodError::OutOfRange { first, last });
        }
        Ok(PlanPeriod {
            first_year,
            last_year,
        })
    }

    /// A one-year plan.
    pub fn year(year: i32) -> Result<Self, PlanPeriodError> {
        Self::new(year, year)
    }

    pub fn first_year(&self) -> i32 {
        self.first_year
    }

    pub fn last_year(&self) -> i32 {
        self.last_year
    }

    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        self.first_year..=self.last_year
    }

    /// The year of a one-year plan.
    fn single_year(&self) -> Option<i32> {
        (self.first_year == self.last_year).then_some(self.first_year)
    }
}

/// Why an occurrence has no certain due date and needs a coordinator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionReason {
    /// Both schedule cells are empty.
    NoSchedule,
    /// The text is not one the parser understands.
    Unrecognized,
    /// The deadline is set by another document or body.
    ByReference,
    /// "Sau khi ..." with no time limit after the event.
    NoOffsetAfterEvent,
    /// "Định kỳ" with no period.
    UnspecifiedRecurrence,
    /// No year in the text, and the plan spans several years.
    MissingYear,
    /// A date that does not exist (29/02 of a common year).
    InvalidDate,
    /// The end is before the start.
    EndBeforeStart,
    /// Start and end cells disagree ("Tháng 01/2020" - "Thường xuyên").
    Conflicting,
}

impl DecisionReason {
    /// The message shown to the coordinator.
    pub fn message(&self) -> &'static str {
        match self {
            Self::NoSchedule => "Cần xác định thời hạn: chưa ghi thời gian thực hiện.",
            Self::Unrecognized => "Cần xác định thời hạn: không đọc được thời gian thực hiện.",
            Self::ByReference => {
                "Cần xác định thời hạn: thời hạn theo văn bản hoặc quy định được dẫn chiếu."
            }
            Self::NoOffsetAfterEvent => {
                "Cần xác định thời hạn: chưa rõ thời hạn hoàn thành sau sự kiện."
            }
            Self::UnspecifiedRecurrence => "Cần xác định thời hạn: chưa rõ chu kỳ thực hiện.",
            Self::MissingYear => "Cần xác định thời hạn: chưa rõ năm thực hiện.",
            Self::InvalidDate => "Cần xác định thời hạn: ngày không tồn tại.",
            Self::EndBeforeStart => {
                "Cần xác định thời hạn: thời gian kết thúc trước thời gian bắt đầu."
            }
            Self::Conflicting => {
                "Cần xác định thời hạn: thời gian bắt đầu và kết thúc không thống nhất."
            }
        }
    }
}

impl std::fmt::Display for DecisionReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message())
    }
}

/// One time a task falls due (lần thực hiện).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occurrence {
    /// Vietnamese label: "Quý I/2021", "Năm 2022", "Tháng 12/2019".
    pub label: String,
    /// When the work may start, if the schedule says.
    pub window_start: Option<NaiveDate>,
    /// Calendar due date (not yet moved to a working day); `None` when not
    /// certain or relative to an event.
    pub due: Option<NaiveDate>,
    /// For event-relative schedules: the event and the time limit after it.
    pub after_event: Option<AfterEvent>,
    /// Set when a coordinator must fix the due date.
    pub decision: Option<DecisionReason>,
}

impl Occurrence {
    /// Whether a coordinator must decide the due date ("cần xác định thời hạn").
    pub fn needs_decision(&self) -> bool {
        self.decision.is_some()
    }

    fn undecided(label: String, reason: DecisionReason) -> Self {
        Occurrence {
            label,
            window_start: None,
            due: None,
            after_event: None,
            decision: Some(reason),
        }
    }

    fn of_span(span: Span) -> Self {
        let (start, due) = (span.window_start(), span.to.last_day());
        let reason = match (start, due) {
            (_, None) => Some(DecisionReason::InvalidDate),
            (None, _) if span.from.is_some() => Some(DecisionReason::InvalidDate),
            (Some(s), Some(d)) if s > d => Some(DecisionReason::EndBeforeStart),
            _ => None,
        };
        match reason {
            Some(reason) => Self::undecided(span.label(), reason),
            None => Occurrence {
                label: span.label(),
                window_start: start,
                due,
                after_event: None,
                decision: None,
            },
        }
    }
}

/// Occurrences of `kind` over `period`; `source` labels what cannot be
/// parsed (the original text).
pub(super) fn occurrences(
    kind: &ScheduleKind,
    source: &str,
    period: PlanPeriod,
) -> Vec<Occurrence> {
    let undecided = |reason| vec![Occurrence::undecided(source.to_owned(), reason)];
    let each_year = |points: &dyn Fn(i32) -> Vec<TimePoint>| -> Vec<Occurrence> {
        period
            .years()
            .flat_map(points)
            .map(|p| Occurrence::of_span(Span::at(p)))
            .collect()
    };
    match kind {
        ScheduleKind::Unspecified => vec![Occurrence::undecided(
            "Chưa ghi thời gian thực hiện".to_owned(),
            DecisionReason::NoSchedule,
        )],
        ScheduleKind::Unrecognized => undecided(DecisionReason::Unrecognized),
        ScheduleKind::ByReference { .. } => undecided(DecisionReason::ByReference),
        ScheduleKind::Conflicting { .. } => undecided(DecisionReason::Conflicting),
        ScheduleKind::Fixed { span } => match (span.lacks_year(), period.single_year()) {
            (false, _) => vec![Occurrence::of_span(*span)],
            (true, Some(year)) => vec![Occurrence::of_span(span.or_year(year))],
            (true, None) => vec![Occurrence::undecided(
                span.label(),
                DecisionReason::MissingYear,
            )],
        },
        ScheduleKind::Continuous => each_year(&|year| vec![TimePoint::Year { year }]),
        ScheduleKind::Recurring { recurrence } => match *recurrence {
            Recurrence::Yearly { at: None } => each_year(&|year| vec![TimePoint::Year { year }]),
            Recurrence::Yearly { at: Some(at) } => each_year(&|year| vec![at.or_year(year)]),
            Recurrence::HalfYearly => each_year(&|y| {
                (1..=2)
                    .map(|half| TimePoint::Half {
                        year: Some(y),
                        half,
                    })
                    .collect()
            }),
            Recurrence::Quarterly => each_year(&|y| {
                (1..=4)
                    .map(|quarter| TimePoint::Quarter {
                        year: Some(y),
                        quarter,
                    })
                    .collect()
            }),
            Recurrence::Monthly => each_year(&|y| {
                (1..=12)
                    .map(|month| TimePoint::Month {
                        year: Some(y),
                        month,
                    })
                    .collect()
            }),
            Recurrence::Unspecified => undecided(DecisionReason::UnspecifiedRecurrence),
        },
        ScheduleKind::AfterEvent { after } => vec![Occurrence {
            label: after.label(),
            window_start: None,
            due: None,
            after_event: Some(after.clone()),
            decision: after
                .offset
                .is_none()
                .then_some(DecisionReason::NoOffsetAfterEvent),
        }],
    }
}
