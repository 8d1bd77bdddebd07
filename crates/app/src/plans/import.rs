//! Plan import: the preview of an uploaded plan document, committing it as
//! a new plan in one transaction, and re-importing a revised document into
//! an existing plan as a list of differences that keeps the tracking data of
//! unchanged items.
//!
//! Unit names the importer could not match are mapped by the user once; the
//! mapping is stored as an alias of the unit, so the next import matches it.

use std::collections::{BTreeSet, HashMap, HashSet};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use cchc_domain::actor::Actor;
use cchc_domain::plans::{
    ItemDraft, ItemId, ItemKind, Plan, PlanDraft, PlanId, PlanItem, PlanStatus, ValidItem,
    format_budget,
};
use cchc_domain::roles::Role;
use cchc_domain::text::fold;
use cchc_domain::units::{Unit, UnitId};
use cchc_office::PlanPreview;
use cchc_office::plans::{ItemPreview, MatchKind, UnitRef};
use cchc_store::Tx;
use cchc_store::plans::{self as store, Area, NewAttachment};
use cchc_store::tracking as tracking_store;
use cchc_store::units as unit_store;

use super::items::{insert_placed, short};
use super::plan_not_found;
use super::structure::Tree;
use crate::audit::{Change, record, snapshot};
use crate::auth::hex;
use crate::{App, AppError, Result};

/// An uploaded plan document.
#[derive(Debug, Clone)]
pub struct ImportFile {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// A unit name as the document writes it, mapped by the user to a unit.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct UnitMapping {
    pub text: String,
    pub unit_id: UnitId,
}

/// What the user decides when committing a new plan; unset fields come
/// from the document (or the actor's unit and the current year).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct ImportSettings {
    #[serde(default)]
    pub issuing_unit_id: Option<UnitId>,
    #[serde(default)]
    pub first_year: Option<i32>,
    #[serde(default)]
    pub last_year: Option<i32>,
    #[serde(default)]
    pub mappings: Vec<UnitMapping>,
}

/// A preview and the names in it that still match no unit.
#[derive(Debug, Clone, Serialize)]
pub struct ImportPreview {
    pub preview: PlanPreview,
    /// Distinct unmatched names, in document order.
    pub unmatched: Vec<String>,
    /// Fuzzy matches to confirm: (name as written, unit name).
    pub fuzzy: Vec<(String, String)>,
    /// Sections, groups and tasks in the document.
    pub counts: ImportCounts,
}

#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct ImportCounts {
    pub sections: usize,
    pub groups: usize,
    pub tasks: usize,
}

/// An item of a re-import's differences.
#[derive(Debug, Clone, Serialize)]
pub struct DiffItem {
    /// The stored item, for changed, removed and kept ones.
    pub id: Option<ItemId>,
    pub number: String,
    pub content: String,
}

/// A field whose value differs between the plan and the document.
#[derive(Debug, Clone, Serialize)]
pub struct FieldChange {
    pub label: &'static str,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChangedItem {
    pub item: DiffItem,
    pub fields: Vec<FieldChange>,
}

/// What re-importing a revised document changes in a plan.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportDiff {
    pub added: Vec<DiffItem>,
    pub changed: Vec<ChangedItem>,
    pub removed: Vec<DiffItem>,
    /// Items gone from the document that units already reported on: kept.
    pub kept: Vec<DiffItem>,
    pub unchanged: usize,
    pub unmatched: Vec<String>,
}

impl ImportDiff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty()
    }
}

/// One item of the document as it would be stored, with its place.
struct Planned {
    row: usize,
    /// Index of the parent in the planned list.
    parent: Option<usize>,
    /// Numbers from the top-level item down to this one, folded.
    path: Vec<String>,
    draft: ItemDraft,
    /// Lead unit names that match no unit and were not mapped.
    unknown_lead: Vec<String>,
}

fn counts(preview: &PlanPreview) -> ImportCounts {
    fn walk(items: &[ItemPreview], c: &mut ImportCounts) {
        for i in items {
            if i.children.is_empty() {
                c.tasks += 1;
            } else {
                c.groups += 1;
                walk(&i.children, c);
            }
        }
    }
    let mut c = ImportCounts {
        sections: preview.sections.len(),
        ..Default::default()
    };
    for s in &preview.sections {
        walk(&s.items, &mut c);
    }
    c
}

