//! Tracking a task: its occurrences, each unit's report (status, progress,
//! result, evidence), the lead's confirmation and the coordinator's return,
//! due dates set by hand or from a recorded event, and the history.

mod evidence;
mod sync;

use std::collections::HashMap;

use chrono::NaiveDate;

use cchc_domain::actor::Actor;
use cchc_domain::plans::{ItemId, Plan, PlanItem, TaskRole};
use cchc_domain::schedule::Offset;
use cchc_domain::target::Target;
use cchc_domain::tracking::{Review, Status, StatusUpdate, due_after_event, effective_due, rights};
use cchc_domain::units::UnitId;
use cchc_store::Tx;
use cchc_store::plans as plan_store;
use cchc_store::tracking::{
    self as store, EventRow, EvidenceRow, NewEvent, OccurrenceRow, TrackingRow,
};
use cchc_store::units as unit_store;

use crate::audit::{Change, record, snapshot};
use crate::plans::short;
use crate::{App, AppError, Result};

pub use evidence::{EvidenceFile, MAX_EVIDENCE_BYTES};
pub use sync::decision_message;
pub(crate) use sync::sync_task;

/// One unit's row on one occurrence, with what the viewer may do.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RowView {
    pub row: TrackingRow,
    pub unit_name: String,
    pub can_report: bool,
    pub can_confirm: bool,
    pub can_return: bool,
    /// Whether the achieved value meets the task's target, when measurable.
    pub target_met: Option<bool>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct OccurrenceView {
    pub occurrence: OccurrenceRow,
    /// "Cần xác định thời hạn: ..." when the coordinator must set the date.
    pub decision_message: Option<&'static str>,
    pub rows: Vec<RowView>,
}

/// Everything the task page shows.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TaskView {
    pub plan: Plan,
    pub item: PlanItem,
    /// Section and groups above the task, outermost first.
    pub ancestors: Vec<PlanItem>,
    pub target: Target,
    pub occurrences: Vec<OccurrenceView>,
    pub events: Vec<EventRow>,
    pub evidence: Vec<EvidenceRow>,
    pub unit_names: HashMap<UnitId, String>,
    pub can_manage: bool,
}

/// The acting user as a foreign key: none for the system actor.
pub(crate) fn user_ref(actor: &Actor) -> Option<i64> {
    (actor.user_id > 0).then_some(actor.user_id)
}

pub(crate) fn row_not_found() -> AppError {
    AppError::NotFound("Không tìm thấy kết quả thực hiện.")
}

/// A tracking row with its occurrence, task and plan.
pub(crate) struct RowContext {
    pub row: TrackingRow,
    pub occurrence: OccurrenceRow,
    pub item: PlanItem,
    pub plan: Plan,
}

impl RowContext {
    /// What `actor` may do with this row.
    pub fn rights(&self, actor: &Actor) -> cchc_domain::tracking::Rights {
        rights(actor, &self.plan, self.row.unit_id, self.row.task_role())
    }
}

pub(crate) async fn row_context(tx: &mut Tx, id: i64) -> Result<RowContext> {
    let row = store::row(tx, id).await?.ok_or_else(row_not_found)?;
    let occurrence = store::occurrence(tx, row.occurrence_id)
        .await?
        .ok_or_else(row_not_found)?;
    let item = plan_store::item(tx, occurrence.item_id)
        .await?
        .ok_or_else(row_not_found)?;
    let plan = plan_store::get_plan(tx, item.plan_id)
        .await?
        .ok_or_else(row_not_found)?;
    Ok(RowContext {
        row,
        occurrence,
        item,
        plan,
    })
}

async fn unit_name(tx: &mut Tx, id: UnitId) -> Result<String> {
    Ok(unit_store::get(tx, id)
        .await?
        .map(|u| u.name)
        .unwrap_or_else(|| format!("Đơn vị #{id}")))
}

