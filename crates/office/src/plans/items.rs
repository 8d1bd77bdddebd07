//! One record of the appendix -> an [`ItemPreview`]: target, budget,
//! responsibility matched to units, schedule and its occurrences, extras;
//! with a warning for every doubt.

use std::collections::BTreeMap;

use cchc_domain::schedule::{PlanPeriod, Schedule};
use cchc_domain::target::Target;
use cchc_domain::units::Unit;

use super::header::{Field, Header};
use super::matching::match_name;
use super::preview::{ItemPreview, MatchKind, ScheduleCell, SchedulePreview, UnitRef, Warning};
use super::records::Record;
use super::responsibility::{self, Names, Role};

pub(crate) struct Context<'a> {
    pub header: &'a Header,
    pub units: &'a [Unit],
    pub period: Option<PlanPeriod>,
}

/// The preview of `record`; `is_group` for a heading with sub-items, which
/// is not warned about for missing units or schedule.
pub(crate) fn item(
    record: &Record,
    number: String,
    is_group: bool,
    ctx: &Context,
    warnings: &mut Vec<Warning>,
) -> ItemPreview {
    let h = ctx.header;
    let text = |field: Field| -> Option<String> {
        let t = record.get(h.column_of(field));
        (!t.is_empty()).then(|| t.to_owned())
    };
    let mut warn = |message: String| {
        warnings.push(Warning::at(record.row, format!("Mục {number}: {message}")))
    };
    let content = text(Field::Content).unwrap_or_default();
    if content.is_empty() {
        warn("chưa có nội dung nhiệm vụ.".to_owned());
    }
    let indicator = text(Field::Indicator);
    let budget_text = text(Field::Budget);
    let budget_million_vnd = budget_text.as_deref().and_then(|b| {
        let value = parse_budget(b);
        if value.is_none() {
            warn(format!("kinh phí «{b}» không phải là số (triệu đồng)."));
        }
        value
    });
    let (responsibility, names) = responsibility_of(record, h);
    let mut lead = match_all(&names.lead, ctx.units, &mut warn);
    let mut cooperating = match_all(&names.cooperating, ctx.units, &mut warn);
    separate_roles(&mut lead, &mut cooperating);
    let has_unit_columns = h.has(Field::Responsibility) || h.has(Field::Lead);
    if lead.is_empty() && !is_group && has_unit_columns {
        warn("chưa có đơn vị chủ trì.".to_owned());
    }
    let (start, end, schedule) = schedule_of(record, h, is_group, ctx.period, &mut warn);
    ItemPreview {
        row: record.row,
        content,
        target: indicator.as_deref().map(Target::parse),
        indicator,
        output: text(Field::Output),
        budget_million_vnd,
        budget_text,
        responsibility,
        lead,
        cooperating,
        start,
        end,
        schedule,
        note: text(Field::Note),
        extra: extras(record, h),
        children: Vec::new(),
        number,
    }
}

fn responsibility_of(record: &Record, h: &Header) -> (Option<String>, Names) {
    let combined = record.get(h.column_of(Field::Responsibility));
    let lead = record.get(h.column_of(Field::Lead));
    let cooperating = record.get(h.column_of(Field::Cooperating));
    let mut names = responsibility::parse(combined, Role::Lead);
    let from_lead = responsibility::parse(lead, Role::Lead);
    let from_cooperating = responsibility::parse(cooperating, Role::Cooperating);
    for more in [from_lead, from_cooperating] {
        names.lead.extend(more.lead);
        names.cooperating.extend(more.cooperating);
    }
    let text = if !combined.is_empty() {
        Some(combined.to_owned())
    } else {
        let parts: Vec<String> = [("Chủ trì", lead), ("Phối hợp", cooperating)]
            .iter()
            .filter(|(_, t)| !t.is_empty())
            .map(|(label, t)| format!("{label}: {t}"))
            .collect();
        (!parts.is_empty()).then(|| parts.join("; "))
    };
    (text, names)
}

fn match_all(names: &[String], units: &[Unit], warn: &mut impl FnMut(String)) -> Vec<UnitRef> {
    let mut out: Vec<UnitRef> = Vec::new();
    for name in names {
        for r in match_name(name, units) {
            match r.matched_by {
                MatchKind::None => warn(format!(
                    "chưa khớp được đơn vị «{name}»: cần chọn đơn vị trong danh mục."
                )),
                MatchKind::Fuzzy => warn(format!(
                    "đơn vị «{name}» được khớp gần đúng với «{}» (độ giống {}): cần xác nhận.",
                    r.unit_name.as_deref().unwrap_or(""),
                    format!("{:.2}", r.score).replace('.', ",")
                )),
                MatchKind::Exact | MatchKind::Group => {}
            }
            if r.unit_id.is_none() || !out.iter().any(|o| o.unit_id == r.unit_id) {
                out.push(r);
            }
        }
    }
    out
}