/// The refs of every item, depth first.
fn all_refs(preview: &PlanPreview) -> Vec<&UnitRef> {
    fn walk<'a>(items: &'a [ItemPreview], out: &mut Vec<&'a UnitRef>) {
        for i in items {
            out.extend(i.lead.iter().chain(&i.cooperating));
            walk(&i.children, out);
        }
    }
    let mut out = Vec::new();
    for s in &preview.sections {
        walk(&s.items, &mut out);
    }
    out
}

/// Distinct unmatched names and fuzzy matches (name, unit) of a preview,
/// in document order.
fn doubtful_names(preview: &PlanPreview) -> (Vec<String>, Vec<(String, String)>) {
    let mut unmatched: Vec<String> = Vec::new();
    let mut fuzzy: Vec<(String, String)> = Vec::new();
    for r in all_refs(preview) {
        match r.matched_by {
            MatchKind::None if !unmatched.iter().any(|u| fold(u) == fold(&r.text)) => {
                unmatched.push(r.text.clone())
            }
            MatchKind::Fuzzy if !fuzzy.iter().any(|(t, _)| fold(t) == fold(&r.text)) => {
                fuzzy.push((r.text.clone(), r.unit_name.clone().unwrap_or_default()))
            }
            _ => {}
        }
    }
    (unmatched, fuzzy)
}

fn with_preview_lists(preview: PlanPreview) -> ImportPreview {
    let (unmatched, fuzzy) = doubtful_names(&preview);
    ImportPreview {
        counts: counts(&preview),
        preview,
        unmatched,
        fuzzy,
    }
}

/// The reform area a section title names, by key words of each area code.
fn area_of(title: &str, areas: &[Area]) -> Option<i64> {
    const KEYS: &[(&str, &[&str])] = &[
        ("chi_dao", &["chi dao", "dieu hanh"]),
        ("the_che", &["the che", "van ban quy pham"]),
        ("tthc", &["thu tuc hanh chinh", "mot cua"]),
        ("to_chuc", &["to chuc bo may"]),
        ("cong_vu", &["cong vu", "can bo, cong chuc", "doi ngu"]),
        (
            "tai_chinh",
            &["tai chinh cong", "co che quan ly", "co che tai chinh"],
        ),
        (
            "chinh_phu_so",
            &[
                "chinh phu dien tu",
                "chinh phu so",
                "hien dai hoa",
                "chuyen doi so",
                "cong nghe thong tin",
            ],
        ),
        ("tuyen_truyen", &["tuyen truyen", "thong tin"]),
        ("kiem_tra", &["kiem tra"]),
    ];
    let folded = fold(title);
    KEYS.iter()
        .find(|(_, words)| words.iter().any(|w| folded.contains(w)))
        .and_then(|(code, _)| areas.iter().find(|a| a.code == *code))
        .map(|a| a.id)
}

/// The unit ids of refs, with the user's mappings for unmatched names.
fn unit_ids(refs: &[UnitRef], mappings: &[UnitMapping]) -> Vec<UnitId> {
    let mut ids = Vec::new();
    for r in refs {
        let mapped = mappings
            .iter()
            .find(|m| fold(&m.text) == fold(&r.text))
            .map(|m| m.unit_id);
        if let Some(id) = mapped.or(r.unit_id)
            && !ids.contains(&id)
        {
            ids.push(id);
        }
    }
    ids
}

/// Million VND as the item form takes it ("0,5", "120").
fn budget_text(million: f64) -> String {
    format!("{million}").replace('.', ",")
}

