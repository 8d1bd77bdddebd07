//! The coordinator's editing of plan items: add, edit, delete, move and
//! renumber. Editing a task re-computes its occurrences and tracking rows.

use cchc_domain::actor::Actor;
use cchc_domain::calendar::WorkingCalendar;
use cchc_domain::plans::{ItemDraft, ItemId, ItemKind, Plan, PlanId, PlanItem, ValidItem};
use cchc_store::Tx;
use cchc_store::plans::{self as store, Placement};
use cchc_store::units as unit_store;
use chrono::{DateTime, Utc};

use super::plan_not_found;
use super::structure::{Move, Tree};
use crate::audit::{Change, record, snapshot};
use crate::{App, AppError, Result};

pub(crate) fn item_not_found() -> AppError {
    AppError::NotFound("Không tìm thấy mục kế hoạch.")
}

/// The plan of an item, when the actor manages it.
async fn managed_plan(tx: &mut Tx, actor: &Actor, plan_id: PlanId) -> Result<Plan> {
    let plan = store::get_plan(tx, plan_id)
        .await?
        .ok_or_else(plan_not_found)?;
    if !plan.managed_by(actor) {
        return Err(AppError::Forbidden);
    }
    Ok(plan)
}

/// Checks the references of a draft against the plan: parent in the same
/// plan and not a task's own subtree, units existing.
async fn check_refs(
    tx: &mut Tx,
    plan_id: PlanId,
    draft: &ItemDraft,
    editing: Option<ItemId>,
) -> Result<()> {
    if let Some(parent) = draft.parent_id {
        let p = store::item(tx, parent).await?;
        let ok = p.is_some_and(|p| p.plan_id == plan_id);
        if !ok {
            return Err(AppError::validation(
                "parent_id",
                "Mục cấp trên không thuộc kế hoạch này.",
            ));
        }
        if let Some(id) = editing {
            let items = store::items(tx, plan_id).await?;
            let links: Vec<_> = items.iter().map(|i| (i.id, i.parent_id)).collect();
            if cchc_domain::units::subtree_ids(&links, id).contains(&parent) {
                return Err(AppError::validation(
                    "parent_id",
                    "Không thể chuyển một mục vào bên trong chính nó.",
                ));
            }
        }
    }
    for unit in draft
        .lead_unit_ids
        .iter()
        .chain(&draft.cooperating_unit_ids)
    {
        if unit_store::get(tx, *unit).await?.is_none() {
            return Err(AppError::validation(
                "lead_unit_ids",
                "Đơn vị được giao không tồn tại.",
            ));
        }
    }
    Ok(())
}

/// The placement of a new item stored at the end of the plan (`position`)
/// when that is its place in document order: its parent and every ancestor
/// are the last of their siblings. `None` when items follow its parent's
/// subtree, so the whole tree must be placed again.
async fn placement_at_end(
    tx: &mut Tx,
    plan_id: PlanId,
    valid: &ValidItem,
    position: i64,
) -> Result<Option<Placement>> {
    // A section keeps its own area; anything else takes its parent's.
    let is_section = valid.kind == ItemKind::Section;
    let mut area_id = valid.area_id.filter(|_| is_section);
    let mut current = valid.parent_id;
    while let Some(id) = current {
        let item = store::item(tx, id).await?.ok_or_else(item_not_found)?;
        if !is_section && current == valid.parent_id {
            area_id = item.area_id;
        }
        if store::has_later_sibling(tx, plan_id, item.parent_id, item.position).await? {
            return Ok(None);
        }
        current = item.parent_id;
    }
    Ok(Some(Placement {
        parent_id: valid.parent_id,
        position,
        number: valid.number.clone(),
        area_id,
    }))
}

/// Stores a validated item at the end of its parent (or of the plan), places
/// it and creates its occurrences and tracking rows.
pub(crate) async fn insert_placed(
    tx: &mut Tx,
    plan: &Plan,
    valid: &ValidItem,
    calendar: &WorkingCalendar,
    now: DateTime<Utc>,
) -> Result<PlanItem> {
    let position = store::next_position(tx, plan.id).await?;
    let id = store::insert_item(tx, plan.id, position, valid, now).await?;
    // Place it (area from its section) without renumbering the others.
    if let Some(placement) = placement_at_end(tx, plan.id, valid, position).await? {
        if placement.area_id != valid.area_id {
            store::place_item(tx, id, &placement, now).await?;
        }
    } else {
        let tree = Tree::new(store::items(tx, plan.id).await?);
        for (changed, placement) in tree.changes(false) {
            store::place_item(tx, changed, &placement, now).await?;
        }
    }
    let item = store::item(tx, id).await?.ok_or_else(item_not_found)?;
    crate::tracking::sync_task(tx, plan, &item, calendar, now).await?;
    Ok(item)
}

impl App {
    pub async fn item(&self, actor: &Actor, id: ItemId) -> Result<(Plan, PlanItem)> {
        let mut tx = self.db.read().await?;
        let item = store::item(&mut tx, id).await?.ok_or_else(item_not_found)?;
        let (plan, access) = self.plan_access(&mut tx, actor, item.plan_id).await?;
        if !access.sees_item(&item) {
            return Err(item_not_found());
        }
        Ok((plan, item))
    }

