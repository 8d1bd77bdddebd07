//! Report types, the rounds of a year, and rounds as the coordinator opens,
//! follows and closes them.

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::json;

use cchc_domain::actor::{Actor, Scope};
use cchc_domain::plans::PLAN_VIEW_ROLES;
use cchc_domain::reports::{
    Period, ReportStatus, ReportType, Round, RoundDraft, RoundId, RoundStatus, Timeliness,
    UnitReportId, periods, rights, timeliness,
};
use cchc_domain::roles::Role;
use cchc_domain::text;
use cchc_domain::units::{Unit, UnitId, subtree_ids};
use cchc_store::Tx;
use cchc_store::reports::rounds::{self as store, RoundFilter};
use cchc_store::reports::types as type_store;
use cchc_store::reports::unit_reports::{self as report_store, NamedReport};
use cchc_store::units as unit_store;

use super::{first_submitted_on, round_not_found, unit_name};
use crate::audit::{Change, record, snapshot};
use crate::tracking::user_ref;
use crate::{App, AppError, Result};

/// One unit's report in a round's list.
#[derive(Debug, Clone, Serialize)]
pub struct ReportSummary {
    pub report_id: UnitReportId,
    pub unit_id: UnitId,
    pub unit_name: String,
    pub status: ReportStatus,
    pub submissions: i64,
    pub first_submitted_at: Option<DateTime<Utc>>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub timeliness: Timeliness,
    pub version: i64,
}

/// A round with the reports the actor sees.
#[derive(Debug, Clone, Serialize)]
pub struct RoundView {
    pub round: Round,
    pub department_name: String,
    /// By unit name in Vietnamese order.
    pub reports: Vec<ReportSummary>,
    /// Review reports, correct the department's figures, close the round.
    pub can_manage: bool,
}

/// Units that report by default: the department's open direct subunits.
fn default_participants(
    units: &[Unit],
    department: UnitId,
    today: chrono::NaiveDate,
) -> Vec<UnitId> {
    units
        .iter()
        .filter(|u| u.parent_id == Some(department) && u.is_open_on(today))
        .map(|u| u.id)
        .collect()
}

impl App {
    /// Every report type, as stored.
    pub async fn report_types(&self, _actor: &Actor) -> Result<Vec<ReportType>> {
        let mut tx = self.db.read().await?;
        Ok(type_store::types(&mut tx).await?)
    }

    /// The rounds of `year` of the stored periodic types, with deadlines on
    /// the calendar in force. Public information: no actor needed.
    pub async fn report_periods(&self, year: i32) -> Result<Vec<Period>> {
        let mut tx = self.db.read().await?;
        let calendar = self.calendar_in(&mut tx).await?;
        let types = type_store::types(&mut tx).await?;
        Ok(periods(year, &types, &calendar))
    }

    /// `round` with those of `reports` that are its own and the actor sees.
    fn round_view(
        &self,
        actor: &Actor,
        round: Round,
        department_name: String,
        reports: &[NamedReport],
    ) -> RoundView {
        let today = self.today();
        let mut reports: Vec<ReportSummary> = reports
            .iter()
            .filter(|r| r.report.round_id == round.id)
            .filter(|r| rights(actor, round.unit_id, r.report.unit_id).view)
            .map(|NamedReport { report, unit_name }| ReportSummary {
                report_id: report.id,
                unit_id: report.unit_id,
                timeliness: timeliness(round.unit_deadline, first_submitted_on(report), today),
                unit_name: unit_name.clone(),
                status: report.status,
                submissions: report.submissions,
                first_submitted_at: report.first_submitted_at,
                submitted_at: report.submitted_at,
                version: report.version,
            })
            .collect();
        reports.sort_by_cached_key(|r| (text::sort_key(&r.unit_name), r.unit_id));
        RoundView {
            can_manage: actor.covers(&[Role::Coordinator], round.unit_id),
            round,
            department_name,
            reports,
        }
    }

    async fn load_round_view(&self, tx: &mut Tx, actor: &Actor, id: RoundId) -> Result<RoundView> {
        let round = store::get(tx, id).await?.ok_or_else(round_not_found)?;
        let reports = report_store::of_rounds(tx, &[id]).await?;
        let name = unit_name(tx, round.unit_id).await?;
        let view = self.round_view(actor, round, name, &reports);
        if view.reports.is_empty() && !actor.covers(&PLAN_VIEW_ROLES, view.round.unit_id) {
            return Err(round_not_found());
        }
        Ok(view)
    }

    /// A round and the reports of it the actor sees.
    pub async fn report_round(&self, actor: &Actor, id: RoundId) -> Result<RoundView> {
        let mut tx = self.db.read().await?;
        self.load_round_view(&mut tx, actor, id).await
    }