/// The document's items in document order, as drafts with their places.
fn plan_items(preview: &PlanPreview, areas: &[Area], mappings: &[UnitMapping]) -> Vec<Planned> {
    fn walk(
        items: &[ItemPreview],
        parent: usize,
        path: &[String],
        mappings: &[UnitMapping],
        out: &mut Vec<Planned>,
    ) {
        for i in items {
            let mut lead = unit_ids(&i.lead, mappings);
            let mut cooperating = unit_ids(&i.cooperating, mappings);
            cooperating.retain(|c| !lead.contains(c));
            let has_task_data = !lead.is_empty() || i.schedule.is_some();
            // A heading is a group; one that names units or a time is a task too.
            let kind = if i.children.is_empty() || has_task_data {
                "task"
            } else {
                lead.clear();
                cooperating.clear();
                "group"
            };
            let mut extra = i.extra.clone();
            let budget = match (i.budget_million_vnd, &i.budget_text) {
                (Some(v), _) => budget_text(v),
                (None, Some(text)) => {
                    // Kept as written when it is no number ("Theo dự toán").
                    extra.insert("Kinh phí".into(), text.clone());
                    String::new()
                }
                (None, None) => String::new(),
            };
            let unknown_lead: Vec<String> = i
                .lead
                .iter()
                .filter(|r| {
                    r.unit_id.is_none() && !mappings.iter().any(|m| fold(&m.text) == fold(&r.text))
                })
                .map(|r| r.text.clone())
                .collect();
            let mut here = path.to_vec();
            here.push(number_key(&i.number));
            let index = out.len();
            out.push(Planned {
                row: i.row,
                parent: Some(parent),
                path: here.clone(),
                draft: ItemDraft {
                    kind: kind.into(),
                    number: i.number.clone(),
                    content: i.content.clone(),
                    indicator: i.indicator.clone().unwrap_or_default(),
                    output: i.output.clone().unwrap_or_default(),
                    budget,
                    lead_unit_ids: lead,
                    cooperating_unit_ids: cooperating,
                    lead_text: i.responsibility.clone().unwrap_or_default(),
                    start_text: i.start.as_ref().map(|s| s.text.clone()).unwrap_or_default(),
                    end_text: i.end.as_ref().map(|e| e.text.clone()),
                    note: i.note.clone().unwrap_or_default(),
                    extra,
                    ..Default::default()
                },
                unknown_lead,
            });
            walk(&i.children, index, &here, mappings, out);
        }
    }
    let mut out = Vec::new();
    for s in &preview.sections {
        let index = out.len();
        let path = vec![number_key(&s.number)];
        out.push(Planned {
            row: s.row,
            parent: None,
            path: path.clone(),
            draft: ItemDraft {
                kind: "section".into(),
                number: s.number.clone(),
                content: s.title.clone(),
                area_id: area_of(&s.title, areas),
                ..Default::default()
            },
            unknown_lead: Vec::new(),
        });
        walk(&s.items, index, &path, mappings, &mut out);
    }
    out
}

/// "1.1." and "1.1" are the same number.
fn number_key(number: &str) -> String {
    fold(number.trim().trim_end_matches('.'))
}

/// Validates every draft; errors name the document row.
fn validate_all(planned: &[Planned]) -> Result<Vec<ValidItem>> {
    let mut errors = cchc_domain::ValidationErrors::default();
    let mut valid = Vec::with_capacity(planned.len());
    for p in planned {
        match p.draft.validate() {
            Ok(v) => valid.push(v),
            Err(e) => {
                for error in e.0 {
                    let message = if error.field == "lead_unit_ids" && !p.unknown_lead.is_empty() {
                        format!(
                            "chưa có đơn vị chủ trì vì «{}» chưa khớp đơn vị nào: hãy chọn đơn vị cho tên này.",
                            p.unknown_lead.join("», «")
                        )
                    } else {
                        error.message
                    };
                    errors.add(
                        "file",
                        format!("Dòng {} (mục {}): {}", p.row, p.draft.number, message),
                    );
                }
            }
        }
    }
    errors.into_result()?;
    Ok(valid)
}

fn not_a_coordinator(actor: &Actor) -> Result<()> {
    if actor.has_role(Role::Coordinator) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Units with the user's mappings added as aliases, for matching.
fn with_aliases(mut units: Vec<Unit>, mappings: &[UnitMapping]) -> Vec<Unit> {
    for m in mappings {
        if let Some(u) = units.iter_mut().find(|u| u.id == m.unit_id) {
            u.aliases.push(m.text.clone());
        }
    }
    units
}

fn content_type_of(file_name: &str) -> &'static str {
    let lower = file_name.to_lowercase();
    if lower.ends_with(".docx") {
        cchc_office::write::DOCX_MEDIA_TYPE
    } else if lower.ends_with(".xlsx") {
        cchc_office::write::XLSX_MEDIA_TYPE
    } else {
        "text/plain; charset=utf-8"
    }
}

