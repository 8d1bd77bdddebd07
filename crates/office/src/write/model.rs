//! The neutral export model: what a plan document shows, independent of the
//! format it is written in. Built from the domain ([`ExportPlan::from_domain`])
//! or from an import preview ([`ExportPlan::from_preview`]), adjusted freely
//! (every field is public), then written by the `appendix_docx`, `plan_docx`
//! and `appendix_xlsx` writers.

use std::borrow::Cow;
use std::collections::BTreeMap;

use super::official::{DocHeader, Signer};

/// A plan ready to be written.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportPlan {
    pub header: DocHeader,
    /// The plan's subject (trích yếu) as it follows "KẾ HOẠCH", without the
    /// words "Kế hoạch": "Cải cách hành chính ngành Y tế năm 2020".
    pub title: String,
    /// "Năm 2020", "Giai đoạn 2021 - 2025"; printed after the title when the
    /// title names no year.
    pub period_label: Option<String>,
    /// "Căn cứ ..." / "Thực hiện ..." paragraphs, one each.
    pub legal_bases: Vec<String>,
    /// The body paragraphs of the plan document after the legal bases.
    pub body: Vec<String>,
    /// The "Nơi nhận:" lines, without the leading dash.
    pub recipients: Vec<String>,
    pub signer: Signer,
    /// The appendix columns, left to right; the first is the STT column.
    pub columns: Vec<Column>,
    pub sections: Vec<ExportSection>,
}

/// A section of the appendix, usually one reform area: "I", "CẢI CÁCH THỦ
/// TỤC HÀNH CHÍNH". A section with neither number nor title prints no row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExportSection {
    pub number: String,
    pub title: String,
    pub items: Vec<ExportItem>,
}

/// One row of the appendix and the rows nested under it. Texts are printed
/// as given; an empty text is an empty cell.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExportItem {
    /// The plan's own number: "1.", "1.1", "3.3.3", "a)".
    pub number: String,
    pub content: String,
    pub indicator: String,
    pub output: String,
    /// The budget in VND, printed in million VND ("1.234,5").
    pub budget_vnd: Option<i64>,
    /// A budget written in words ("Ngân sách tỉnh"), printed when
    /// `budget_vnd` is `None`.
    pub budget_text: String,
    /// Chủ trì: the text as written, or the lead units' names.
    pub lead: String,
    /// Phối hợp: the text as written, or the cooperating units' names.
    pub cooperating: String,
    /// "Bắt đầu", or the whole schedule when the plan has one time column.
    pub start: String,
    /// "Kết thúc".
    pub end: String,
    pub note: String,
    /// Values of the plan's own columns, by column title.
    pub extra: BTreeMap<String, String>,
    /// A heading that gathers sub-items: printed bold.
    pub group: bool,
    pub children: Vec<ExportItem>,
}

/// One appendix column: what it shows and its title.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub kind: ColumnKind,
    pub title: String,
    /// A title over this column and its neighbours with the same group
    /// ("Thời gian thực hiện" over "Bắt đầu" and "Kết thúc").
    pub group: Option<String>,
    /// The width relative to the other columns.
    pub weight: u16,
}

/// What a column shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnKind {
    Number,
    Content,
    Indicator,
    Output,
    /// Million VND.
    Budget,
    /// One cell for lead and cooperating units ("Trách nhiệm thực hiện").
    Responsibility,
    Lead,
    Cooperating,
    /// One time cell: the start, with the end after a dash when there is one.
    Schedule,
    Start,
    End,
    Note,
    /// A column of the plan's own, by title (the key in `ExportItem::extra`).
    Extra(String),
}

const SCHEDULE_GROUP: &str = "Thời gian thực hiện";
const UNITS_GROUP: &str = "Đơn vị thực hiện";