    /// Rounds (of `year`, or all) of the departments the actor sees, or with
    /// a report of one of its units; the latest window first.
    pub async fn report_rounds(&self, actor: &Actor, year: Option<i32>) -> Result<Vec<RoundView>> {
        let ids = |s: Scope| match s {
            Scope::All => None,
            Scope::Units(u) => Some(u.into_iter().collect::<Vec<_>>()),
        };
        let departments = ids(actor.scope_of(&PLAN_VIEW_ROLES));
        let reporting = ids(actor.scope_of(&[Role::Leader, Role::Staff, Role::Viewer]));
        let filter = RoundFilter {
            year,
            open_only: false,
            reporting_units: departments.as_ref().and(reporting),
            departments,
        };
        let mut tx = self.db.read().await?;
        let rounds = store::list(&mut tx, &filter).await?;
        let round_ids: Vec<RoundId> = rounds.iter().map(|r| r.id).collect();
        let reports = report_store::of_rounds(&mut tx, &round_ids).await?;
        let mut out = Vec::new();
        for round in rounds {
            let name = unit_name(&mut tx, round.unit_id).await?;
            let view = self.round_view(actor, round, name, &reports);
            if !view.reports.is_empty() || actor.covers(&PLAN_VIEW_ROLES, view.round.unit_id) {
                out.push(view);
            }
        }
        Ok(out)
    }

    /// The coordinator of a department opens a round for its units (by
    /// default its open direct subunits); each gets an empty draft.
    pub async fn open_report_round(&self, actor: &Actor, draft: RoundDraft) -> Result<RoundView> {
        let mut tx = self.db.write().await?;
        let calendar = self.calendar_in(&mut tx).await?;
        let types = type_store::types(&mut tx).await?;
        let valid = draft.validate(&types, &calendar)?;
        if !actor.covers(&[Role::Coordinator], valid.unit_id) {
            return Err(AppError::Forbidden);
        }
        if valid.kind.is_periodic()
            && store::find_periodic(&mut tx, valid.unit_id, &valid.type_code, valid.year)
                .await?
                .is_some()
        {
            return Err(AppError::Duplicate(format!(
                "{} đã được mở; mỗi năm chỉ có một kỳ báo cáo của loại này.",
                valid.label
            )));
        }
        let units = unit_store::list(&mut tx).await?;
        let today = self.today();
        let mut participants = if draft.unit_ids.is_empty() {
            default_participants(&units, valid.unit_id, today)
        } else {
            draft.unit_ids.clone()
        };
        participants.sort_unstable();
        participants.dedup();
        let below = subtree_ids(&unit_store::links(&mut tx).await?, valid.unit_id);
        let acceptable = |id: &UnitId| {
            *id != valid.unit_id
                && below.contains(id)
                && units.iter().any(|u| u.id == *id && u.is_open_on(today))
        };
        if participants.is_empty() || !participants.iter().all(acceptable) {
            return Err(AppError::validation(
                "unit_ids",
                "Chọn các đơn vị báo cáo đang hoạt động, trực thuộc cơ quan tổng hợp.",
            ));
        }
        let now = self.now();
        let id = store::insert(&mut tx, &valid, user_ref(actor), &actor.full_name, now).await?;
        for unit in &participants {
            report_store::insert(&mut tx, id, *unit, now).await?;
        }
        let view = self.load_round_view(&mut tx, actor, id).await?;
        let change = Change {
            action: "open",
            entity_type: "report_round",
            entity_id: id,
            summary: format!("Mở {} ({} đơn vị báo cáo)", valid.label, participants.len()),
            before: None,
            after: Some(json!({ "round": snapshot(&view.round), "unit_ids": participants })),
        };
        record(&mut tx, actor, now, change).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// The coordinator closes a round: nothing in it changes any more, and
    /// its units are no longer reminded.
    pub async fn close_report_round(
        &self,
        actor: &Actor,
        id: RoundId,
        version: i64,
    ) -> Result<Round> {
        let mut tx = self.db.write().await?;
        let before = store::get(&mut tx, id).await?.ok_or_else(round_not_found)?;
        if !actor.covers(&PLAN_VIEW_ROLES, before.unit_id) {
            return Err(round_not_found());
        }
        if !actor.covers(&[Role::Coordinator], before.unit_id) {
            return Err(AppError::Forbidden);
        }
        if before.status == RoundStatus::Closed {
            return Err(AppError::validation("status", "Kỳ báo cáo đã đóng."));
        }
        let now = self.now();
        store::set_status(&mut tx, id, version, RoundStatus::Closed, now).await?;
        let after = store::get(&mut tx, id).await?.ok_or_else(round_not_found)?;
        let change = Change {
            action: "close",
            entity_type: "report_round",
            entity_id: id,
            summary: format!("Đóng {}", after.label),
            before: Some(json!({ "status": before.status.code() })),
            after: Some(json!({ "status": after.status.code() })),
        };
        record(&mut tx, actor, now, change).await?;
        tx.commit().await?;
        Ok(after)
    }
}