fn diff_fields(
    before: &PlanItem,
    after: &ValidItem,
    unit_name: &dyn Fn(UnitId) -> String,
) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let mut text = |label: &'static str, a: &str, b: &str| {
        if a != b {
            out.push(FieldChange {
                label,
                before: short(a),
                after: short(b),
            });
        }
    };
    text("Số thứ tự", &before.number, &after.number);
    text("Loại mục", before.kind.label(), after.kind.label());
    text("Nội dung", &before.content, &after.content);
    text("Chỉ số, chỉ tiêu", &before.indicator, &after.indicator);
    text("Sản phẩm", &before.output, &after.output);
    let money = |v: Option<i64>| v.map(format_budget).unwrap_or_default();
    text(
        "Kinh phí (triệu đồng)",
        &money(before.budget_vnd),
        &money(after.budget_vnd),
    );
    text("Trách nhiệm thực hiện", &before.lead_text, &after.lead_text);
    text("Bắt đầu / thời gian", &before.start_text, &after.start_text);
    text(
        "Kết thúc",
        before.end_text.as_deref().unwrap_or(""),
        after.end_text.as_deref().unwrap_or(""),
    );
    text("Ghi chú", &before.note, &after.note);
    let extra = |m: &std::collections::BTreeMap<String, String>| {
        m.iter()
            .map(|(k, v)| format!("{k}: {v}"))
            .collect::<Vec<_>>()
            .join("; ")
    };
    text("Cột khác", &extra(&before.extra), &extra(&after.extra));
    let names = |units: Vec<UnitId>| {
        let mut n: Vec<String> = units.into_iter().map(unit_name).collect();
        n.sort();
        n.join(", ")
    };
    for (label, role) in [
        ("Đơn vị chủ trì", cchc_domain::plans::TaskRole::Lead),
        ("Đơn vị phối hợp", cchc_domain::plans::TaskRole::Cooperating),
    ] {
        let a = names(before.unit_ids(role));
        let b = names(
            after
                .units
                .iter()
                .filter(|u| u.role == role)
                .map(|u| u.unit_id)
                .collect(),
        );
        text(label, &a, &b);
    }
    out
}

/// The matching of a re-import: stored item of each planned one.
struct Matching {
    /// For each planned item, the stored item it updates.
    stored: Vec<Option<ItemId>>,
    /// Stored items no planned one matches.
    gone: Vec<ItemId>,
}

fn match_items(existing: &[(PlanItem, Vec<String>)], planned: &[Planned]) -> Matching {
    let mut by_path: HashMap<&[String], ItemId> = HashMap::new();
    for (item, path) in existing {
        by_path.entry(path.as_slice()).or_insert(item.id);
    }
    let mut used: HashSet<ItemId> = HashSet::new();
    let mut stored: Vec<Option<ItemId>> = planned
        .iter()
        .map(|p| {
            let id = by_path.get(p.path.as_slice()).copied()?;
            used.insert(id).then_some(id)
        })
        .collect();
    // Items renumbered in the revision: matched by the same content.
    for (i, p) in planned.iter().enumerate() {
        if stored[i].is_some() {
            continue;
        }
        let wanted = fold(&p.draft.content);
        if let Some((item, _)) = existing
            .iter()
            .find(|(e, _)| !used.contains(&e.id) && fold(&e.content) == wanted)
        {
            used.insert(item.id);
            stored[i] = Some(item.id);
        }
    }
    let gone = existing
        .iter()
        .map(|(e, _)| e.id)
        .filter(|id| !used.contains(id))
        .collect();
    Matching { stored, gone }
}

/// Paths of stored items: numbers from the top-level item down, folded.
fn stored_paths(items: Vec<PlanItem>) -> Vec<(PlanItem, Vec<String>)> {
    let keys: HashMap<ItemId, (Option<ItemId>, String)> = items
        .iter()
        .map(|i| (i.id, (i.parent_id, number_key(&i.number))))
        .collect();
    items
        .into_iter()
        .map(|item| {
            let mut path = Vec::new();
            let mut current = Some(item.id);
            let mut guard = 0;
            while let Some(id) = current
                && guard < 64
            {
                let Some((parent, key)) = keys.get(&id) else {
                    break;
                };
                path.push(key.clone());
                current = *parent;
                guard += 1;
            }
            path.reverse();
            (item, path)
        })
        .collect()
}

