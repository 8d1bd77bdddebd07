//! Plans and their items: who sees which plan, the coordinator's editing
//! (create, edit, move, renumber, assign units) with optimistic locking.

mod export;
mod import;
mod items;
mod structure;

use cchc_domain::actor::{Actor, Scope};
use cchc_domain::plans::{ItemId, PLAN_VIEW_ROLES, Plan, PlanDraft, PlanId, PlanItem};
use cchc_domain::roles::Role;
use cchc_domain::text;
use cchc_domain::units::UnitId;
use cchc_store::Tx;
use cchc_store::plans::{self as store, Area, TopItem};

use crate::audit::{Change, record, snapshot};
use crate::{App, AppError, Result};

pub use export::{Document, PlanDocumentKind};
pub use import::{
    ChangedItem, DiffItem, FieldChange, ImportCounts, ImportDiff, ImportFile, ImportPreview,
    ImportSettings, UnitMapping,
};
pub(crate) use items::{item_not_found, short};
pub use structure::Move;

pub(crate) fn plan_not_found() -> AppError {
    AppError::NotFound("Không tìm thấy kế hoạch.")
}

/// The units whose tasks an actor sees (any role but admin).
pub(crate) fn work_scope(actor: &Actor) -> Scope {
    actor.scope_of(&PLAN_VIEW_ROLES)
}

/// How much of a plan an actor sees.
pub(crate) enum Access {
    Whole,
    /// Only tasks assigned to these units (and the headings above them).
    Units(Scope),
}

impl Access {
    pub fn sees_item(&self, item: &PlanItem) -> bool {
        match self {
            Access::Whole => true,
            Access::Units(scope) => item.units.iter().any(|u| scope.contains(u.unit_id)),
        }
    }
}

/// A plan and the items the actor may see, in document order.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PlanView {
    pub plan: Plan,
    pub items: Vec<ItemRow>,
    pub can_manage: bool,
    pub whole: bool,
}

/// An item with its depth in the tree.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ItemRow {
    pub item: PlanItem,
    pub depth: usize,
}

/// Plans with more items than this show their tree a section at a time.
pub const WHOLE_TREE_LIMIT: i64 = 300;

/// The overview's part of a plan: the rows shown and, for a large plan,
/// the sections to choose from.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PlanPage {
    pub view: PlanView,
    /// Empty when the whole tree is shown.
    pub sections: Vec<TopItem>,
    /// The section shown, when the plan is shown a section at a time.
    pub section: Option<ItemId>,
    /// The budget of the items the actor sees (all, or its units' tasks).
    pub budget_total_vnd: i64,
}

impl App {
    pub async fn areas(&self) -> Result<Vec<Area>> {
        let mut tx = self.db.read().await?;
        Ok(store::areas(&mut tx).await?)
    }

    /// Plans the actor may see: issued by a unit it covers or with a task of one.
    pub async fn plans(&self, actor: &Actor, query: &str) -> Result<Vec<Plan>> {
        let mut tx = self.db.read().await?;
        let folded = text::fold(query);
        Ok(match work_scope(actor) {
            Scope::All => store::list_plans(&mut tx, &folded, None).await?,
            Scope::Units(units) => {
                let units: Vec<UnitId> = units.into_iter().collect();
                store::list_plans(&mut tx, &folded, Some(&units)).await?
            }
        })
    }

    pub(crate) async fn plan_access(
        &self,
        tx: &mut Tx,
        actor: &Actor,
        id: PlanId,
    ) -> Result<(Plan, Access)> {
        let plan = store::get_plan(tx, id).await?.ok_or_else(plan_not_found)?;
        if plan.fully_visible_to(actor) {
            return Ok((plan, Access::Whole));
        }
        let scope = work_scope(actor);
        if scope.is_empty() {
            return Err(plan_not_found());
        }
        Ok((plan, Access::Units(scope)))
    }

    pub async fn plan(&self, actor: &Actor, id: PlanId) -> Result<PlanView> {
        let mut tx = self.db.read().await?;
        let (plan, access) = self.plan_access(&mut tx, actor, id).await?;
        let items = store::items(&mut tx, id).await?;
        let rows = structure::visible_rows(items, &access);
        if rows.is_empty() && !matches!(access, Access::Whole) {
            return Err(plan_not_found());
        }
        Ok(PlanView {
            can_manage: plan.managed_by(actor),
            whole: matches!(access, Access::Whole),
            plan,
            items: rows,
        })
    }

