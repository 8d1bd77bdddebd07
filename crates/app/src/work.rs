//! Work lists over tracking rows: "Việc của đơn vị tôi", the filtered list
//! (and its exports) and the plan overview's progress by area and by unit.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use cchc_domain::actor::{Actor, Scope};
use cchc_domain::plans::PlanId;
use cchc_domain::roles::Role;
use cchc_domain::text;
use cchc_domain::tracking::Status;
use cchc_domain::units::{Unit, UnitId};
use cchc_store::Tx;
use cchc_store::work::{self as store, Count, Order, WorkFilter, WorkRow};

use crate::plans::{Access, work_scope};
use crate::{App, AppError, Result};

/// Rows shown at most in each list of "my unit"; a full list says there
/// are more and links to the work list.
pub const MY_LIST_ROWS: i64 = 200;
/// Recently done rows shown on "my unit".
pub const MY_DONE_ROWS: i64 = 20;

/// Filters of the work list, as the user sets them.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct WorkQuery {
    #[serde(default)]
    pub plan_id: Option<PlanId>,
    #[serde(default)]
    pub area_id: Option<i64>,
    #[serde(default)]
    pub unit_id: Option<UnitId>,
    #[serde(default)]
    pub status: Option<String>,
    /// Open and due within this many calendar days from today.
    #[serde(default)]
    pub due_within: Option<i64>,
    #[serde(default)]
    pub overdue: bool,
    /// Occurrences without a due date ("cần xác định thời hạn").
    #[serde(default)]
    pub undated: bool,
    #[serde(default)]
    pub q: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct WorkPage {
    pub rows: Vec<WorkRow>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

/// The four lists of "Việc của đơn vị tôi".
#[derive(Debug, Clone, Serialize)]
pub struct MyWork {
    pub units: Vec<UnitId>,
    pub overdue: Vec<WorkRow>,
    pub due_soon: Vec<WorkRow>,
    pub undated: Vec<WorkRow>,
    pub done: Vec<WorkRow>,
    pub soon_days: i64,
}

/// Counts by status for one area or unit.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Progress {
    pub id: Option<i64>,
    pub name: String,
    pub by_status: BTreeMap<String, i64>,
    pub total: i64,
    pub done: i64,
    pub overdue: i64,
}

impl Progress {
    /// Share done (on time or late), in whole percent.
    pub fn percent_done(&self) -> i64 {
        if self.total == 0 {
            0
        } else {
            self.done * 100 / self.total
        }
    }

    pub fn count(&self, status: &str) -> i64 {
        self.by_status.get(status).copied().unwrap_or(0)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    pub totals: Progress,
    pub by_area: Vec<Progress>,
    pub by_unit: Vec<Progress>,
}

fn fold_counts(counts: Vec<Count>) -> (Progress, Vec<Progress>) {
    let mut groups: Vec<Progress> = Vec::new();
    let mut totals = Progress {
        name: "Tổng cộng".into(),
        ..Default::default()
    };
    for c in counts {
        let idx = match groups.iter().position(|g| g.id == c.key_id) {
            Some(i) => i,
            None => {
                groups.push(Progress {
                    id: c.key_id,
                    name: c
                        .key_name
                        .clone()
                        .unwrap_or_else(|| "Chưa phân lĩnh vực".into()),
                    ..Default::default()
                });
                groups.len() - 1
            }
        };
        let done = matches!(
            Status::parse(&c.status),
            Some(Status::Done | Status::DoneLate)
        );
        for p in [&mut groups[idx], &mut totals] {
            *p.by_status.entry(c.status.clone()).or_default() += c.n;
            p.total += c.n;
            p.overdue += c.overdue;
            if done {
                p.done += c.n;
            }
        }
    }
    (totals, groups)
}

impl App {
    /// The filter restricting rows to what `actor` may see.
    fn visible(&self, actor: &Actor) -> Result<WorkFilter> {
        Ok(match work_scope(actor) {
            Scope::All => WorkFilter::default(),
            Scope::Units(units) if units.is_empty() => return Err(AppError::Forbidden),
            Scope::Units(units) => {
                let units: Vec<UnitId> = units.into_iter().collect();
                WorkFilter {
                    units: Some(units.clone()),
                    whole_plans_of: Some(units),
                    ..Default::default()
                }
            }
        })
    }

    fn filter_of(&self, actor: &Actor, q: &WorkQuery) -> Result<WorkFilter> {
        let mut f = self.visible(actor)?;
        f.plan_id = q.plan_id;
        f.area_id = q.area_id;
        f.only_unit = q.unit_id;
        f.status = q.status.as_deref().and_then(Status::parse);
        let today = self.today();
        if let Some(days) = q.due_within.filter(|d| *d >= 0) {
            f.open_only = true;
            f.due_from = Some(today);
            f.due_until = today.checked_add_days(chrono::Days::new(days as u64));
        }
        if q.overdue {
            f.overdue_on = Some(today);
        }
        f.needs_decision = q.undated;
        f.query_folded = text::fold(&q.q);
        Ok(f)
    }

    pub async fn work_list(
        &self,
        actor: &Actor,
        q: &WorkQuery,
        page: i64,
        per_page: i64,
    ) -> Result<WorkPage> {
        let f = self.filter_of(actor, q)?;
        let per_page = per_page.clamp(1, 200);
        let page = page.max(1);
        let mut tx = self.db.read().await?;
        let (rows, total) =
            store::list(&mut tx, &f, Order::Due, per_page, (page - 1) * per_page).await?;
        Ok(WorkPage {
            rows,
            total,
            page,
            per_page,
        })
    }

