//! Timeliness of units' reports across the rounds of a year.

use chrono::NaiveDate;

use cchc_domain::actor::Actor;
use cchc_domain::reminders::vietnam_day;
use cchc_domain::reports::{RoundColumn, Submission, TimelinessTable, timeliness_table};

use crate::{App, Result};

impl App {
    /// On time, late or missing for every unit and round of `year` the
    /// actor sees (rounds in window order), as of `as_of` (default today),
    /// with each unit's rate.
    pub async fn report_timeliness(
        &self,
        actor: &Actor,
        year: i32,
        as_of: Option<NaiveDate>,
    ) -> Result<TimelinessTable> {
        let mut views = self.report_rounds(actor, Some(year)).await?;
        views.reverse();
        let rounds: Vec<RoundColumn> = views
            .iter()
            .map(|v| RoundColumn {
                round_id: v.round.id,
                label: v.round.label.clone(),
                unit_deadline: v.round.unit_deadline,
            })
            .collect();
        let submissions: Vec<Submission> = views
            .iter()
            .flat_map(|v| {
                v.reports.iter().map(|r| Submission {
                    round_id: v.round.id,
                    unit_id: r.unit_id,
                    unit_name: r.unit_name.clone(),
                    first_submitted_on: r.first_submitted_at.map(vietnam_day),
                })
            })
            .collect();
        Ok(timeliness_table(
            &rounds,
            &submissions,
            as_of.unwrap_or_else(|| self.today()),
        ))
    }
}
