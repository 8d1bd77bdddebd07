//! The periodic report as a document, independent of the format it is
//! written in: built from the department's consolidated report
//! ([`ExportReport::from_consolidated`]), adjusted freely (every field is
//! public), then written by `report_docx` and `report_xlsx`.

use chrono::NaiveDate;

use cchc_domain::reports::{
    Consolidated, ConsolidatedField, ConsolidatedSection, FigureValue, ReportKind,
};

use super::official::{DocHeader, Signer};
use crate::roman::to_roman;

/// A report ready to be written.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportReport {
    pub header: DocHeader,
    /// The subject under "BÁO CÁO": "Kết quả công tác cải cách hành chính
    /// quý I năm 2026".
    pub title: String,
    /// "Thời gian chốt số liệu: từ 15/12/2025 đến 14/03/2026".
    pub period: String,
    /// The paragraphs before the first section.
    pub introduction: Vec<String>,
    pub sections: Vec<ReportSection>,
    /// How the units sent their reports, as an appendix; `None` leaves it out.
    pub submissions: Option<Submissions>,
    /// The "Nơi nhận:" lines, without the leading dash.
    pub recipients: Vec<String>,
    pub signer: Signer,
}

/// A part of the report, usually one reform area: "II", "Cải cách thủ tục
/// hành chính" (printed in capitals).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportSection {
    pub number: String,
    pub title: String,
    pub parts: Vec<ReportPart>,
}

/// What a section holds, in the order of the report's outline.
#[derive(Debug, Clone, PartialEq)]
pub enum ReportPart {
    /// A narrative: its heading ("Kết quả thực hiện") and paragraphs. With
    /// no paragraphs a note says that nothing was reported.
    Text {
        title: String,
        paragraphs: Vec<ReportParagraph>,
    },
    /// Figures that follow each other in the outline, as one table.
    Figures(FigureTable),
}

/// A paragraph of a narrative and whose it is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportParagraph {
    /// The unit that wrote it, printed before the text; empty for a
    /// paragraph that goes on from the one before, or the department's own.
    pub source: String,
    pub text: String,
}

/// The department's figures and, when units' reports were accepted, each
/// unit's.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FigureTable {
    /// The units with an accepted report: the rows of the table by unit.
    pub units: Vec<String>,
    pub rows: Vec<FigureRow>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct FigureRow {
    /// "Số nhiệm vụ đến hạn trong kỳ".
    pub label: String,
    /// What is counted: "nhiệm vụ", "đồng".
    pub unit: String,
    /// The department's figure; `None`: no data.
    pub value: Option<i64>,
    /// Where the figure comes from when not from tracked work: a correction
    /// and its reason, or the units' sum.
    pub note: String,
    /// Each unit's accepted figure, in the order of [`FigureTable::units`].
    pub by_unit: Vec<Option<i64>>,
}

impl FigureRow {
    /// The sum of the units' figures; `None` when none has one.
    pub fn units_total(&self) -> Option<i64> {
        let values: Vec<i64> = self.by_unit.iter().flatten().copied().collect();
        (!values.is_empty()).then(|| values.iter().sum())
    }
}

/// The units' reports of the round: when each was sent and where it stands.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Submissions {
    /// The units' deadline.
    pub deadline: Option<NaiveDate>,
    pub rows: Vec<SubmissionRow>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SubmissionRow {
    pub unit: String,
    /// The first submission, which decides timeliness.
    pub first_sent_on: Option<NaiveDate>,
    pub submissions: i64,
    /// "Đúng hạn", "Chậm 3 ngày", "Không gửi".
    pub timeliness: String,
    /// "Đã tiếp nhận", "Đã gửi, chờ tiếp nhận", ...
    pub status: String,
}

impl ExportReport {
    /// The report of a consolidated round with `header` on top. Narratives
    /// are the units' own, each under its unit's name; a figure is the
    /// department's (computed or corrected), else the sum of the units'.
    /// Recipients and signer are placeholders: set them afterwards, and
    /// `submissions` for the appendix.
    pub fn from_consolidated(c: &Consolidated, header: DocHeader) -> ExportReport {
        let title = subject(c.kind, c.year, &c.label);
        let issuer = match header.issuer.trim() {
            "" => "Cơ quan",
            name => name,
        };
        let introduction = vec![
            format!(
                "Thực hiện chế độ báo cáo định kỳ về công tác cải cách hành chính, {issuer} báo cáo {} như sau:",
                lower_first(&title)
            ),
            sources(c),
        ];
        let sections = c
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| ReportSection {
                number: to_roman(i as u32 + 1),
                title: s.title.clone(),
                parts: parts(s),
            })
            .collect();
        ExportReport {
            header,
            title,
            period: format!(
                "Thời gian chốt số liệu: từ {} đến {}",
                date_vn(c.window_start),
                date_vn(c.window_end)
            ),
            introduction,
            sections,
            submissions: None,
            recipients: vec!["Lưu: VT.".to_owned()],
            signer: Signer::default(),
        }
    }
}