    /// Every row of a filtered list in plan order, for CSV and .xlsx export.
    pub async fn work_export(&self, actor: &Actor, q: &WorkQuery) -> Result<Vec<WorkRow>> {
        let f = self.filter_of(actor, q)?;
        let mut tx = self.db.read().await?;
        Ok(store::rows(&mut tx, &f, Order::Plan, 100_000, 0).await?)
    }

    /// The units "my unit" means: the units of the actor's leader and staff
    /// roles, else the unit the actor works in.
    pub fn my_units(&self, actor: &Actor) -> Vec<UnitId> {
        let mut units: Vec<UnitId> = actor
            .roles
            .iter()
            .filter(|r| matches!(r.role, Role::Leader | Role::Staff))
            .filter_map(|r| r.unit_id)
            .collect();
        if units.is_empty() {
            units.extend(actor.unit_id);
        }
        units.sort();
        units.dedup();
        units
    }

    /// Overdue, due soon (within `soon_days` working days), undated and
    /// recently done work of the actor's units: up to [`MY_LIST_ROWS`]
    /// rows each, [`MY_DONE_ROWS`] done ones.
    pub async fn my_work(&self, actor: &Actor, soon_days: i64) -> Result<MyWork> {
        let units = self.my_units(actor);
        let mut tx = self.db.read().await?;
        // Four lists of a few units' rows, each through the index on
        // (unit, status, due date) whatever the dates: plan them once.
        tx.plan_once().await?;
        let calendar = self.calendar_in(&mut tx).await?;
        let today = self.today();
        let soon_until = calendar
            .add_working_days(today, soon_days.clamp(0, 60) as i32)
            .unwrap_or(today);
        let base = WorkFilter {
            units: Some(units.clone()),
            ..Default::default()
        };
        let overdue = WorkFilter {
            overdue_on: Some(today),
            ..base.clone()
        };
        let soon = WorkFilter {
            open_only: true,
            due_from: Some(today),
            due_until: Some(soon_until),
            ..base.clone()
        };
        let undated = WorkFilter {
            open_only: true,
            needs_decision: true,
            ..base.clone()
        };
        let done = WorkFilter {
            final_only: true,
            ..base
        };
        Ok(MyWork {
            overdue: store::rows(&mut tx, &overdue, Order::Due, MY_LIST_ROWS, 0).await?,
            due_soon: store::rows(&mut tx, &soon, Order::Due, MY_LIST_ROWS, 0).await?,
            undated: store::rows(&mut tx, &undated, Order::Plan, MY_LIST_ROWS, 0).await?,
            done: store::rows(&mut tx, &done, Order::Updated, MY_DONE_ROWS, 0).await?,
            units,
            soon_days,
        })
    }

    /// Progress of a plan by area and by unit, over what the actor sees.
    pub async fn plan_overview(&self, actor: &Actor, plan_id: PlanId) -> Result<Overview> {
        let mut tx = self.db.read().await?;
        let (_, access) = self.plan_access(&mut tx, actor, plan_id).await?;
        let units = cchc_store::units::list(&mut tx).await?;
        self.overview_in(&mut tx, &access, plan_id, &units).await
    }

    /// [`App::plan_overview`] inside `tx`, with the units' names from `units`.
    pub(crate) async fn overview_in(
        &self,
        tx: &mut Tx,
        access: &Access,
        plan_id: PlanId,
        units: &[Unit],
    ) -> Result<Overview> {
        // A plan seen in part shows only the actor's units' rows.
        let scope = access.unit_filter();
        let counts = store::plan_counts(tx, plan_id, scope.as_deref(), self.today()).await?;
        let areas = cchc_store::plans::areas(tx).await?;
        let unit_names: std::collections::HashMap<UnitId, &str> =
            units.iter().map(|u| (u.id, u.name.as_str())).collect();
        let mut by_area: Vec<Count> = counts
            .iter()
            .map(|c| {
                let area = areas.iter().find(|a| Some(a.id) == c.area_id);
                Count {
                    key_id: c.area_id,
                    key_name: area.map(|a| a.name.clone()),
                    status: c.status.clone(),
                    n: c.n,
                    overdue: c.overdue,
                }
            })
            .collect();
        let order = |id: Option<i64>| {
            areas
                .iter()
                .position(|a| Some(a.id) == id)
                .unwrap_or(usize::MAX)
        };
        by_area.sort_by_key(|c| order(c.key_id));
        let mut by_unit: Vec<Count> = counts
            .into_iter()
            .map(|c| Count {
                key_id: Some(c.unit_id),
                key_name: unit_names.get(&c.unit_id).map(|n| n.to_string()),
                status: c.status,
                n: c.n,
                overdue: c.overdue,
            })
            .collect();
        by_unit.sort_by_cached_key(|c| {
            (
                text::sort_key(c.key_name.as_deref().unwrap_or("")),
                c.key_id,
            )
        });
        let (totals, by_area) = fold_counts(by_area);
        let (_, by_unit) = fold_counts(by_unit);
        Ok(Overview {
            totals,
            by_area,
            by_unit,
        })
    }
}