    /// Adds an item at the end of its parent (or of the plan).
    pub async fn create_item(
        &self,
        actor: &Actor,
        plan_id: PlanId,
        draft: ItemDraft,
    ) -> Result<PlanItem> {
        let valid = draft.validate()?;
        let calendar = self.working_calendar().await?;
        let mut tx = self.db.write().await?;
        let plan = managed_plan(&mut tx, actor, plan_id).await?;
        check_refs(&mut tx, plan_id, &draft, None).await?;
        let now = self.now();
        let item = insert_placed(&mut tx, &plan, &valid, &calendar, now).await?;
        let id = item.id;
        let change = Change {
            action: "create",
            entity_type: "plan_item",
            entity_id: id,
            summary: format!("Thêm mục {} vào kế hoạch {}", item.number, plan.title),
            before: None,
            after: snapshot(&item),
        };
        record(&mut tx, actor, now, change).await?;
        tx.commit().await?;
        Ok(item)
    }

    /// Edits an item if nobody changed it since `version`.
    pub async fn update_item(
        &self,
        actor: &Actor,
        id: ItemId,
        version: i64,
        draft: ItemDraft,
    ) -> Result<PlanItem> {
        let valid = draft.validate()?;
        let calendar = self.working_calendar().await?;
        let mut tx = self.db.write().await?;
        let before = store::item(&mut tx, id).await?.ok_or_else(item_not_found)?;
        let plan = managed_plan(&mut tx, actor, before.plan_id).await?;
        check_refs(&mut tx, plan.id, &draft, Some(id)).await?;
        let now = self.now();
        store::update_item(&mut tx, id, version, &valid, now).await?;
        let tree = Tree::new(store::items(&mut tx, plan.id).await?);
        for (changed, placement) in tree.changes(false) {
            store::place_item(&mut tx, changed, &placement, now).await?;
        }
        let after = store::item(&mut tx, id).await?.ok_or_else(item_not_found)?;
        crate::tracking::sync_task(&mut tx, &plan, &after, &calendar, now).await?;
        let change = Change {
            action: "update",
            entity_type: "plan_item",
            entity_id: id,
            summary: format!("Cập nhật mục {} – {}", after.number, short(&after.content)),
            before: snapshot(&before),
            after: snapshot(&after),
        };
        record(&mut tx, actor, now, change).await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Deletes an item and its sub-items, unless a unit already reported on one.
    pub async fn delete_item(&self, actor: &Actor, id: ItemId, version: i64) -> Result<()> {
        let mut tx = self.db.write().await?;
        let item = store::item(&mut tx, id).await?.ok_or_else(item_not_found)?;
        let plan = managed_plan(&mut tx, actor, item.plan_id).await?;
        let items = store::items(&mut tx, plan.id).await?;
        let links: Vec<_> = items.iter().map(|i| (i.id, i.parent_id)).collect();
        for sub in cchc_domain::units::subtree_ids(&links, id) {
            let rows = cchc_store::tracking::rows_of_item(&mut tx, sub).await?;
            if rows.iter().any(|r| !r.untouched()) {
                return Err(AppError::validation(
                    "id",
                    "Không thể xóa: đơn vị đã báo cáo kết quả cho mục này hoặc mục con của nó.",
                ));
            }
        }
        let now = self.now();
        store::delete_item(&mut tx, id, version).await?;
        let change = Change {
            action: "delete",
            entity_type: "plan_item",
            entity_id: id,
            summary: format!("Xóa mục {} – {}", item.number, short(&item.content)),
            before: snapshot(&item),
            after: None,
        };
        record(&mut tx, actor, now, change).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Moves an item (with its sub-items) among its siblings or levels.
    pub async fn move_item(&self, actor: &Actor, id: ItemId, m: Move) -> Result<()> {
        let mut tx = self.db.write().await?;
        let item = store::item(&mut tx, id).await?.ok_or_else(item_not_found)?;
        let plan = managed_plan(&mut tx, actor, item.plan_id).await?;
        let mut tree = Tree::new(store::items(&mut tx, plan.id).await?);
        if !tree.apply(id, m) {
            return Err(AppError::validation(
                "move",
                "Không thể di chuyển mục theo hướng này.",
            ));
        }
        let now = self.now();
        for (changed, placement) in tree.changes(false) {
            store::place_item(&mut tx, changed, &placement, now).await?;
        }
        let change = Change {
            action: "move",
            entity_type: "plan_item",
            entity_id: id,
            summary: format!("Di chuyển mục {} – {}", item.number, short(&item.content)),
            before: snapshot(&item),
            after: None,
        };
        record(&mut tx, actor, now, change).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Renumbers the whole plan: I, II, ... for sections; 1., 1.1 below.
    pub async fn renumber_plan(&self, actor: &Actor, plan_id: PlanId) -> Result<usize> {
        let mut tx = self.db.write().await?;
        let plan = managed_plan(&mut tx, actor, plan_id).await?;
        let tree = Tree::new(store::items(&mut tx, plan_id).await?);
        let changes = tree.changes(true);
        let now = self.now();
        for (id, placement) in &changes {
            store::place_item(&mut tx, *id, placement, now).await?;
        }
        let change = Change {
            action: "renumber",
            entity_type: "plan",
            entity_id: plan_id,
            summary: format!(
                "Đánh số lại {} mục của kế hoạch {}",
                changes.len(),
                plan.title
            ),
            before: None,
            after: None,
        };
        record(&mut tx, actor, now, change).await?;
        tx.commit().await?;
        Ok(changes.len())
    }
}

/// The first words of a long text, for audit summaries.
pub(crate) fn short(text: &str) -> String {
    let mut out: String = text.chars().take(80).collect();
    if text.chars().count() > 80 {
        out.push('…');
    }
    out
}
