//! Organisation units: everyone logged in sees the tree; administrators
//! create, edit, move and close units within their scope.

use chrono::NaiveDate;
use serde::Serialize;

use cchc_domain::actor::Actor;
use cchc_domain::roles::Role;
use cchc_domain::text;
use cchc_domain::units::{Unit, UnitDraft, UnitId, would_create_cycle};
use cchc_store::units as store;

use crate::audit::{Change, record, snapshot};
use crate::{App, AppError, Result};

/// A unit placed in the tree, for display.
#[derive(Debug, Clone, Serialize)]
pub struct TreeRow {
    pub unit: Unit,
    pub depth: usize,
    pub open: bool,
    /// True when the row matched the search itself (ancestors are shown for context).
    pub matched: bool,
}

fn not_found() -> AppError {
    AppError::NotFound("Không tìm thấy đơn vị.")
}

impl TreeRow {
    /// The unit's name indented by its depth, for select lists: "— — Tổ Hành chính".
    pub fn indented_name(&self) -> String {
        format!("{}{}", "— ".repeat(self.depth), self.unit.name)
    }
}

/// Units in depth-first order; with a query, matching units and their ancestors.
pub fn tree(units: &[Unit], query: &str, today: NaiveDate, include_closed: bool) -> Vec<TreeRow> {
    let visible: Vec<&Unit> = units
        .iter()
        .filter(|u| include_closed || u.is_open_on(today))
        .collect();
    let searching = !query.trim().is_empty();
    let matches = |u: &Unit| !searching || text::matches_folded(&u.search_text(), query);
    let mut keep: Vec<UnitId> = Vec::new();
    for u in visible.iter().filter(|u| matches(u)) {
        let mut cur = Some(u.id);
        while let Some(id) = cur {
            if keep.contains(&id) {
                break;
            }
            keep.push(id);
            cur = visible
                .iter()
                .find(|x| x.id == id)
                .and_then(|x| x.parent_id);
        }
    }
    let mut out = Vec::new();
    let ids: Vec<UnitId> = visible.iter().map(|u| u.id).collect();
    let roots = visible
        .iter()
        .filter(|u| u.parent_id.is_none_or(|p| !ids.contains(&p)));
    let mut stack: Vec<(&Unit, usize)> = roots.rev().map(|u| (*u, 0)).collect();
    while let Some((u, depth)) = stack.pop() {
        if keep.contains(&u.id) {
            out.push(TreeRow {
                unit: u.clone(),
                depth,
                open: u.is_open_on(today),
                matched: searching && matches(u),
            });
        }
        let children = visible.iter().filter(|c| c.parent_id == Some(u.id)).rev();
        stack.extend(children.map(|c| (*c, depth + 1)));
    }
    out
}

/// Every unit: divisions before subordinate units, then in Vietnamese
/// alphabetical order.
pub(crate) async fn sorted_units(tx: &mut cchc_store::Tx) -> Result<Vec<Unit>> {
    let mut units = store::list(tx).await?;
    units.sort_by_cached_key(|u| (u.kind, text::sort_key(&u.name), u.id));
    Ok(units)
}

impl App {
    pub async fn units(&self, _actor: &Actor) -> Result<Vec<Unit>> {
        let mut tx = self.db.read().await?;
        sorted_units(&mut tx).await
    }

    pub async fn unit_tree(
        &self,
        actor: &Actor,
        query: &str,
        include_closed: bool,
    ) -> Result<Vec<TreeRow>> {
        let units = self.units(actor).await?;
        Ok(tree(&units, query, self.today(), include_closed))
    }

    pub async fn unit(&self, _actor: &Actor, id: UnitId) -> Result<Unit> {
        let mut tx = self.db.read().await?;
        store::get(&mut tx, id).await?.ok_or_else(not_found)
    }