impl Column {
    /// The column with its usual title, group and width.
    pub fn standard(kind: ColumnKind) -> Column {
        use ColumnKind::*;
        let (title, group, weight) = match &kind {
            Number => ("STT", None, 5),
            Content => ("Nội dung, nhiệm vụ", None, 23),
            Indicator => ("Chỉ số/Chỉ tiêu", None, 17),
            Output => ("Sản phẩm đầu ra", None, 14),
            Budget => ("Kinh phí (triệu đồng)", None, 8),
            Responsibility => ("Trách nhiệm thực hiện", None, 16),
            Lead => ("Chủ trì", Some(UNITS_GROUP), 12),
            Cooperating => ("Phối hợp", Some(UNITS_GROUP), 12),
            Schedule => (SCHEDULE_GROUP, None, 12),
            Start => ("Bắt đầu", Some(SCHEDULE_GROUP), 10),
            End => ("Kết thúc", Some(SCHEDULE_GROUP), 10),
            Note => ("Ghi chú", None, 7),
            Extra(title) => (title.as_str(), None, 10),
        };
        Column {
            title: title.to_owned(),
            group: group.map(str::to_owned),
            weight,
            kind,
        }
    }

    /// The columns `sections` fill: STT, content and notes always; the
    /// others when some item has a value for them. Lead and cooperating get
    /// a column each when some item has cooperating units, else one
    /// "Trách nhiệm thực hiện" column; the time splits into "Bắt đầu" and
    /// "Kết thúc" when some item has an end. The plan's own columns last.
    pub fn defaults_for(sections: &[ExportSection]) -> Vec<Column> {
        let items: Vec<&ExportItem> = sections.iter().flat_map(|s| flatten(&s.items)).collect();
        let any = |f: &dyn Fn(&ExportItem) -> bool| items.iter().any(|i| f(i));
        use ColumnKind::*;
        let mut kinds = vec![Number, Content];
        if any(&|i| !i.indicator.is_empty()) {
            kinds.push(Indicator);
        }
        if any(&|i| !i.output.is_empty()) {
            kinds.push(Output);
        }
        if any(&|i| i.budget_vnd.is_some() || !i.budget_text.is_empty()) {
            kinds.push(Budget);
        }
        if any(&|i| !i.cooperating.is_empty()) {
            kinds.extend([Lead, Cooperating]);
        } else if any(&|i| !i.lead.is_empty()) {
            kinds.push(Responsibility);
        }
        if any(&|i| !i.end.is_empty()) {
            kinds.extend([Start, End]);
        } else if any(&|i| !i.start.is_empty()) {
            kinds.push(Schedule);
        }
        kinds.push(Note);
        let mut extras: Vec<&String> = items.iter().flat_map(|i| i.extra.keys()).collect();
        extras.sort();
        extras.dedup();
        kinds.extend(extras.into_iter().map(|t| Extra(t.clone())));
        kinds.into_iter().map(Column::standard).collect()
    }
}

/// Every item of a tree, parents before their children.
pub(crate) fn flatten(items: &[ExportItem]) -> Vec<&ExportItem> {
    let mut out = Vec::new();
    for item in items {
        out.push(item);
        out.extend(flatten(&item.children));
    }
    out
}

impl ExportPlan {
    /// The sum of every item's budget at every level, as the importer
    /// checks a "Tổng cộng" row; `None` when no item has a budget.
    pub fn budget_total_vnd(&self) -> Option<i64> {
        let budgets: Vec<i64> = self
            .sections
            .iter()
            .flat_map(|s| flatten(&s.items))
            .filter_map(|i| i.budget_vnd)
            .collect();
        (!budgets.is_empty()).then(|| budgets.iter().sum())
    }

    /// The column of the "Tổng cộng" label: the content column, else the first.
    pub(crate) fn total_label_column(&self) -> usize {
        self.columns
            .iter()
            .position(|c| c.kind == ColumnKind::Content)
            .unwrap_or(0)
    }

    /// This plan, with [`Column::defaults_for`] its sections when it has no
    /// columns (a table needs at least one).
    pub(crate) fn with_columns(&self) -> Cow<'_, ExportPlan> {
        if self.columns.is_empty() {
            Cow::Owned(ExportPlan {
                columns: Column::defaults_for(&self.sections),
                ..self.clone()
            })
        } else {
            Cow::Borrowed(self)
        }
    }

    /// Whether the appendix has a column of `kind`.
    pub fn has_column(&self, kind: &ColumnKind) -> bool {
        self.columns.iter().any(|c| &c.kind == kind)
    }
}
