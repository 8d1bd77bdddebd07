//! The item tree of a plan: document order, depth, visibility, moves,
//! renumbering and the reform area each item inherits from its section.

use std::collections::{HashMap, HashSet};

use cchc_domain::plans::{ItemId, ItemKind, PlanItem, renumber};
use cchc_store::plans::Placement;

use super::{Access, ItemRow};

/// A move the coordinator asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Move {
    /// Before the previous sibling.
    Up,
    /// After the next sibling.
    Down,
    /// Into the previous sibling, as its last child.
    Indent,
    /// Out of its parent, right after it.
    Outdent,
}

/// The tree as ordered child lists.
pub(crate) struct Tree {
    children: HashMap<Option<ItemId>, Vec<ItemId>>,
    items: HashMap<ItemId, PlanItem>,
}

impl Tree {
    pub fn new(items: Vec<PlanItem>) -> Tree {
        let mut sorted = items;
        sorted.sort_by_key(|i| (i.position, i.id));
        let ids: HashSet<ItemId> = sorted.iter().map(|i| i.id).collect();
        let mut children: HashMap<Option<ItemId>, Vec<ItemId>> = HashMap::new();
        for item in &sorted {
            // An item whose parent is gone is shown at the top level.
            let parent = item.parent_id.filter(|p| ids.contains(p));
            children.entry(parent).or_default().push(item.id);
        }
        Tree {
            children,
            items: sorted.into_iter().map(|i| (i.id, i)).collect(),
        }
    }

    fn parent_of(&self, id: ItemId) -> Option<Option<ItemId>> {
        self.children
            .iter()
            .find(|(_, kids)| kids.contains(&id))
            .map(|(p, _)| *p)
    }

    /// (id, depth) in document order.
    pub fn order(&self) -> Vec<(ItemId, usize)> {
        let mut out = Vec::with_capacity(self.items.len());
        let mut stack: Vec<(ItemId, usize)> = self
            .children
            .get(&None)
            .map(|k| k.iter().rev().map(|id| (*id, 0)).collect())
            .unwrap_or_default();
        while let Some((id, depth)) = stack.pop() {
            out.push((id, depth));
            if let Some(kids) = self.children.get(&Some(id)) {
                stack.extend(kids.iter().rev().map(|k| (*k, depth + 1)));
            }
        }
        out
    }

    /// Applies a move; false when it is not possible (first item up, ...).
    pub fn apply(&mut self, id: ItemId, m: Move) -> bool {
        let Some(parent) = self.parent_of(id) else {
            return false;
        };
        let is_section = self
            .items
            .get(&id)
            .is_some_and(|i| i.kind == ItemKind::Section);
        let grand = parent.and_then(|p| self.parent_of(p));
        let siblings = self.children.entry(parent).or_default();
        let Some(pos) = siblings.iter().position(|s| *s == id) else {
            return false;
        };
        match m {
            Move::Up if pos > 0 => siblings.swap(pos, pos - 1),
            Move::Down if pos + 1 < siblings.len() => siblings.swap(pos, pos + 1),
            Move::Indent if pos > 0 && !is_section => {
                let new_parent = siblings[pos - 1];
                siblings.remove(pos);
                self.children.entry(Some(new_parent)).or_default().push(id);
            }
            Move::Outdent => {
                let (Some(p), Some(grand)) = (parent, grand) else {
                    return false;
                };
                if is_section {
                    return false;
                }
                siblings.remove(pos);
                let uncles = self.children.entry(grand).or_default();
                let at = uncles
                    .iter()
                    .position(|u| *u == p)
                    .map_or(uncles.len(), |i| i + 1);
                uncles.insert(at, id);
            }
            _ => return false,
        }
        true
    }

    /// Every item's placement in the current tree; `renumbered` recomputes
    /// the numbers, keeping letter style ("a)") where the plan uses it.
    pub fn placements(&self, renumbered: bool) -> Vec<(ItemId, Placement)> {
        let order = self.order();
        let shape: Vec<(usize, bool)> = order
            .iter()
            .map(|(id, d)| (*d, self.items[id].kind == ItemKind::Section))
            .collect();
        let numbers = renumber(&shape);
        let parent_of: HashMap<ItemId, Option<ItemId>> = self
            .children
            .iter()
            .flat_map(|(p, kids)| kids.iter().map(move |k| (*k, *p)))
            .collect();
        let mut letters: HashMap<Option<ItemId>, u8> = HashMap::new();
        let mut area_of: HashMap<ItemId, Option<i64>> = HashMap::new();
        order
            .iter()
            .zip(numbers)
            .enumerate()
            .map(|(i, ((id, _), computed))| {
                let item = &self.items[id];
                let parent = parent_of.get(id).copied().flatten();
                let area_id = match item.kind {
                    ItemKind::Section => item.area_id,
                    _ => parent.and_then(|p| area_of.get(&p).copied().flatten()),
                };
                area_of.insert(*id, area_id);
                let number = if !renumbered {
                    item.number.clone()
                } else if is_letter(&item.number) {
                    let n = letters.entry(parent).or_insert(0);
                    *n += 1;
                    format!("{})", (b'a' + (*n - 1).min(25)) as char)
                } else {
                    computed
                };
                let placement = Placement {
                    parent_id: parent,
                    position: i as i64 + 1,
                    number,
                    area_id,
                };
                (*id, placement)
            })
            .collect()
    }

    /// The placements that differ from what is stored.
    pub fn changes(&self, renumbered: bool) -> Vec<(ItemId, Placement)> {
        self.placements(renumbered)
            .into_iter()
            .filter(|(id, p)| {
                let item = &self.items[id];
                item.parent_id != p.parent_id
                    || item.position != p.position
                    || item.number != p.number
                    || item.area_id != p.area_id
            })
            .collect()
    }
}

fn is_letter(number: &str) -> bool {
    let n = number.trim();
    n.len() <= 4 && n.ends_with(')') && n.chars().next().is_some_and(|c| c.is_alphabetic())
}

/// The items an actor sees, with depth: everything, or its tasks and the
/// headings above them.
pub(crate) fn visible_rows(items: Vec<PlanItem>, access: &Access) -> Vec<ItemRow> {
    let tree = Tree::new(items);
    let order = tree.order();
    let mut keep = vec![matches!(access, Access::Whole); order.len()];
    if !matches!(access, Access::Whole) {
        let mut ancestors: Vec<usize> = Vec::new();
        for (i, (id, depth)) in order.iter().enumerate() {
            ancestors.truncate(*depth);
            if access.sees_item(&tree.items[id]) {
                keep[i] = true;
                for a in &ancestors {
                    keep[*a] = true;
                }
            }
            ancestors.push(i);
        }
    }
    order
        .into_iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|((id, depth), _)| ItemRow {
            item: tree.items[&id].clone(),
            depth,
            continued: false,
        })
        .collect()
}