impl App {
    /// Keeps an uploaded plan document (content-addressed) while the user
    /// checks its preview over several requests; returns its SHA-256.
    pub async fn stage_import(&self, actor: &Actor, file: &ImportFile) -> Result<String> {
        not_a_coordinator(actor)?;
        if file.bytes.is_empty() {
            return Err(AppError::validation("file", "Chọn tệp kế hoạch cần nhập."));
        }
        let sha = hex(&Sha256::digest(&file.bytes));
        let mut tx = self.db.write().await?;
        tracking_store::put_blob(&mut tx, &sha, &file.bytes, self.now()).await?;
        tx.commit().await?;
        Ok(sha)
    }

    /// A document kept by [`App::stage_import`].
    pub async fn staged_import(
        &self,
        actor: &Actor,
        sha256: &str,
        file_name: &str,
    ) -> Result<ImportFile> {
        not_a_coordinator(actor)?;
        let mut tx = self.db.read().await?;
        let bytes =
            tracking_store::blob(&mut tx, sha256.trim())
                .await?
                .ok_or(AppError::NotFound(
                    "Không tìm thấy tệp đã tải lên. Vui lòng tải lại tệp.",
                ))?;
        Ok(ImportFile {
            file_name: file_name.to_string(),
            bytes,
        })
    }

    /// Reads an uploaded plan into a preview; nothing is stored. `mappings`
    /// are names the user already mapped in this import.
    pub async fn import_preview(
        &self,
        actor: &Actor,
        file: &ImportFile,
        mappings: &[UnitMapping],
    ) -> Result<ImportPreview> {
        not_a_coordinator(actor)?;
        let units = self.import_units(mappings).await?;
        Ok(with_preview_lists(read(file, units).await?))
    }

    async fn import_units(&self, mappings: &[UnitMapping]) -> Result<Vec<Unit>> {
        let today = self.today();
        let mut tx = self.db.read().await?;
        let units: Vec<Unit> = unit_store::list(&mut tx)
            .await?
            .into_iter()
            .filter(|u| u.is_open_on(today))
            .collect();
        Ok(with_aliases(units, mappings))
    }