    /// The plan overview's share of the item tree. A plan of up to
    /// [`WHOLE_TREE_LIMIT`] items is shown whole; a larger one a top-level
    /// item (section) at a time: `section`, or the first.
    pub async fn plan_page(
        &self,
        actor: &Actor,
        id: PlanId,
        section: Option<ItemId>,
    ) -> Result<PlanPage> {
        let mut tx = self.db.read().await?;
        let (plan, access) = self.plan_access(&mut tx, actor, id).await?;
        let units: Option<Vec<UnitId>> = match &access {
            Access::Whole => None,
            Access::Units(Scope::All) => None,
            Access::Units(Scope::Units(units)) => Some(units.iter().copied().collect()),
        };
        let budget_total_vnd = store::budget_total(&mut tx, id, units.as_deref()).await?;
        let (items, sections, shown) = if store::count_items(&mut tx, id).await? <= WHOLE_TREE_LIMIT
        {
            (store::items(&mut tx, id).await?, Vec::new(), None)
        } else {
            let tops = store::top_items(&mut tx, id).await?;
            let at = section
                .and_then(|s| tops.iter().position(|t| t.id == s))
                .unwrap_or(0);
            let first = tops.get(at).map_or(0, |t| t.position);
            let last = tops.get(at + 1).map_or(i64::MAX, |t| t.position - 1);
            let items = store::items_between(&mut tx, id, first, last).await?;
            let shown = tops.get(at).map(|t| t.id);
            (items, tops, shown)
        };
        let rows = structure::visible_rows(items, &access);
        let whole = matches!(access, Access::Whole);
        if rows.is_empty() && !whole && sections.is_empty() {
            return Err(plan_not_found());
        }
        Ok(PlanPage {
            view: PlanView {
                can_manage: plan.managed_by(actor),
                whole,
                plan,
                items: rows,
            },
            sections,
            section: shown,
            budget_total_vnd,
        })
    }

    /// Creates a plan; only a coordinator covering the issuing unit may.
    pub async fn create_plan(&self, actor: &Actor, draft: PlanDraft) -> Result<Plan> {
        let valid = draft.validate()?;
        if !actor.covers(&[Role::Coordinator], valid.issuing_unit_id) {
            return Err(AppError::Forbidden);
        }
        let mut tx = self.db.write().await?;
        let now = self.now();
        let id = store::insert_plan(&mut tx, &valid, now).await?;
        let plan = store::get_plan(&mut tx, id)
            .await?
            .ok_or_else(plan_not_found)?;
        let change = Change {
            action: "create",
            entity_type: "plan",
            entity_id: id,
            summary: format!("Tạo kế hoạch {}", plan.title),
            before: None,
            after: snapshot(&plan),
        };
        record(&mut tx, actor, now, change).await?;
        tx.commit().await?;
        Ok(plan)
    }

    /// Edits a plan's header if nobody changed it since `version`.
    pub async fn update_plan(
        &self,
        actor: &Actor,
        id: PlanId,
        version: i64,
        draft: PlanDraft,
    ) -> Result<Plan> {
        let valid = draft.validate()?;
        let mut tx = self.db.write().await?;
        let before = store::get_plan(&mut tx, id)
            .await?
            .ok_or_else(plan_not_found)?;
        if !before.managed_by(actor) || !actor.covers(&[Role::Coordinator], valid.issuing_unit_id) {
            return Err(AppError::Forbidden);
        }
        let now = self.now();
        store::update_plan(&mut tx, id, version, &valid, now).await?;
        let after = store::get_plan(&mut tx, id)
            .await?
            .ok_or_else(plan_not_found)?;
        if (before.first_year, before.last_year) != (after.first_year, after.last_year) {
            // The period decides the occurrences of every task.
            let calendar = self.working_calendar().await?;
            for item in store::items(&mut tx, id).await? {
                crate::tracking::sync_task(&mut tx, &after, &item, &calendar, now).await?;
            }
        }
        let change = Change {
            action: "update",
            entity_type: "plan",
            entity_id: id,
            summary: format!("Cập nhật kế hoạch {}", after.title),
            before: snapshot(&before),
            after: snapshot(&after),
        };
        record(&mut tx, actor, now, change).await?;
        tx.commit().await?;
        Ok(after)
    }
}
