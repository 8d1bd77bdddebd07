//! Figures of reports: computed from tracked work due in the round's window
//! (a unit's own rows; for the department, every unit below it) and the
//! hand corrections of units and of the coordinator.

use std::collections::BTreeMap;

use cchc_domain::actor::Actor;
use cchc_domain::plans::PLAN_VIEW_ROLES;
use cchc_domain::reports::{
    FigureData, FigureOverrideDraft, Figures, ManualFigure, ReportAction, Round, RoundId,
    RoundStatus, UnitReport, UnitReportId, Window, check, figures,
};
use cchc_domain::roles::Role;
use cchc_domain::units::{UnitId, subtree_ids};
use cchc_store::Tx;
use cchc_store::reports::figures as store;
use cchc_store::reports::rounds as round_store;
use cchc_store::reports::unit_reports as report_store;
use cchc_store::units as unit_store;

use super::{refused, report_context, report_not_found, round_not_found};
use crate::audit::{Change, record};
use crate::tracking::user_ref;
use crate::{App, AppError, Result};

/// The units whose work a report of `unit` counts: the unit, or the whole
/// subtree of the round's department for the department's own figures.
async fn counted_units(tx: &mut Tx, round: &Round, unit: UnitId) -> Result<Vec<UnitId>> {
    if unit != round.unit_id {
        return Ok(vec![unit]);
    }
    Ok(subtree_ids(&unit_store::links(tx).await?, unit))
}

/// "Section: field" of a field key, for the audit log.
fn field_label(outline: &cchc_domain::reports::Outline, key: &str) -> String {
    outline.field(key).map_or_else(
        || key.to_string(),
        |(s, f)| format!("{}: {}", s.title, f.label),
    )
}

fn manual(
    actor: &Actor,
    value: i64,
    note: String,
    at: chrono::DateTime<chrono::Utc>,
) -> ManualFigure {
    ManualFigure {
        value,
        note,
        by_user_id: user_ref(actor),
        by_name: actor.full_name.clone(),
        at,
    }
}

impl App {
    /// The figures of `unit`'s report in `round` (the round's own unit: the
    /// department's), computed from tracked work today, with `manual` corrections.
    pub(crate) async fn live_figures(
        &self,
        tx: &mut Tx,
        round: &Round,
        unit: UnitId,
        manual: &BTreeMap<String, ManualFigure>,
    ) -> Result<Figures> {
        let units = counted_units(tx, round, unit).await?;
        let data = store::work_figures(tx, Some(&units), &round.window(), self.today()).await?;
        Ok(figures(&round.outline, &data, manual))
    }

    /// Work figures by reform area of `unit` (with the units below it when
    /// `with_subunits`) over tracked work due in `window`, as of today.
    /// Anyone who sees the unit's work may ask.
    pub async fn figures_for(
        &self,
        actor: &Actor,
        unit: UnitId,
        window: Window,
        with_subunits: bool,
    ) -> Result<FigureData> {
        if !actor.covers(&PLAN_VIEW_ROLES, unit) {
            return Err(AppError::Forbidden);
        }
        if window.start > window.end {
            return Err(AppError::validation(
                "window_end",
                "Ngày kết thúc phải từ ngày bắt đầu trở đi.",
            ));
        }
        let mut tx = self.db.read().await?;
        let units = if with_subunits {
            subtree_ids(&unit_store::links(&mut tx).await?, unit)
        } else {
            vec![unit]
        };
        Ok(store::work_figures(&mut tx, Some(&units), &window, self.today()).await?)
    }

    /// The owning unit corrects (or, with no value, restores) one figure of
    /// its draft; the report's version moves on like any edit.
    pub async fn set_report_figure(
        &self,
        actor: &Actor,
        report_id: UnitReportId,
        version: i64,
        draft: FigureOverrideDraft,
    ) -> Result<UnitReport> {
        let mut tx = self.db.write().await?;
        let ctx = report_context(&mut tx, actor, report_id).await?;
        check(
            ReportAction::SetFigure,
            ctx.rights,
            ctx.report.status,
            ctx.round.status,
        )
        .map_err(refused)?;
        let valid = draft.validate(&ctx.round.outline)?;
        let now = self.now();
        let (round_id, unit) = (ctx.round.id, ctx.report.unit_id);
        let before = store::overrides(&mut tx, round_id, unit).await?;
        report_store::touch(&mut tx, report_id, version, &actor.full_name, now).await?;
        let after = match valid {
            Some((value, note)) => {
                let m = manual(actor, value, note, now);
                store::set_override(&mut tx, round_id, unit, &draft.field_key, &m).await?;
                Some(m)
            }
            None => {
                store::delete_override(&mut tx, round_id, unit, &draft.field_key).await?;
                None
            }
        };
        let label = field_label(&ctx.round.outline, &draft.field_key);
        let change = Change {
            action: "set_figure",
            entity_type: "unit_report",
            entity_id: report_id,
            summary: format!(
                "Điều chỉnh số liệu “{label}” – {} ({})",
                ctx.unit_name, ctx.round.label
            ),
            before: before
                .get(&draft.field_key)
                .and_then(crate::audit::snapshot),
            after: after.as_ref().and_then(crate::audit::snapshot),
        };
        record(&mut tx, actor, now, change).await?;
        let report = report_store::get(&mut tx, report_id)
            .await?
            .ok_or_else(report_not_found)?
            .report;
        tx.commit().await?;
        Ok(report)
    }

    /// The coordinator corrects (or restores) one of the department's own
    /// figures of an open round; returns the department's figures.
    pub async fn set_department_figure(
        &self,
        actor: &Actor,
        round_id: RoundId,
        draft: FigureOverrideDraft,
    ) -> Result<Figures> {
        let mut tx = self.db.write().await?;
        let round = round_store::get(&mut tx, round_id)
            .await?
            .ok_or_else(round_not_found)?;
        if !actor.covers(&[Role::Coordinator], round.unit_id) {
            return Err(AppError::Forbidden);
        }
        if round.status != RoundStatus::Open {
            return Err(AppError::validation(
                "status",
                "Kỳ báo cáo đã đóng, không thể điều chỉnh số liệu.",
            ));
        }
        let valid = draft.validate(&round.outline)?;
        let now = self.now();
        let before = store::overrides(&mut tx, round_id, round.unit_id).await?;
        let after = match valid {
            Some((value, note)) => {
                let m = manual(actor, value, note, now);
                store::set_override(&mut tx, round_id, round.unit_id, &draft.field_key, &m).await?;
                Some(m)
            }
            None => {
                store::delete_override(&mut tx, round_id, round.unit_id, &draft.field_key).await?;
                None
            }
        };
        let change = Change {
            action: "set_figure",
            entity_type: "report_round",
            entity_id: round_id,
            summary: format!(
                "Điều chỉnh số liệu tổng hợp “{}” ({})",
                field_label(&round.outline, &draft.field_key),
                round.label
            ),
            before: before
                .get(&draft.field_key)
                .and_then(crate::audit::snapshot),
            after: after.as_ref().and_then(crate::audit::snapshot),
        };
        record(&mut tx, actor, now, change).await?;
        let manual = store::overrides(&mut tx, round_id, round.unit_id).await?;
        let figures = self
            .live_figures(&mut tx, &round, round.unit_id, &manual)
            .await?;
        tx.commit().await?;
        Ok(figures)
    }
}