    /// Stores an uploaded plan as a new plan, all or nothing: the plan, its
    /// items with units and occurrences, the document as an attachment and
    /// the user's mappings as unit aliases.
    pub async fn import_plan(
        &self,
        actor: &Actor,
        file: &ImportFile,
        settings: &ImportSettings,
    ) -> Result<Plan> {
        not_a_coordinator(actor)?;
        let units = self.import_units(&settings.mappings).await?;
        let preview = read(file, units).await?;
        let areas = self.areas().await?;
        let planned = plan_items(&preview, &areas, &settings.mappings);
        let valid = validate_all(&planned)?;
        let this_year = self
            .today()
            .format("%Y")
            .to_string()
            .parse()
            .unwrap_or(2026);
        let period = preview.plan.period;
        let first_year = settings
            .first_year
            .or(period.map(|p| p.first_year()))
            .unwrap_or(this_year);
        let last_year = settings
            .last_year
            .or(period.map(|p| p.last_year()))
            .unwrap_or(first_year);
        let title = preview
            .plan
            .title
            .clone()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| file_stem(&file.file_name));
        let number = preview.plan.number.clone().unwrap_or_default();
        let issued = preview.plan.issued_on.is_some() && number.split('/').next() != Some("");
        let draft = PlanDraft {
            number,
            title,
            issuing_unit_id: settings.issuing_unit_id.or(actor.unit_id),
            issued_on: preview.plan.issued_on,
            first_year: Some(first_year),
            last_year: Some(last_year),
            legal_bases: preview.plan.legal_bases.clone(),
            status: Some(
                if issued {
                    PlanStatus::Issued
                } else {
                    PlanStatus::Draft
                }
                .code()
                .into(),
            ),
        };
        let valid_plan = draft.validate()?;
        if !actor.covers(&[Role::Coordinator], valid_plan.issuing_unit_id) {
            return Err(AppError::Forbidden);
        }
        let calendar = self.working_calendar().await?;
        let now = self.now();
        let mut tx = self.db.write().await?;
        self.remember_mappings(&mut tx, &settings.mappings, now)
            .await?;
        let plan_id = store::insert_plan(&mut tx, &valid_plan, now).await?;
        let plan = store::get_plan(&mut tx, plan_id)
            .await?
            .ok_or_else(plan_not_found)?;
        attach(&mut tx, actor, plan_id, file, now).await?;
        let mut ids: Vec<ItemId> = Vec::with_capacity(planned.len());
        for (p, v) in planned.iter().zip(valid) {
            let v = ValidItem {
                parent_id: p.parent.map(|i| ids[i]),
                ..v
            };
            ids.push(insert_placed(&mut tx, &plan, &v, &calendar, now).await?.id);
        }
        let c = counts(&preview);
        let change = Change {
            action: "import",
            entity_type: "plan",
            entity_id: plan_id,
            summary: format!(
                "Nhập kế hoạch {} từ tệp {}: {} phần, {} nhóm, {} nhiệm vụ",
                plan.title, file.file_name, c.sections, c.groups, c.tasks
            ),
            before: None,
            after: snapshot(&plan),
        };
        record(&mut tx, actor, now, change).await?;
        tx.commit().await?;
        Ok(plan)
    }

    async fn remember_mappings(
        &self,
        tx: &mut Tx,
        mappings: &[UnitMapping],
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<()> {
        for m in mappings {
            if unit_store::get(tx, m.unit_id).await?.is_none() {
                return Err(AppError::validation(
                    "mappings",
                    format!("Đơn vị chọn cho «{}» không tồn tại.", m.text),
                ));
            }
            let alias = cchc_domain::text::clean(&m.text);
            if !alias.is_empty() {
                unit_store::add_alias(tx, m.unit_id, &alias, now).await?;
            }
        }
        Ok(())
    }

    /// The differences re-importing `file` into a plan would make.
    pub async fn reimport_preview(
        &self,
        actor: &Actor,
        plan_id: PlanId,
        file: &ImportFile,
        mappings: &[UnitMapping],
    ) -> Result<ImportDiff> {
        self.reimport(actor, plan_id, file, mappings, false).await
    }

    /// Applies a revised document to a plan in one transaction: changed items
    /// are updated (their reported occurrences kept), new ones added, items
    /// gone from the document removed unless a unit reported on them.
    pub async fn reimport_plan(
        &self,
        actor: &Actor,
        plan_id: PlanId,
        file: &ImportFile,
        mappings: &[UnitMapping],
    ) -> Result<ImportDiff> {
        self.reimport(actor, plan_id, file, mappings, true).await
    }

    async fn reimport(
        &self,
        actor: &Actor,
        plan_id: PlanId,
        file: &ImportFile,
        mappings: &[UnitMapping],
        apply: bool,
    ) -> Result<ImportDiff> {
        let units = self.import_units(mappings).await?;
        let names: HashMap<UnitId, String> = units.iter().map(|u| (u.id, u.name.clone())).collect();
        let preview = read(file, units).await?;
        let (unmatched, _) = doubtful_names(&preview);
        let areas = self.areas().await?;
        let planned = plan_items(&preview, &areas, mappings);
        let valid = validate_all(&planned)?;
        let calendar = self.working_calendar().await?;
        let now = self.now();
        let mut tx = self.db.write().await?;
        let plan = store::get_plan(&mut tx, plan_id)
            .await?
            .ok_or_else(plan_not_found)?;
        if !plan.managed_by(actor) {
            return Err(AppError::Forbidden);
        }
        let existing = stored_paths(store::items(&mut tx, plan_id).await?);
        let matching = match_items(&existing, &planned);
        let by_id: HashMap<ItemId, &PlanItem> = existing.iter().map(|(i, _)| (i.id, i)).collect();
        let unit_name = |id: UnitId| names.get(&id).cloned().unwrap_or_else(|| id.to_string());
        let mut diff = ImportDiff {
            unmatched,
            ..Default::default()
        };
        // Document order, so a parent has its id before its children.
        let mut ids: Vec<Option<ItemId>> = Vec::with_capacity(planned.len());
        for (i, (p, v)) in planned.iter().zip(valid).enumerate() {
            let parent_id = p.parent.and_then(|at| ids[at]);
            let entry = DiffItem {
                id: matching.stored[i],
                number: p.draft.number.clone(),
                content: short(&p.draft.content),
            };
            let Some(stored) = matching.stored[i].and_then(|id| by_id.get(&id).copied()) else {
                let v = ValidItem { parent_id, ..v };
                diff.added.push(entry);
                let id = if apply {
                    Some(insert_placed(&mut tx, &plan, &v, &calendar, now).await?.id)
                } else {
                    None
                };
                ids.push(id);
                continue;
            };
            ids.push(Some(stored.id));
            let v = ValidItem {
                parent_id: if p.parent.is_some() { parent_id } else { None },
                // A section keeps the area the coordinator gave it.
                area_id: if v.kind == ItemKind::Section {
                    stored.area_id.or(v.area_id)
                } else {
                    stored.area_id
                },
                ..v
            };
            let mut fields = diff_fields(stored, &v, &unit_name);
            let moved =
                stored.parent_id != v.parent_id && (p.parent.is_none() || parent_id.is_some());
            if moved {
                fields.push(FieldChange {
                    label: "Vị trí",
                    before: String::new(),
                    after: "chuyển sang mục cấp trên khác".into(),
                });
            }
            if fields.is_empty() {
                diff.unchanged += 1;
                continue;
            }
            if apply {
                store::update_item(&mut tx, stored.id, stored.version, &v, now).await?;
                let after = store::item(&mut tx, stored.id)
                    .await?
                    .ok_or_else(super::item_not_found)?;
                crate::tracking::sync_task(&mut tx, &plan, &after, &calendar, now).await?;
            }
            diff.changed.push(ChangedItem {
                item: entry,
                fields,
            });
        }
        // Removed: children before parents; reported ones (or above one) kept.
        let gone: BTreeSet<ItemId> = matching.gone.iter().copied().collect();
        let mut blocked: HashSet<ItemId> = HashSet::new();
        for (item, _) in existing.iter().rev() {
            if !gone.contains(&item.id) {
                continue;
            }
            let rows = tracking_store::rows_of_item(&mut tx, item.id).await?;
            let entry = DiffItem {
                id: Some(item.id),
                number: item.number.clone(),
                content: short(&item.content),
            };
            let kept_child = existing.iter().any(|(c, _)| {
                c.parent_id == Some(item.id) && (blocked.contains(&c.id) || !gone.contains(&c.id))
            });
            if rows.iter().any(|r| !r.untouched()) || kept_child {
                blocked.insert(item.id);
                diff.kept.push(entry);
                continue;
            }
            if apply {
                let current = store::item(&mut tx, item.id).await?;
                if let Some(current) = current {
                    store::delete_item(&mut tx, item.id, current.version).await?;
                }
            }
            diff.removed.push(entry);
        }
        diff.removed.reverse();
        diff.kept.reverse();
        if apply && !diff.is_empty() {
            let tree = Tree::new(store::items(&mut tx, plan_id).await?);
            for (changed, placement) in tree.changes(false) {
                store::place_item(&mut tx, changed, &placement, now).await?;
            }
            self.remember_mappings(&mut tx, mappings, now).await?;
            attach(&mut tx, actor, plan_id, file, now).await?;
            let change = Change {
                action: "import",
                entity_type: "plan",
                entity_id: plan_id,
                summary: format!(
                    "Cập nhật kế hoạch {} từ tệp {}: thêm {}, sửa {}, xóa {} mục",
                    plan.title,
                    file.file_name,
                    diff.added.len(),
                    diff.changed.len(),
                    diff.removed.len()
                ),
                before: None,
                after: serde_json::to_value(&diff).ok(),
            };
            record(&mut tx, actor, now, change).await?;
            tx.commit().await?;
        }
        Ok(diff)
    }
}