async fn event(
    tx: &mut Tx,
    actor: &Actor,
    row: &TrackingRow,
    action: &str,
    note: &str,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    store::insert_event(
        tx,
        NewEvent {
            tracking_id: row.id,
            action,
            status: &row.status,
            progress_pct: row.progress_pct,
            note,
            actor_user_id: user_ref(actor),
            actor_name: &actor.full_name,
            at,
        },
    )
    .await?;
    Ok(())
}

impl App {
    pub async fn task(&self, actor: &Actor, id: ItemId) -> Result<TaskView> {
        let mut tx = self.db.read().await?;
        let item = plan_store::item(&mut tx, id)
            .await?
            .ok_or_else(crate::plans::item_not_found)?;
        let (plan, access) = self.plan_access(&mut tx, actor, item.plan_id).await?;
        if !access.sees_item(&item) {
            return Err(crate::plans::item_not_found());
        }
        let all = plan_store::items(&mut tx, plan.id).await?;
        let mut ancestors = Vec::new();
        let mut cur = item.parent_id;
        while let Some(pid) = cur {
            match all.iter().find(|i| i.id == pid) {
                Some(p) if !ancestors.iter().any(|a: &PlanItem| a.id == p.id) => {
                    ancestors.insert(0, p.clone());
                    cur = p.parent_id;
                }
                _ => break,
            }
        }
        let target = item.target();
        let rows = store::rows_of_item(&mut tx, id).await?;
        let mut unit_ids: Vec<UnitId> = item.units.iter().map(|u| u.unit_id).collect();
        unit_ids.extend(rows.iter().map(|r| r.unit_id));
        unit_ids.sort_unstable();
        unit_ids.dedup();
        let mut unit_names = HashMap::new();
        for u in unit_ids {
            unit_names.insert(u, unit_name(&mut tx, u).await?);
        }
        let occurrences = store::occurrences(&mut tx, id)
            .await?
            .into_iter()
            .map(|occurrence| OccurrenceView {
                decision_message: occurrence
                    .decision
                    .as_deref()
                    .filter(|_| occurrence.due_on.is_none())
                    .map(decision_message),
                rows: rows
                    .iter()
                    .filter(|r| r.occurrence_id == occurrence.id)
                    .map(|r| {
                        let rights = rights(actor, &plan, r.unit_id, r.task_role());
                        RowView {
                            unit_name: unit_names.get(&r.unit_id).cloned().unwrap_or_default(),
                            can_report: rights.report,
                            can_confirm: rights.confirm,
                            can_return: rights.send_back,
                            target_met: r.achieved_value.and_then(|v| target.evaluate(v)),
                            row: r.clone(),
                        }
                    })
                    .collect(),
                occurrence,
            })
            .collect();
        Ok(TaskView {
            can_manage: plan.managed_by(actor),
            events: store::events_of_item(&mut tx, id).await?,
            evidence: store::evidence_of_item(&mut tx, id).await?,
            plan,
            item,
            ancestors,
            target,
            occurrences,
            unit_names,
        })
    }

    /// The task a tracking row belongs to, if the actor sees it.
    pub async fn item_of_tracking(&self, actor: &Actor, row_id: i64) -> Result<ItemId> {
        let mut tx = self.db.read().await?;
        let ctx = row_context(&mut tx, row_id).await?;
        let (_, access) = self.plan_access(&mut tx, actor, ctx.plan.id).await?;
        if !access.sees_item(&ctx.item) {
            return Err(row_not_found());
        }
        Ok(ctx.item.id)
    }

