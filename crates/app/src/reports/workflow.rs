//! The workflow of a unit's report: autosaved drafts, submission (a new
//! version with the figures as they are), return with a comment, acceptance
//! (the lock), and comparing versions.

use std::collections::BTreeMap;

use serde_json::json;

use cchc_domain::actor::Actor;
use cchc_domain::reports::{
    FieldChange, Outcome, ReportAction, ReportContent, ReportStatus, UnitReport, UnitReportId,
    check, clean_comment, clean_texts, diff,
};
use cchc_store::Tx;
use cchc_store::reports::figures as figure_store;
use cchc_store::reports::unit_reports::{self as store, NewVersion, Review};

use super::{ReportContext, refused, report_context, report_not_found};
use crate::audit::{Change, record};
use crate::plans::short;
use crate::tracking::user_ref;
use crate::{App, AppError, Result};

async fn reload(tx: &mut Tx, id: UnitReportId) -> Result<UnitReport> {
    Ok(store::get(tx, id)
        .await?
        .ok_or_else(report_not_found)?
        .report)
}

/// The changed narratives as `{key: text}` before and after, for the audit log.
fn changed_texts(changes: &[FieldChange]) -> (serde_json::Value, serde_json::Value) {
    let side = |pick: fn(&FieldChange) -> &Option<String>| {
        changes
            .iter()
            .map(|c| (c.key.clone(), json!(pick(c))))
            .collect::<serde_json::Map<_, _>>()
    };
    (
        serde_json::Value::Object(side(|c| &c.before)),
        serde_json::Value::Object(side(|c| &c.after)),
    )
}

impl App {
    /// Saves the narratives of a draft (autosave). `version` is the one the
    /// editor loaded; a newer one means someone else saved in between
    /// (`Conflict`). Saving unchanged text changes nothing.
    pub async fn save_report_draft(
        &self,
        actor: &Actor,
        report_id: UnitReportId,
        version: i64,
        texts: BTreeMap<String, String>,
    ) -> Result<UnitReport> {
        let mut tx = self.db.write().await?;
        let ctx = report_context(&mut tx, actor, report_id).await?;
        check(
            ReportAction::SaveDraft,
            ctx.rights,
            ctx.report.status,
            ctx.round.status,
        )
        .map_err(refused)?;
        let texts = clean_texts(&ctx.round.outline, &texts)?;
        if ctx.report.version != version {
            return Err(AppError::Conflict);
        }
        if texts == ctx.report.texts {
            return Ok(ctx.report);
        }
        let now = self.now();
        store::save_texts(&mut tx, report_id, version, &texts, &actor.full_name, now).await?;
        let as_content = |texts: &BTreeMap<String, String>| ReportContent {
            texts: texts.clone(),
            figures: BTreeMap::new(),
        };
        let changes = diff(
            &ctx.round.outline,
            &as_content(&ctx.report.texts),
            &as_content(&texts),
        );
        let (before, after) = changed_texts(&changes);
        let change = Change {
            action: "save_draft",
            entity_type: "unit_report",
            entity_id: report_id,
            summary: format!(
                "Lưu bản nháp {} – {} ({} mục thay đổi)",
                ctx.round.label,
                ctx.unit_name,
                changes.len()
            ),
            before: Some(before),
            after: Some(after),
        };
        record(&mut tx, actor, now, change).await?;
        let report = reload(&mut tx, report_id).await?;
        tx.commit().await?;
        Ok(report)
    }

