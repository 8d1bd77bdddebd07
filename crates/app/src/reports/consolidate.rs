//! The department's report of a round, assembled from the units' accepted
//! reports and the department's own figures (for the .docx generator).

use cchc_domain::actor::Actor;
use cchc_domain::plans::PLAN_VIEW_ROLES;
use cchc_domain::reports::{
    AcceptedReport, Consolidated, Outcome, ReportStatus, Round, RoundId, consolidate,
};
use cchc_store::Tx;
use cchc_store::reports::figures as figure_store;
use cchc_store::reports::rounds as round_store;
use cchc_store::reports::unit_reports as report_store;

use super::round_not_found;
use crate::{App, Result};

impl App {
    /// The consolidated report of a round as it stands: every accepted
    /// report (its accepted version), the units still pending, and the
    /// department's figures computed now with the coordinator's corrections.
    /// Whoever sees the whole round may read it.
    pub async fn consolidate_round(
        &self,
        actor: &Actor,
        round_id: RoundId,
    ) -> Result<Consolidated> {
        let mut tx = self.db.read().await?;
        let round = round_store::get(&mut tx, round_id)
            .await?
            .ok_or_else(round_not_found)?;
        if !actor.covers(&PLAN_VIEW_ROLES, round.unit_id) {
            return Err(round_not_found());
        }
        self.consolidated_in(&mut tx, &round).await
    }

    /// The consolidated report of `round` read in `tx`, for whoever was
    /// allowed to read it.
    pub(crate) async fn consolidated_in(&self, tx: &mut Tx, round: &Round) -> Result<Consolidated> {
        let round_id = round.id;
        let reports = report_store::of_rounds(tx, &[round_id]).await?;
        let ids: Vec<i64> = reports.iter().map(|r| r.report.id).collect();
        let versions = report_store::versions(tx, &ids).await?;
        let mut accepted = Vec::new();
        let mut pending = Vec::new();
        for r in reports {
            let version = versions
                .iter()
                .filter(|v| v.report_id == r.report.id && v.outcome == Some(Outcome::Accepted))
                .max_by_key(|v| v.number);
            match (r.report.status, version) {
                (ReportStatus::Accepted, Some(v)) => accepted.push(AcceptedReport {
                    unit_id: r.report.unit_id,
                    unit_name: r.unit_name,
                    version: v.number,
                    accepted_at: v.reviewed_at,
                    content: v.content.clone(),
                }),
                (status, _) => pending.push((r.unit_name, status)),
            }
        }
        let manual = figure_store::overrides(tx, round_id, round.unit_id).await?;
        let department = self.live_figures(tx, round, round.unit_id, &manual).await?;
        Ok(consolidate(round, &department, &accepted, &pending))
    }
}