    /// Forbidden unless the actor may report on this tracking row.
    pub async fn check_report_right(&self, actor: &Actor, row_id: i64) -> Result<()> {
        let mut tx = self.db.read().await?;
        let ctx = row_context(&mut tx, row_id).await?;
        if ctx.rights(actor).report {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// The task an occurrence belongs to, if the actor sees it.
    pub async fn item_of_occurrence(&self, actor: &Actor, occurrence_id: i64) -> Result<ItemId> {
        let mut tx = self.db.read().await?;
        let not_found = || AppError::NotFound("Không tìm thấy lần thực hiện.");
        let occ = store::occurrence(&mut tx, occurrence_id)
            .await?
            .ok_or_else(not_found)?;
        let item = plan_store::item(&mut tx, occ.item_id)
            .await?
            .ok_or_else(not_found)?;
        let (_, access) = self.plan_access(&mut tx, actor, item.plan_id).await?;
        if !access.sees_item(&item) {
            return Err(not_found());
        }
        Ok(item.id)
    }

    /// A unit reports its part (status, progress, result, achieved value).
    pub async fn report(
        &self,
        actor: &Actor,
        row_id: i64,
        version: i64,
        update: StatusUpdate,
    ) -> Result<TrackingRow> {
        let mut tx = self.db.write().await?;
        let ctx = row_context(&mut tx, row_id).await?;
        if !ctx.rights(actor).report {
            return Err(AppError::Forbidden);
        }
        if ctx.row.review == Review::Confirmed.code() && !ctx.plan.managed_by(actor) {
            return Err(AppError::validation(
                "status",
                "Kết quả đã được xác nhận; liên hệ đầu mối CCHC nếu cần sửa.",
            ));
        }
        let valid = update.validate(ctx.occurrence.due_on, self.today())?;
        let review = if valid.status.is_final() {
            Review::Reported
        } else {
            Review::None
        };
        let now = self.now();
        store::update_row(
            &mut tx,
            row_id,
            version,
            &valid,
            review,
            user_ref(actor),
            now,
        )
        .await?;
        let after = store::row(&mut tx, row_id)
            .await?
            .ok_or_else(row_not_found)?;
        let note = match valid.status {
            Status::NotDone => valid.reason.clone(),
            _ => valid.result_text.clone(),
        };
        event(&mut tx, actor, &after, "report", &note, now).await?;
        let change = Change {
            action: "report",
            entity_type: "tracking",
            entity_id: row_id,
            summary: format!(
                "Báo cáo “{}” cho mục {} – {} ({})",
                valid.status.label(),
                ctx.item.number,
                short(&ctx.item.content),
                ctx.occurrence.label
            ),
            before: snapshot(&ctx.row),
            after: snapshot(&after),
        };
        record(&mut tx, actor, now, change).await?;
        tx.commit().await?;
        Ok(after)
    }

    /// The lead unit (its leader) or the coordinator confirms the whole occurrence.
    pub async fn confirm(&self, actor: &Actor, row_id: i64, version: i64) -> Result<TrackingRow> {
        self.review(actor, row_id, version, Review::Confirmed, "")
            .await
    }

    /// The coordinator returns a report with a comment.
    pub async fn send_back(
        &self,
        actor: &Actor,
        row_id: i64,
        version: i64,
        comment: &str,
    ) -> Result<TrackingRow> {
        self.review(actor, row_id, version, Review::Returned, comment)
            .await
    }

    async fn review(
        &self,
        actor: &Actor,
        row_id: i64,
        version: i64,
        review: Review,
        comment: &str,
    ) -> Result<TrackingRow> {
        let comment = cchc_domain::text::clean(comment);
        let mut tx = self.db.write().await?;
        let ctx = row_context(&mut tx, row_id).await?;
        let r = ctx.rights(actor);
        let status = Status::parse(&ctx.row.status).unwrap_or(Status::NotStarted);
        match review {
            Review::Confirmed => {
                if !r.confirm {
                    return Err(AppError::Forbidden);
                }
                if ctx.row.task_role() != TaskRole::Lead || !status.is_final() {
                    return Err(AppError::validation(
                        "review",
                        "Chỉ xác nhận khi đơn vị chủ trì đã báo cáo kết quả cuối cùng.",
                    ));
                }
            }
            _ => {
                if !r.send_back {
                    return Err(AppError::Forbidden);
                }
                if comment.is_empty() {
                    return Err(AppError::validation("comment", "Ghi rõ lý do trả lại."));
                }
                if ctx.row.review == Review::None.code() {
                    return Err(AppError::validation(
                        "review",
                        "Đơn vị chưa báo cáo kết quả nên chưa thể trả lại.",
                    ));
                }
            }
        }
        let now = self.now();
        store::set_review(
            &mut tx,
            row_id,
            version,
            review,
            &comment,
            user_ref(actor),
            now,
        )
        .await?;
        let after = store::row(&mut tx, row_id)
            .await?
            .ok_or_else(row_not_found)?;
        let action = if review == Review::Confirmed {
            "confirm"
        } else {
            "return"
        };
        event(&mut tx, actor, &after, action, &comment, now).await?;
        let change = Change {
            action,
            entity_type: "tracking",
            entity_id: row_id,
            summary: format!(
                "{} kết quả mục {} – {} ({})",
                review.label(),
                ctx.item.number,
                short(&ctx.item.content),
                ctx.occurrence.label
            ),
            before: snapshot(&ctx.row),
            after: snapshot(&after),
        };
        record(&mut tx, actor, now, change).await?;
        tx.commit().await?;
        Ok(after)
    }

    /// The coordinator dates an occurrence: by hand (`due`) or by recording
    /// the event an event-relative task waits for (`event_on`).
    pub async fn set_due(
        &self,
        actor: &Actor,
        occurrence_id: i64,
        version: i64,
        due: Option<NaiveDate>,
        event_on: Option<NaiveDate>,
    ) -> Result<OccurrenceRow> {
        let calendar = self.working_calendar().await?;
        let mut tx = self.db.write().await?;
        let occ = store::occurrence(&mut tx, occurrence_id)
            .await?
            .ok_or_else(|| AppError::NotFound("Không tìm thấy lần thực hiện."))?;
        let plan = plan_store::get_plan(&mut tx, occ.plan_id)
            .await?
            .ok_or_else(crate::plans::plan_not_found)?;
        if !plan.managed_by(actor) {
            return Err(AppError::Forbidden);
        }
        let offset: Option<Offset> = occ
            .event_offset_json
            .as_deref()
            .and_then(|j| serde_json::from_str(j).ok());
        let (due_on, source) = match (due, event_on) {
            (Some(d), _) => (effective_due(&calendar, d), "manual"),
            (None, Some(e)) => match offset {
                Some(o) => (due_after_event(&calendar, &o, e), "event"),
                None => {
                    return Err(AppError::validation(
                        "due_on",
                        "Nhiệm vụ này không có thời hạn sau sự kiện; hãy nhập thời hạn.",
                    ));
                }
            },
            (None, None) => {
                return Err(AppError::validation(
                    "due_on",
                    "Nhập thời hạn hoặc ngày xảy ra sự kiện.",
                ));
            }
        };
        let now = self.now();
        store::set_due(
            &mut tx,
            occurrence_id,
            version,
            due_on,
            source,
            event_on,
            now,
        )
        .await?;
        let after = store::occurrence(&mut tx, occurrence_id)
            .await?
            .ok_or_else(|| AppError::NotFound("Không tìm thấy lần thực hiện."))?;
        let change = Change {
            action: "set_due",
            entity_type: "occurrence",
            entity_id: occurrence_id,
            summary: format!(
                "Đặt thời hạn {} cho “{}”",
                after
                    .due_on
                    .map(|d| d.format("%d/%m/%Y").to_string())
                    .unwrap_or_default(),
                after.label
            ),
            before: snapshot(&occ),
            after: snapshot(&after),
        };
        record(&mut tx, actor, now, change).await?;
        tx.commit().await?;
        Ok(after)
    }
}