/// Reads the file off the async threads (a large document takes a while).
async fn read(file: &ImportFile, units: Vec<Unit>) -> Result<PlanPreview> {
    let bytes = file.bytes.clone();
    let name = file.file_name.clone();
    tokio::task::spawn_blocking(move || cchc_office::read_plan(&bytes, &name, &units))
        .await
        .map_err(|_| AppError::validation("file", "Không đọc được tệp."))?
        .map_err(|e| AppError::validation("file", e.to_string()))
}

async fn attach(
    tx: &mut Tx,
    actor: &Actor,
    plan_id: PlanId,
    file: &ImportFile,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    let sha = hex(&Sha256::digest(&file.bytes));
    tracking_store::put_blob(tx, &sha, &file.bytes, now).await?;
    store::insert_attachment(
        tx,
        &NewAttachment {
            plan_id,
            sha256: &sha,
            file_name: &file.file_name,
            content_type: content_type_of(&file.file_name),
            size_bytes: file.bytes.len() as i64,
            uploaded_by: (actor.user_id > 0).then_some(actor.user_id),
            uploader_name: &actor.full_name,
            at: now,
        },
    )
    .await?;
    Ok(())
}

fn file_stem(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    base.rsplit_once('.')
        .map_or(base, |(stem, _)| stem)
        .to_string()
}