    /// Whether the actor may create units below `parent` (None: a new root).
    pub fn can_manage_units_under(&self, actor: &Actor, parent: Option<UnitId>) -> bool {
        match parent {
            Some(p) => actor.covers(&[Role::Admin], p),
            None => actor.covers_all(&[Role::Admin]),
        }
    }

    pub async fn create_unit(&self, actor: &Actor, draft: UnitDraft) -> Result<Unit> {
        let mut draft = draft.normalised();
        if draft.valid_from.is_none() {
            draft.valid_from = Some(self.today());
        }
        if !self.can_manage_units_under(actor, draft.parent_id) {
            return Err(AppError::Forbidden);
        }
        let kind = draft.validate()?;
        let mut tx = self.db.write().await?;
        if let Some(parent) = draft.parent_id {
            store::get(&mut tx, parent).await?.ok_or_else(|| {
                AppError::validation("parent_id", "Đơn vị cấp trên không tồn tại.")
            })?;
        }
        let now = self.now();
        let id = store::insert(&mut tx, &draft, kind, now).await?;
        let unit = store::get(&mut tx, id).await?.ok_or_else(not_found)?;
        let change = Change {
            action: "create",
            entity_type: "unit",
            entity_id: id,
            summary: format!("Tạo đơn vị {} – {}", unit.code, unit.name),
            before: None,
            after: snapshot(&unit),
        };
        record(&mut tx, actor, now, change).await?;
        tx.commit().await?;
        Ok(unit)
    }

    /// Edits, moves (new `parent_id`) or closes (`valid_to`) a unit, if
    /// nobody changed it since `version` was read.
    pub async fn update_unit(
        &self,
        actor: &Actor,
        id: UnitId,
        version: i64,
        draft: UnitDraft,
    ) -> Result<Unit> {
        let draft = draft.normalised();
        let mut tx = self.db.write().await?;
        let before = store::get(&mut tx, id).await?.ok_or_else(not_found)?;
        if !actor.covers(&[Role::Admin], id) {
            return Err(AppError::Forbidden);
        }
        let kind = draft.validate()?;
        if draft.parent_id != before.parent_id {
            if !self.can_manage_units_under(actor, draft.parent_id) {
                return Err(AppError::Forbidden);
            }
            if let Some(parent) = draft.parent_id {
                let links = store::links(&mut tx).await?;
                if !links.iter().any(|(u, _)| *u == parent) {
                    return Err(AppError::validation(
                        "parent_id",
                        "Đơn vị cấp trên không tồn tại.",
                    ));
                }
                if would_create_cycle(&links, id, parent) {
                    return Err(AppError::validation(
                        "parent_id",
                        "Không thể chuyển đơn vị vào bên dưới chính nó.",
                    ));
                }
            }
        }
        if let Some(closed_on) = draft.valid_to {
            let open_children = store::list(&mut tx)
                .await?
                .into_iter()
                .filter(|u| u.parent_id == Some(id) && u.valid_to.is_none_or(|to| to > closed_on))
                .count();
            if open_children > 0 {
                return Err(AppError::validation(
                    "valid_to",
                    format!(
                        "Đơn vị còn {open_children} đơn vị trực thuộc đang hoạt động; hãy chuyển hoặc đóng các đơn vị đó trước."
                    ),
                ));
            }
        }
        let now = self.now();
        store::update(&mut tx, id, version, &draft, kind, now).await?;
        let after = store::get(&mut tx, id).await?.ok_or_else(not_found)?;
        let action = if after.valid_to.is_some() && before.valid_to.is_none() {
            "close"
        } else {
            "update"
        };
        let change = Change {
            action,
            entity_type: "unit",
            entity_id: id,
            summary: format!(
                "{} đơn vị {} – {}",
                if action == "close" {
                    "Đóng"
                } else {
                    "Cập nhật"
                },
                after.code,
                after.name
            ),
            before: snapshot(&before),
            after: snapshot(&after),
        };
        record(&mut tx, actor, now, change).await?;
        tx.commit().await?;
        Ok(after)
    }
}