/// A unit named by itself outranks the same unit reached through a group
/// phrase: Văn phòng Sở leads and is not also one of "các phòng chức năng"
/// cooperating; "Thanh tra Sở" cooperating is not also one of "các phòng
/// thuộc Sở" leading.
fn separate_roles(lead: &mut Vec<UnitRef>, cooperating: &mut Vec<UnitRef>) {
    let named = |refs: &[UnitRef]| -> Vec<i64> {
        refs.iter()
            .filter(|r| r.matched_by != MatchKind::Group)
            .filter_map(|r| r.unit_id)
            .collect()
    };
    let named_cooperating = named(cooperating);
    lead.retain(|l| {
        l.matched_by != MatchKind::Group
            || !l.unit_id.is_some_and(|id| named_cooperating.contains(&id))
    });
    let leading: Vec<i64> = lead.iter().filter_map(|l| l.unit_id).collect();
    cooperating.retain(|c| {
        c.matched_by != MatchKind::Group || !c.unit_id.is_some_and(|id| leading.contains(&id))
    });
}

type ScheduleParts = (
    Option<ScheduleCell>,
    Option<ScheduleCell>,
    Option<SchedulePreview>,
);

fn schedule_of(
    record: &Record,
    h: &Header,
    is_group: bool,
    period: Option<PlanPeriod>,
    warn: &mut impl FnMut(String),
) -> ScheduleParts {
    let single = h.column_of(Field::Schedule);
    let (start_col, end_col) = (h.column_of(Field::Start), h.column_of(Field::End));
    if single.is_none() && start_col.is_none() && end_col.is_none() {
        return (None, None, None);
    }
    let start_text = record.get(start_col.or(single));
    let end_text = record.get(end_col);
    if is_group && start_text.is_empty() && end_text.is_empty() {
        return (None, None, None);
    }
    let cell = |t: &str| {
        (!t.is_empty()).then(|| ScheduleCell {
            text: t.to_owned(),
            parsed: Schedule::parse(t).kind,
        })
    };
    let schedule = if start_col.is_some() || end_col.is_some() {
        Schedule::parse_pair(start_text, end_text)
    } else {
        Schedule::parse(start_text)
    };
    let occurrences = period.map(|p| schedule.occurrences(p)).unwrap_or_default();
    let decision = occurrences.iter().find_map(|o| o.decision);
    if let Some(reason) = decision {
        warn(reason.message().to_owned());
    }
    let preview = SchedulePreview {
        text: schedule.source_text(),
        parsed: schedule.kind,
        needs_decision: decision.is_some() || occurrences.is_empty(),
        occurrences,
    };
    (cell(start_text), cell(end_text), Some(preview))
}

fn extras(record: &Record, h: &Header) -> BTreeMap<String, String> {
    record
        .cells
        .iter()
        .enumerate()
        .filter(|(_, text)| !text.is_empty())
        .filter_map(|(i, text)| match h.columns.get(i) {
            Some(column) if column.field.is_none() => Some((column.title.clone(), text.clone())),
            Some(_) => None,
            None => Some((format!("Cột {}", i + 1), text.clone())),
        })
        .collect()
}

/// "10", "1.500", "2,5", "1.234,5" (Vietnamese separators) or "2.5".
pub(crate) fn parse_budget(text: &str) -> Option<f64> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty()
        || !t
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let normalised = if t.contains(',') {
        t.replace('.', "").replace(',', ".")
    } else if t.split('.').skip(1).all(|g| g.len() == 3) {
        t.replace('.', "")
    } else {
        t
    };
    normalised.parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::parse_budget;

    #[test]
    fn budgets_with_vietnamese_separators() {
        assert_eq!(parse_budget("0"), Some(0.0));
        assert_eq!(parse_budget("30"), Some(30.0));
        assert_eq!(parse_budget("1.500"), Some(1500.0));
        assert_eq!(parse_budget("1.234,5"), Some(1234.5));
        assert_eq!(parse_budget("2,5"), Some(2.5));
        assert_eq!(parse_budget("2.5"), Some(2.5));
        assert_eq!(parse_budget("Ngân sách tỉnh"), None);
        assert_eq!(parse_budget("1,2,3"), None);
    }
}
