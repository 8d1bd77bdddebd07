//! Plans and their items: who sees which plan, the coordinator's editing
//! (create, edit, move, renumber, assign units) with optimistic locking.

mod export;
mod import;
mod items;
mod structure;

use std::collections::HashSet;

use cchc_domain::actor::{Actor, Scope};
use cchc_domain::plans::{ItemId, PLAN_VIEW_ROLES, Plan, PlanDraft, PlanId, PlanItem};
use cchc_domain::roles::Role;
use cchc_domain::text;
use cchc_domain::units::UnitId;
use cchc_store::Tx;
use cchc_store::plans::{self as store, Area, ItemSlice, TopItem};

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
    /// The units whose rows the actor sees, or None for every unit.
    pub fn unit_filter(&self) -> Option<Vec<UnitId>> {
        match self {
            Access::Units(Scope::Units(units)) => Some(units.iter().copied().collect()),
            Access::Whole | Access::Units(Scope::All) => None,
        }
    }

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
    /// A heading repeated from an earlier page to show where the page's
    /// rows belong.
    pub continued: bool,
}

/// Plans with more items than this show their tree a section at a time.
pub const WHOLE_TREE_LIMIT: i64 = 300;

/// Items per page of a section of a large plan (its headings come on top).
pub const SECTION_PAGE_ITEMS: i64 = 100;

/// The plan overview page: the rows shown, the progress and the units.
#[derive(Debug, Clone, serde::Serialize)]
pub struct OverviewPage {
    pub page: PlanPage,
    pub overview: crate::work::Overview,
    /// Every unit, sorted for display.
    pub units: Vec<cchc_domain::units::Unit>,
}

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
    /// The page of the section shown (from 1), and how many items the
    /// section has for the actor; a plan shown whole is one page.
    pub page: i64,
    pub section_items: i64,
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
    /// item (section) at a time, `section` or the first, in pages of
    /// [`SECTION_PAGE_ITEMS`] items under the headings they belong to.
    pub async fn plan_page(
        &self,
        actor: &Actor,
        id: PlanId,
        section: Option<ItemId>,
        page: i64,
    ) -> Result<PlanPage> {
        let mut tx = self.db.read().await?;
        let (plan, access) = self.plan_access(&mut tx, actor, id).await?;
        self.page_in(&mut tx, actor, plan, access, section, page)
            .await
    }

    /// The plan overview page in one read: [`App::plan_page`], the
    /// progress counts of [`App::plan_overview`] and the units by name.
    pub async fn plan_overview_page(
        &self,
        actor: &Actor,
        id: PlanId,
        section: Option<ItemId>,
        page: i64,
    ) -> Result<OverviewPage> {
        let mut tx = self.db.read().await?;
        let (plan, access) = self.plan_access(&mut tx, actor, id).await?;
        let units = crate::units::sorted_units(&mut tx).await?;
        let overview = self.overview_in(&mut tx, &access, id, &units).await?;
        let page = self
            .page_in(&mut tx, actor, plan, access, section, page)
            .await?;
        Ok(OverviewPage {
            page,
            overview,
            units,
        })
    }

    async fn page_in(
        &self,
        tx: &mut Tx,
        actor: &Actor,
        plan: Plan,
        access: Access,
        section: Option<ItemId>,
        page: i64,
    ) -> Result<PlanPage> {
        let id = plan.id;
        let units = access.unit_filter();
        let (item_count, budget_total_vnd) = store::plan_size(tx, id, units.as_deref()).await?;
        let whole_plan = item_count <= WHOLE_TREE_LIMIT;
        let (rows, sections, shown, page, section_items) = if whole_plan {
            let rows = structure::visible_rows(store::items(tx, id).await?, &access);
            let n = rows.len() as i64;
            (rows, Vec::new(), None, 1, n)
        } else {
            let tops = store::top_items(tx, id).await?;
            let at = section
                .and_then(|s| tops.iter().position(|t| t.id == s))
                .unwrap_or(0);
            let slice = ItemSlice {
                units: units.clone(),
                ..ItemSlice::between(
                    id,
                    tops.get(at).map_or(0, |t| t.position),
                    tops.get(at + 1).map_or(i64::MAX, |t| t.position - 1),
                )
            };
            let section_items = store::count_slice(tx, &slice).await?;
            let pages = ((section_items + SECTION_PAGE_ITEMS - 1) / SECTION_PAGE_ITEMS).max(1);
            let page = page.clamp(1, pages);
            let items = store::items_page(
                tx,
                &slice,
                SECTION_PAGE_ITEMS,
                (page - 1) * SECTION_PAGE_ITEMS,
            )
            .await?;
            let starts_at = items.first().map_or(0, |i| i.position);
            let headings = ancestors(tx, id, &items).await?;
            let repeated: HashSet<ItemId> = headings
                .iter()
                .filter(|h| page > 1 && h.position < starts_at)
                .map(|h| h.id)
                .collect();
            let mut rows =
                structure::visible_rows(items.into_iter().chain(headings).collect(), &access);
            for r in &mut rows {
                r.continued = repeated.contains(&r.item.id);
            }
            let shown = tops.get(at).map(|t| t.id);
            (rows, tops, shown, page, section_items)
        };
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
            page,
            section_items,
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

/// The headings above `items` that are not among them, so that a page of
/// a section shows where its rows belong (a plan is a few levels deep).
async fn ancestors(tx: &mut Tx, plan_id: PlanId, items: &[PlanItem]) -> Result<Vec<PlanItem>> {
    let mut known: HashSet<ItemId> = items.iter().map(|i| i.id).collect();
    let mut wanted: Vec<ItemId> = items.iter().filter_map(|i| i.parent_id).collect();
    let mut found = Vec::new();
    loop {
        wanted.retain(|id| !known.contains(id));
        wanted.sort_unstable();
        wanted.dedup();
        if wanted.is_empty() {
            return Ok(found);
        }
        let slice = ItemSlice {
            ids: Some(std::mem::take(&mut wanted)),
            ..ItemSlice::between(plan_id, 0, i64::MAX)
        };
        let parents = store::items_in(tx, &slice).await?;
        if parents.is_empty() {
            return Ok(found);
        }
        for p in parents {
            known.insert(p.id);
            wanted.extend(p.parent_id);
            found.push(p);
        }
    }
}
