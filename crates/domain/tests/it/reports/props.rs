//! Properties of windows, deadlines, the workflow and timeliness.

use std::sync::LazyLock;

use cchc_domain::calendar::WorkingCalendar;
use cchc_domain::reports::{
    DeadlineRule, Refusal, ReportAction, ReportRights, ReportStatus, RoundStatus, Timeliness,
    WindowRule, check, timeliness,
};
use chrono::{Days, NaiveDate};
use proptest::prelude::*;

use super::d;

static OFFICIAL: LazyLock<WorkingCalendar> = LazyLock::new(WorkingCalendar::official);

fn cutoff(first_month: u32, months: u32) -> WindowRule {
    WindowRule::DataCutoff {
        first_month,
        months,
    }
}

fn rule() -> impl Strategy<Value = DeadlineRule> {
    prop_oneof![
        (1u32..=31).prop_map(|day| DeadlineRule::DayOfLastMonth { day }),
        (0u32..=60).prop_map(|days| DeadlineRule::DaysAfterWindowEnd { days }),
        (1u32..=31, 1u32..=12).prop_map(|(day, month)| DeadlineRule::FixedDate { day, month }),
    ]
}

fn action() -> impl Strategy<Value = ReportAction> {
    prop_oneof![
        Just(ReportAction::SaveDraft),
        Just(ReportAction::SetFigure),
        Just(ReportAction::Submit),
        Just(ReportAction::Return),
        Just(ReportAction::Accept),
    ]
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (0u64..3000).prop_map(|offset| d(2020, 1, 1) + Days::new(offset))
}

proptest! {
    /// Consecutive periods of a ND 09/2019 rule leave no gap and no overlap,
    /// also from December into January of the next year.
    #[test]
    fn cutoff_windows_are_contiguous(year in 2000i32..2100, first in 1u32..=12, split in 1u32..=12) {
        let months = 13 - first;
        prop_assume!(split < months);
        let a = cutoff(first, split).window(year).unwrap();
        let b = cutoff(first + split, months - split).window(year).unwrap();
        prop_assert_eq!(a.end.succ_opt(), Some(b.start));
        let last = cutoff(first, months).window(year).unwrap();
        let next_year = cutoff(1, 3).window(year + 1).unwrap();
        prop_assert_eq!(last.end.succ_opt(), Some(next_year.start));
    }

    /// Q1 ⊂ 6 months ⊂ 9 months ⊂ year, all from 15/12 of the year before.
    #[test]
    fn cumulative_windows_nest(year in 2000i32..2100) {
        let ws: Vec<_> = [3, 6, 9, 12].iter().map(|m| cutoff(1, *m).window(year).unwrap()).collect();
        for pair in ws.windows(2) {
            prop_assert_eq!(pair[0].start, pair[1].start);
            prop_assert!(pair[0].end < pair[1].end);
        }
        prop_assert_eq!(ws[0].start, d(year - 1, 12, 15));
        prop_assert_eq!(ws[3].end, d(year, 12, 14));
    }

    /// A deadline is the first working day on or after the rule's date;
    /// "N days after the window" is never before the window ends.
    #[test]
    fn deadlines_are_the_next_working_day(year in 2015i32..2035, months in 1u32..=12, r in rule()) {
        let window = cutoff(1, months).window(year).unwrap();
        let nominal = r.nominal(&window).unwrap();
        let deadline = r.deadline(&window, &OFFICIAL).unwrap();
        prop_assert!(OFFICIAL.is_working_day(deadline));
        prop_assert!(deadline >= nominal);
        for day in nominal.iter_days().take_while(|day| *day < deadline) {
            prop_assert!(!OFFICIAL.is_working_day(day), "{day} skipped");
        }
        if let DeadlineRule::DaysAfterWindowEnd { .. } = r {
            prop_assert!(deadline >= window.end);
        }
        if let DeadlineRule::DayOfLastMonth { .. } = r {
            // Same month, or the first working days after it.
            prop_assert!((deadline - window.end).num_days() <= 31);
        }
    }

    /// Only the owning unit moves a report forward, only the coordinator
    /// reviews, and nothing moves an accepted report or a closed round.
    #[test]
    fn the_workflow_keeps_its_rules(
        steps in proptest::collection::vec((action(), any::<bool>(), any::<bool>()), 0..30),
        closed in any::<bool>(),
    ) {
        let round = if closed { RoundStatus::Closed } else { RoundStatus::Open };
        let mut status = ReportStatus::Draft;
        for (a, fill, review) in steps {
            let rights = ReportRights { view: true, fill, review };
            match check(a, rights, status, round) {
                Ok(next) => {
                    prop_assert!(round == RoundStatus::Open);
                    prop_assert!(status != ReportStatus::Accepted);
                    match a {
                        ReportAction::SaveDraft | ReportAction::SetFigure => {
                            prop_assert!(fill && status.is_editable() && next == status);
                        }
                        ReportAction::Submit => {
                            prop_assert!(fill && status.is_editable());
                            prop_assert_eq!(next, ReportStatus::Submitted);
                        }
                        ReportAction::Return | ReportAction::Accept => {
                            prop_assert!(review && status == ReportStatus::Submitted);
                        }
                    }
                    status = next;
                }
                Err(Refusal::Forbidden) => {
                    let needed = match a {
                        ReportAction::Return | ReportAction::Accept => review,
                        _ => fill,
                    };
                    prop_assert!(!needed);
                }
                Err(Refusal::Invalid(message)) => prop_assert!(!message.is_empty()),
            }
        }
    }

    #[test]
    fn timeliness_compares_the_first_submission_with_the_deadline(
        deadline in date(), sent in proptest::option::of(date()), as_of in date(),
    ) {
        let t = timeliness(Some(deadline), sent, as_of);
        match (sent.filter(|s| *s <= as_of), t) {
            (Some(s), Timeliness::OnTime) => prop_assert!(s <= deadline),
            (Some(s), Timeliness::Late { days }) => {
                prop_assert!(days > 0);
                prop_assert_eq!(deadline + Days::new(days as u64), s);
            }
            (None, Timeliness::Missing) => prop_assert!(as_of > deadline),
            (None, Timeliness::NotDue) => prop_assert!(as_of <= deadline),
            (s, t) => prop_assert!(false, "{s:?} gave {t:?}"),
        }
    }
}
