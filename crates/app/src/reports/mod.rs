//! Periodic CCHC reports: the coordinator opens a round, each unit writes
//! its report (drafts autosave with optimistic versions) and submits it, the
//! coordinator returns it with a comment or accepts it (then it is locked).
//! Every submission is kept as a version. Figures fill themselves from
//! tracked work in the round's window and can be corrected by hand.
//! Also timeliness across rounds, the department's consolidated report, and
//! that report generated as .docx / .xlsx ([`App::report_document`]).
//!
//! Who may do what is decided by `cchc_domain::reports::{rights, check}`:
//! the owning unit's leaders and staff fill and submit, the coordinator of
//! the round's department reviews; others who see the round only read.

mod consolidate;
mod documents;
mod figures;
mod rounds;
mod timeliness;
mod workflow;

use chrono::NaiveDate;
use serde::Serialize;

use cchc_domain::actor::Actor;
use cchc_domain::reminders::vietnam_day;
use cchc_domain::reports::{
    Figures, Refusal, ReportRights, ReportStatus, ReportVersion, Round, RoundStatus, Timeliness,
    UnitReport, UnitReportId, rights, timeliness,
};
use cchc_domain::units::UnitId;
use cchc_store::Tx;
use cchc_store::reports::unit_reports::{self as report_store, NamedReport};
use cchc_store::reports::{figures as figure_store, rounds as round_store};
use cchc_store::units as unit_store;

use crate::{App, AppError, Result};

pub use documents::DocFormat;
pub use rounds::{ReportSummary, RoundView};

pub(crate) fn report_not_found() -> AppError {
    AppError::NotFound("Không tìm thấy báo cáo.")
}

pub(crate) fn round_not_found() -> AppError {
    AppError::NotFound("Không tìm thấy kỳ báo cáo.")
}

/// A refused workflow step as the use cases report it.
pub(crate) fn refused(r: Refusal) -> AppError {
    match r {
        Refusal::Forbidden => AppError::Forbidden,
        Refusal::Invalid(message) => AppError::validation("status", message),
    }
}

/// The day (Vietnam time) a report was first submitted.
pub(crate) fn first_submitted_on(report: &UnitReport) -> Option<NaiveDate> {
    report.first_submitted_at.map(vietnam_day)
}

/// One unit's report with everything its page shows.
#[derive(Debug, Clone, Serialize)]
pub struct UnitReportView {
    pub round: Round,
    /// The department collecting the round.
    pub department_name: String,
    pub unit_name: String,
    pub report: UnitReport,
    /// While the unit writes: computed now, with its corrections. Once
    /// submitted: as in the last submitted version.
    pub figures: Figures,
    /// Every submitted version, oldest first.
    pub versions: Vec<ReportVersion>,
    pub timeliness: Timeliness,
    /// Write, correct figures and submit now.
    pub can_edit: bool,
    /// Return or accept now.
    pub can_review: bool,
}

/// A unit report with its round and what the actor may do with it.
pub(crate) struct ReportContext {
    pub round: Round,
    pub report: UnitReport,
    pub unit_name: String,
    pub rights: ReportRights,
}

/// The report `id` if `actor` may see it (else "not found").
pub(crate) async fn report_context(
    tx: &mut Tx,
    actor: &Actor,
    id: UnitReportId,
) -> Result<ReportContext> {
    let NamedReport { report, unit_name } = report_store::get(tx, id)
        .await?
        .ok_or_else(report_not_found)?;
    let round = round_store::get(tx, report.round_id)
        .await?
        .ok_or_else(report_not_found)?;
    let rights = rights(actor, round.unit_id, report.unit_id);
    if !rights.view {
        return Err(report_not_found());
    }
    Ok(ReportContext {
        round,
        report,
        unit_name,
        rights,
    })
}

pub(crate) async fn unit_name(tx: &mut Tx, id: UnitId) -> Result<String> {
    Ok(unit_store::get(tx, id)
        .await?
        .map(|u| u.name)
        .unwrap_or_else(|| format!("Đơn vị #{id}")))
}

impl App {
    /// One unit's report: draft or submitted content, figures, versions, timeliness.
    pub async fn unit_report(&self, actor: &Actor, id: UnitReportId) -> Result<UnitReportView> {
        let mut tx = self.db.read().await?;
        let ctx = report_context(&mut tx, actor, id).await?;
        let versions = report_store::versions(&mut tx, &[id]).await?;
        let figures = match (ctx.report.status.is_editable(), versions.last()) {
            (false, Some(last)) => last.content.figures.clone(),
            _ => {
                let manual =
                    figure_store::overrides(&mut tx, ctx.round.id, ctx.report.unit_id).await?;
                self.live_figures(&mut tx, &ctx.round, ctx.report.unit_id, &manual)
                    .await?
            }
        };
        let open = ctx.round.status == RoundStatus::Open;
        let department_name = unit_name(&mut tx, ctx.round.unit_id).await?;
        Ok(UnitReportView {
            timeliness: timeliness(
                ctx.round.unit_deadline,
                first_submitted_on(&ctx.report),
                self.today(),
            ),
            can_edit: open && ctx.rights.fill && ctx.report.status.is_editable(),
            can_review: open && ctx.rights.review && ctx.report.status == ReportStatus::Submitted,
            department_name,
            unit_name: ctx.unit_name,
            figures,
            versions,
            round: ctx.round,
            report: ctx.report,
        })
    }
}
