//! The preview of an imported plan: what `cchc plan import --dry-run
//! --format json` prints and what a person checks before saving. The field
//! names and nesting are a documented, stable format (a test fixes them):
//!
//! ```json
//! {"plan": {"title": "CẢI CÁCH HÀNH CHÍNH ... NĂM 2020", "number": "/KH-SYT",
//!           "issued_on": null, "place": "Đắk Nông", "date_text": "Đắk Nông, ngày",
//!           "period": {"first_year": 2020, "last_year": 2020},
//!           "legal_bases": ["Thực hiện Nghị quyết số 30c-NQ-CP ..."],
//!           "budget_total_million_vnd": 120.0},
//!  "sections": [{"row": 90, "number": "I", "title": "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC",
//!    "items": [{"row": 91, "number": "1", "content": "...", "children": [
//!      {"row": 99, "number": "1.5", "content": "Xử lý hoặc kiến nghị ...",
//!       "indicator": "100% vấn đề ...", "target": {"text": "...", "parts": [...]},
//!       "output": "...", "budget_million_vnd": 10.0, "budget_text": "10",
//!       "responsibility": "Chủ trì: Văn phòng Sở Thực hiện: các phòng chức năng ...",
//!       "lead": [{"text": "Văn phòng Sở", "unit_id": 2, "unit_name": "Văn phòng Sở",
//!                 "score": 1.0, "match": "exact"}],
//!       "cooperating": [...],
//!       "start": {"text": "Sau khi có thông báo kết quả kiểm tra", "parsed": {"kind": "after_event", ...}},
//!       "end": {"text": "Kết thúc trong vòng 30 ngày kể từ ...", "parsed": {...}},
//!       "schedule": {"text": "...", "parsed": {...}, "occurrences": [...], "needs_decision": false},
//!       "note": null, "extra": {}, "children": []}]}]}],
//!  "warnings": [{"row": 97, "message": "Mục 1.3: Cần xác định thời hạn: ..."}]}
//! ```
//!
//! `match` is `exact`, `fuzzy` (to confirm), `group` (one entry per unit of
//! "các đơn vị trực thuộc", "các phòng chức năng") or `none` (`unit_id` null:
//! the user maps it). `parsed` is the domain's `ScheduleKind`; occurrences
//! are the domain's `Occurrence`s over the plan period.

use std::collections::BTreeMap;

use cchc_domain::schedule::{Occurrence, PlanPeriod, ScheduleKind};
use cchc_domain::target::Target;
use cchc_domain::units::UnitId;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanPreview {
    pub plan: PlanInfo,
    pub sections: Vec<SectionPreview>,
    pub warnings: Vec<Warning>,
}

/// What the body text before the appendix says about the plan.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PlanInfo {
    /// The lines after "KẾ HOẠCH", joined.
    pub title: Option<String>,
    /// Number and symbol as written after "Số:" ("123/KH-SYT", or "/KH-SYT"
    /// when the number is still blank).
    pub number: Option<String>,
    /// The signing date, when the date line is complete.
    pub issued_on: Option<NaiveDate>,
    /// "Đắk Nông" from "Đắk Nông, ngày 15 tháng 12 năm 2019".
    pub place: Option<String>,
    /// The place and date line as written.
    pub date_text: Option<String>,
    /// The years the plan covers, from the years in its title.
    pub period: Option<PlanPeriod>,
    /// Paragraphs starting "Căn cứ" or "Thực hiện" before the first section.
    pub legal_bases: Vec<String>,
    /// The budget of the appendix's "Tổng" row, when it has one.
    pub budget_total_million_vnd: Option<f64>,
}

/// A reform area: a Roman-numbered row of the appendix (or a top-level
/// numbered row when the appendix has no Roman numerals).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionPreview {
    pub row: usize,
    pub number: String,
    pub title: String,
    pub items: Vec<ItemPreview>,
}

/// A task or a heading grouping tasks (then it has `children`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemPreview {
    /// Source row where the item starts (line of a text file, row of the
    /// table or sheet).
    pub row: usize,
    pub number: String,
    pub content: String,
    /// "Chỉ số" / "Chỉ tiêu" as written.
    pub indicator: Option<String>,
    /// The indicator read as target parts with measures.
    pub target: Option<Target>,
    pub output: Option<String>,
    pub budget_million_vnd: Option<f64>,
    /// The budget cell as written.
    pub budget_text: Option<String>,
    /// The responsibility cell(s) as written.
    pub responsibility: Option<String>,
    pub lead: Vec<UnitRef>,
    pub cooperating: Vec<UnitRef>,
    /// "Bắt đầu", or the single "Thời gian thực hiện" cell.
    pub start: Option<ScheduleCell>,
    /// "Kết thúc".
    pub end: Option<ScheduleCell>,
    /// Start and end read together, with the occurrences over the plan period.
    pub schedule: Option<SchedulePreview>,
    pub note: Option<String>,
    /// Columns that match no field: column title -> text.
    pub extra: BTreeMap<String, String>,
    pub children: Vec<ItemPreview>,
}

/// One schedule cell: the text and what it means alone.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScheduleCell {
    pub text: String,
    pub parsed: ScheduleKind,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SchedulePreview {
    /// "Tháng 01/2020 - Tháng 12/2020".
    pub text: String,
    pub parsed: ScheduleKind,
    /// Empty when the plan period is unknown.
    pub occurrences: Vec<Occurrence>,
    /// Some occurrence needs a coordinator to set its due date.
    pub needs_decision: bool,
}

/// A unit named in a responsibility cell and the unit it was matched to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitRef {
    /// The name as written ("Văn phòng Sở", "các đơn vị trực thuộc").
    pub text: String,
    pub unit_id: Option<UnitId>,
    pub unit_name: Option<String>,
    /// Similarity 0..1 of the best candidate (1 for exact and group matches).
    pub score: f64,
    #[serde(rename = "match")]
    pub matched_by: MatchKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// Name, short name, alias or code equal without case and diacritics.
    Exact,
    /// Similar enough to one unit; to be confirmed.
    Fuzzy,
    /// A phrase naming a kind of units ("các đơn vị trực thuộc"): one entry per unit.
    Group,
    /// No unit: to be mapped by the user.
    None,
}

/// Something the importer doubts, with the source row it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub row: Option<usize>,
    pub message: String,
}

impl Warning {
    pub fn at(row: usize, message: impl Into<String>) -> Self {
        Warning {
            row: Some(row),
            message: message.into(),
        }
    }

    pub fn plan(message: impl Into<String>) -> Self {
        Warning {
            row: None,
            message: message.into(),
        }
    }
}
