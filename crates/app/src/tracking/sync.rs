//! Keeps a task's occurrences and tracking rows in step with its schedule,
//! its units and the plan's period, without losing anything reported.

use chrono::{DateTime, Utc};

use cchc_domain::calendar::WorkingCalendar;
use cchc_domain::plans::{ItemKind, Plan, PlanItem};
use cchc_domain::schedule::{DecisionReason, Occurrence};
use cchc_domain::tracking::plan_occurrences;
use cchc_store::Tx;
use cchc_store::tracking::{self as store, NewOccurrence};

use crate::Result;

pub(crate) fn decision_code(reason: DecisionReason) -> String {
    serde_json::to_value(reason)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_else(|| "unrecognized".into())
}

/// The coordinator's message for a stored decision code.
pub fn decision_message(code: &str) -> &'static str {
    serde_json::from_value::<DecisionReason>(serde_json::Value::String(code.to_owned()))
        .unwrap_or(DecisionReason::Unrecognized)
        .message()
}

fn computed(item: &PlanItem, plan: &Plan, calendar: &WorkingCalendar) -> Vec<NewOccurrence> {
    let schedule = item.schedule();
    let occurrences = match plan.period() {
        Some(period) => schedule.occurrences(period),
        None => vec![Occurrence {
            label: schedule.source_text(),
            window_start: None,
            due: None,
            after_event: None,
            decision: Some(DecisionReason::Unrecognized),
        }],
    };
    plan_occurrences(occurrences, calendar)
        .into_iter()
        .enumerate()
        .map(|(i, p)| NewOccurrence {
            seq: i as i64 + 1,
            label: p.occurrence.label.clone(),
            window_start: p.occurrence.window_start,
            nominal_due: p.nominal_due,
            due_on: p.due_on,
            decision: p.occurrence.decision.map(decision_code),
            event_label: p.occurrence.after_event.as_ref().map(|a| a.label()),
            event_offset_json: p
                .occurrence
                .after_event
                .as_ref()
                .and_then(|a| a.offset.as_ref())
                .and_then(|o| serde_json::to_string(o).ok()),
        })
        .collect()
}

/// Brings the occurrences and rows of `item` in line with its current data.
/// Occurrences are matched by label; ones that no longer exist are removed
/// only when nobody reported on them, and so are rows of unassigned units.
pub(crate) async fn sync_task(
    tx: &mut Tx,
    plan: &Plan,
    item: &PlanItem,
    calendar: &WorkingCalendar,
    now: DateTime<Utc>,
) -> Result<()> {
    let wanted = if item.kind == ItemKind::Task {
        computed(item, plan, calendar)
    } else {
        Vec::new()
    };
    let existing = store::occurrences(tx, item.id).await?;
    let rows = store::rows_of_item(tx, item.id).await?;
    let mut kept = Vec::new();
    for new in &wanted {
        match existing.iter().find(|o| o.label == new.label) {
            Some(old) => {
                let same = old.seq == new.seq
                    && old.window_start == new.window_start
                    && old.nominal_due == new.nominal_due
                    && (old.due_source != "schedule"
                        || (old.due_on == new.due_on && old.decision == new.decision))
                    && old.event_label == new.event_label
                    && old.event_offset_json == new.event_offset_json;
                if !same {
                    store::reschedule(tx, old.id, new, now).await?;
                }
                kept.push(old.id);
            }
            None => kept.push(store::insert_occurrence(tx, plan.id, item.id, new, now).await?),
        }
    }
    let gone: Vec<_> = existing.iter().filter(|o| !kept.contains(&o.id)).collect();
    for old in gone {
        let touched = rows
            .iter()
            .any(|r| r.occurrence_id == old.id && !r.untouched());
        if touched {
            kept.push(old.id);
        } else {
            store::delete_occurrence(tx, old.id).await?;
        }
    }
    if item.kind != ItemKind::Task {
        return Ok(());
    }
    for occurrence_id in kept {
        for unit in &item.units {
            store::ensure_row(tx, occurrence_id, unit.unit_id, unit.role, now).await?;
        }
        for row in rows.iter().filter(|r| r.occurrence_id == occurrence_id) {
            let assigned = item.units.iter().any(|u| u.unit_id == row.unit_id);
            if !assigned && row.untouched() {
                store::delete_row(tx, row.id).await?;
            }
        }
    }
    Ok(())
}