/// "Kết quả công tác cải cách hành chính quý I năm 2026"; an ad-hoc
/// report's own title without the words "Báo cáo".
fn subject(kind: ReportKind, year: i32, label: &str) -> String {
    let results = "Kết quả công tác cải cách hành chính";
    match kind {
        ReportKind::Q1 => format!("{results} quý I năm {year}"),
        ReportKind::H1 => format!("{results} 6 tháng đầu năm {year}"),
        ReportKind::Q3 => format!("{results} 9 tháng đầu năm {year}"),
        ReportKind::Annual => format!("{results} năm {year}"),
        ReportKind::Adhoc => {
            let label = label.trim();
            let rest = label
                .strip_prefix("Báo cáo ")
                .or_else(|| label.strip_prefix("BÁO CÁO "))
                .unwrap_or(label);
            upper_first(rest.trim())
        }
    }
}

fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The first letter in lower case, unless the first word is an acronym.
pub(super) fn lower_first(text: &str) -> String {
    let first_word = text.split_whitespace().next().unwrap_or_default();
    if first_word.chars().filter(|c| c.is_uppercase()).count() > 1 {
        return text.to_owned();
    }
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

fn date_vn(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// What the report was assembled from.
fn sources(c: &Consolidated) -> String {
    let mut text = if c.included_units.is_empty() {
        "Chưa có báo cáo nào của các đơn vị được tiếp nhận; số liệu lấy từ kết quả theo dõi nhiệm vụ trên phần mềm".to_owned()
    } else {
        format!(
            "Báo cáo được tổng hợp từ báo cáo đã tiếp nhận của {} đơn vị ({}) và kết quả theo dõi nhiệm vụ trên phần mềm",
            c.included_units.len(),
            c.included_units.join(", ")
        )
    };
    if !c.pending_units.is_empty() {
        let names: Vec<&str> = c.pending_units.iter().map(|(n, _)| n.as_str()).collect();
        text.push_str(&format!(
            "; {} đơn vị chưa có báo cáo được tiếp nhận ({})",
            names.len(),
            names.join(", ")
        ));
    }
    text.push('.');
    text
}

fn parts(section: &ConsolidatedSection) -> Vec<ReportPart> {
    let mut parts: Vec<ReportPart> = Vec::new();
    for field in &section.fields {
        match field {
            ConsolidatedField::Text {
                label,
                contributions,
                ..
            } => {
                let mut paragraphs = Vec::new();
                for c in contributions {
                    let lines = c.text.lines().map(str::trim).filter(|l| !l.is_empty());
                    for (i, line) in lines.enumerate() {
                        paragraphs.push(ReportParagraph {
                            source: if i == 0 {
                                c.unit_name.clone()
                            } else {
                                String::new()
                            },
                            text: line.to_owned(),
                        });
                    }
                }
                parts.push(ReportPart::Text {
                    title: label.clone(),
                    paragraphs,
                });
            }
            ConsolidatedField::Figure {
                label,
                unit,
                department,
                by_unit,
                ..
            } => {
                let by_unit_values: Vec<Option<i64>> = by_unit.iter().map(|u| u.value).collect();
                let mut row = FigureRow {
                    label: label.clone(),
                    unit: unit.clone(),
                    value: None,
                    note: String::new(),
                    by_unit: by_unit_values,
                };
                (row.value, row.note) = department_figure(department, row.units_total());
                if let Some(ReportPart::Figures(table)) = parts.last_mut() {
                    table.rows.push(row);
                } else {
                    parts.push(ReportPart::Figures(FigureTable {
                        units: by_unit.iter().map(|u| u.unit_name.clone()).collect(),
                        rows: vec![row],
                    }));
                }
            }
        }
    }
    parts
}

/// The department's figure and the note on where it comes from.
fn department_figure(department: &FigureValue, units_total: Option<i64>) -> (Option<i64>, String) {
    match (&department.manual, department.value(), units_total) {
        (Some(m), value, _) => {
            let note = match department.computed {
                Some(computed) => format!(
                    "Điều chỉnh từ {}: {}",
                    cchc_domain::text::number_vn(computed),
                    m.note
                ),
                None => m.note.clone(),
            };
            (value, note)
        }
        (None, Some(value), _) => (Some(value), String::new()),
        (None, None, Some(total)) => (Some(total), "Cộng số liệu của các đơn vị".to_owned()),
        (None, None, None) => (None, "Chưa có số liệu".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_name_the_period() {
        assert_eq!(
            subject(ReportKind::Q1, 2026, "Báo cáo quý I năm 2026"),
            "Kết quả công tác cải cách hành chính quý I năm 2026"
        );
        assert_eq!(
            subject(ReportKind::H1, 2026, ""),
            "Kết quả công tác cải cách hành chính 6 tháng đầu năm 2026"
        );
        assert_eq!(
            subject(
                ReportKind::Adhoc,
                2026,
                "Báo cáo đánh giá việc công khai thủ tục"
            ),
            "Đánh giá việc công khai thủ tục"
        );
        assert_eq!(lower_first("Kết quả công tác"), "kết quả công tác");
        assert_eq!(lower_first("CCHC năm 2026"), "CCHC năm 2026");
    }

    #[test]
    fn a_figure_is_the_departments_else_the_units_sum() {
        let computed = FigureValue {
            computed: Some(3),
            manual: None,
        };
        assert_eq!(
            department_figure(&computed, Some(9)),
            (Some(3), String::new())
        );
        let none = FigureValue::default();
        assert_eq!(
            department_figure(&none, Some(9)),
            (Some(9), "Cộng số liệu của các đơn vị".to_owned())
        );
        assert_eq!(
            department_figure(&none, None),
            (None, "Chưa có số liệu".to_owned())
        );
    }
}