    /// The owning unit submits its report: a new version is kept with the
    /// narratives and the figures as they are now.
    pub async fn submit_report(
        &self,
        actor: &Actor,
        report_id: UnitReportId,
        version: i64,
    ) -> Result<UnitReport> {
        let mut tx = self.db.write().await?;
        let ctx = report_context(&mut tx, actor, report_id).await?;
        check(
            ReportAction::Submit,
            ctx.rights,
            ctx.report.status,
            ctx.round.status,
        )
        .map_err(refused)?;
        if ctx.report.version != version {
            return Err(AppError::Conflict);
        }
        let missing = ctx.round.outline.missing_required(&ctx.report.texts);
        if !missing.is_empty() {
            return Err(AppError::validation(
                "texts",
                format!("Chưa viết nội dung bắt buộc: {}.", missing.join("; ")),
            ));
        }
        let manual = figure_store::overrides(&mut tx, ctx.round.id, ctx.report.unit_id).await?;
        let figures = self
            .live_figures(&mut tx, &ctx.round, ctx.report.unit_id, &manual)
            .await?;
        let content = ReportContent {
            texts: ctx.report.texts.clone(),
            figures,
        };
        let now = self.now();
        let number = ctx.report.submissions + 1;
        store::mark_submitted(&mut tx, report_id, version, now).await?;
        store::insert_version(
            &mut tx,
            NewVersion {
                report_id,
                number,
                content: &content,
                submitted_by: user_ref(actor),
                submitted_by_name: &actor.full_name,
                at: now,
            },
        )
        .await?;
        let change = Change {
            action: "submit",
            entity_type: "unit_report",
            entity_id: report_id,
            summary: format!("Gửi {} – {} (lần {number})", ctx.round.label, ctx.unit_name),
            before: Some(json!({ "status": ctx.report.status.code() })),
            after: Some(json!({ "status": ReportStatus::Submitted.code(), "version": number })),
        };
        record(&mut tx, actor, now, change).await?;
        let report = reload(&mut tx, report_id).await?;
        tx.commit().await?;
        Ok(report)
    }

    /// The coordinator returns a submitted report to its unit with a comment.
    pub async fn return_report(
        &self,
        actor: &Actor,
        report_id: UnitReportId,
        version: i64,
        comment: &str,
    ) -> Result<UnitReport> {
        self.review_report(actor, report_id, version, Outcome::Returned, comment)
            .await
    }

    /// The coordinator accepts a submitted report; it is locked from then on.
    pub async fn accept_report(
        &self,
        actor: &Actor,
        report_id: UnitReportId,
        version: i64,
    ) -> Result<UnitReport> {
        self.review_report(actor, report_id, version, Outcome::Accepted, "")
            .await
    }

    async fn review_report(
        &self,
        actor: &Actor,
        report_id: UnitReportId,
        version: i64,
        outcome: Outcome,
        comment: &str,
    ) -> Result<UnitReport> {
        let mut tx = self.db.write().await?;
        let ReportContext {
            round,
            report,
            unit_name,
            rights,
        } = report_context(&mut tx, actor, report_id).await?;
        let (action, audit_action, verb) = match outcome {
            Outcome::Returned => (ReportAction::Return, "return", "Trả lại"),
            Outcome::Accepted => (ReportAction::Accept, "accept", "Tiếp nhận"),
        };
        let next = check(action, rights, report.status, round.status).map_err(refused)?;
        let comment = match outcome {
            Outcome::Returned => clean_comment(comment)?,
            Outcome::Accepted => String::new(),
        };
        let now = self.now();
        store::set_review(
            &mut tx,
            report_id,
            version,
            next,
            &comment,
            &actor.full_name,
            now,
        )
        .await?;
        store::set_outcome(
            &mut tx,
            Review {
                report_id,
                number: report.submissions,
                outcome,
                comment: &comment,
                reviewed_by: user_ref(actor),
                reviewed_by_name: &actor.full_name,
                at: now,
            },
        )
        .await?;
        let mut summary = format!("{verb} {} – {}", round.label, unit_name);
        if !comment.is_empty() {
            summary.push_str(&format!(": {}", short(&comment)));
        }
        let change = Change {
            action: audit_action,
            entity_type: "unit_report",
            entity_id: report_id,
            summary,
            before: Some(json!({ "status": report.status.code() })),
            after: Some(json!({
                "status": next.code(),
                "version": report.submissions,
                "comment": comment,
            })),
        };
        record(&mut tx, actor, now, change).await?;
        let report = reload(&mut tx, report_id).await?;
        tx.commit().await?;
        Ok(report)
    }

    /// The fields that differ between two submitted versions of a report.
    pub async fn report_diff(
        &self,
        actor: &Actor,
        report_id: UnitReportId,
        from: i64,
        to: i64,
    ) -> Result<Vec<FieldChange>> {
        let mut tx = self.db.read().await?;
        let ctx = report_context(&mut tx, actor, report_id).await?;
        let versions = store::versions(&mut tx, &[report_id]).await?;
        let find = |n: i64| {
            versions
                .iter()
                .find(|v| v.number == n)
                .ok_or(AppError::NotFound("Không tìm thấy phiên bản báo cáo."))
        };
        Ok(diff(
            &ctx.round.outline,
            &find(from)?.content,
            &find(to)?.content,
        ))
    }
}
