//! Finding the appendix table's header row and mapping its columns to the
//! fields of a task, by synonyms compared without case or diacritics.
//!
//! The header may have a second line under a group title ("Thời gian thực
//! hiện" over "Bắt đầu" / "Kết thúc", "Cơ quan thực hiện" over "Chủ trì" /
//! "Phối hợp"). Columns that match no field keep their title and become
//! `extra` values of each task.

use cchc_domain::text::fold;

use super::cells::clean_cell;
use crate::grid::Row;

/// The field a column fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Number,
    Content,
    Indicator,
    Output,
    Budget,
    /// One cell naming lead and cooperating units ("Chủ trì: X Thực hiện: Y").
    Responsibility,
    Lead,
    Cooperating,
    /// One "Thời gian thực hiện" cell.
    Schedule,
    Start,
    End,
    Note,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Column {
    pub title: String,
    /// `None` for a column kept as an extra.
    pub field: Option<Field>,
}

/// The header found in a grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Header {
    /// Index in the grid's rows of the first header line, and of the last one.
    pub first_row: usize,
    pub last_row: usize,
    pub columns: Vec<Column>,
    lines: Vec<Vec<String>>,
}

impl Header {
    pub fn column_of(&self, field: Field) -> Option<usize> {
        self.columns.iter().position(|c| c.field == Some(field))
    }

    pub fn has(&self, field: Field) -> bool {
        self.column_of(field).is_some()
    }

    /// Whether `row` repeats a header line (Word repeats the header on each
    /// page; a copy of the document keeps the repetitions as rows).
    pub fn is_repeat(&self, row: &Row) -> bool {
        if matches!(
            row.kind,
            crate::grid::RowKind::Table {
                repeated_header: true
            }
        ) {
            return true;
        }
        let folded = folded_cells(row);
        if self.lines.iter().any(|line| same_cells(line, &folded)) {
            return true;
        }
        is_first_line(&folded)
    }
}

/// Finds the first table row that has an STT column and a content column.
pub(crate) fn find(rows: &[Row]) -> Option<Header> {
    let first_row = rows
        .iter()
        .position(|r| r.is_table() && is_first_line(&folded_cells(r)))?;
    let line1 = folded_cells(&rows[first_row]);
    let titles1: Vec<String> = rows[first_row]
        .cells
        .iter()
        .map(|c| clean_cell(&c.text))
        .collect();
    let second = rows
        .get(first_row + 1)
        .filter(|r| r.is_table() && is_second_line(&line1, &folded_cells(r)));
    let titles2: Vec<String> = second
        .map(|r| r.cells.iter().map(|c| clean_cell(&c.text)).collect())
        .unwrap_or_default();
    let columns = map_columns(&titles1, &titles2);
    let mut lines = vec![line1];
    if let Some(r) = second {
        lines.push(folded_cells(r));
    }
    Some(Header {
        first_row,
        last_row: first_row + usize::from(second.is_some()),
        columns,
        lines,
    })
}

fn folded_cells(row: &Row) -> Vec<String> {
    row.cells
        .iter()
        .map(|c| key(&clean_cell(&c.text)))
        .collect()
}

/// Folded, with the punctuation around words that varies between copies removed.
fn key(title: &str) -> String {
    let folded = fold(title);
    let spaced: String = folded
        .chars()
        .map(|c| if "/,;:().-".contains(c) { ' ' } else { c })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn same_cells(a: &[String], b: &[String]) -> bool {
    let non_empty = |v: &[String]| -> Vec<(usize, String)> {
        v.iter()
            .enumerate()
            .filter(|(_, s)| !s.is_empty())
            .map(|(i, s)| (i, s.clone()))
            .collect()
    };
    let (a, b) = (non_empty(a), non_empty(b));
    !a.is_empty() && a == b
}

fn is_first_line(folded: &[String]) -> bool {
    let fields: Vec<Option<Field>> = folded.iter().map(|k| classify(k)).collect();
    fields.contains(&Some(Field::Number)) && fields.contains(&Some(Field::Content))
}

/// A second header line: STT and content empty, and every title under a
/// group title of the first line (one followed by an empty, merged cell) or
/// under no title at all.
fn is_second_line(line1: &[String], line2: &[String]) -> bool {
    let number = line1
        .iter()
        .position(|k| classify(k) == Some(Field::Number));
    let content = line1
        .iter()
        .position(|k| classify(k) == Some(Field::Content));
    let blank = |i: Option<usize>| i.is_none_or(|i| line2.get(i).is_none_or(String::is_empty));
    if !blank(number) || !blank(content) {
        return false;
    }
    let mut any = false;
    for (i, k) in line2.iter().enumerate() {
        if k.is_empty() {
            continue;
        }
        any = true;
        let under_group = line1.get(i).is_none_or(String::is_empty)
            || line1.get(i + 1).is_some_and(String::is_empty);
        if !(under_group || sub_field(k).is_some()) || k.chars().count() > 60 {
            return false;
        }
    }
    any
}

fn map_columns(titles1: &[String], titles2: &[String]) -> Vec<Column> {
    let width = titles1.len().max(titles2.len());
    let mut columns: Vec<Column> = Vec::with_capacity(width);
    let mut group = String::new();
    for i in 0..width {
        let t1 = titles1.get(i).map_or("", String::as_str);
        let t2 = titles2.get(i).map_or("", String::as_str);
        if !t1.is_empty() {
            group = t1.to_owned();
        }
        let (title, field) = if !t2.is_empty() {
            let field = sub_field(&key(t2)).or_else(|| classify(&key(t2)));
            let title = if group.is_empty() || field.is_some() {
                t2.to_owned()
            } else {
                format!("{group} - {t2}")
            };
            (title, field)
        } else if !t1.is_empty() {
            (t1.to_owned(), classify(&key(t1)))
        } else {
            (format!("Cột {}", i + 1), None)
        };
        // A field goes to its first column; later ones are kept as extras.
        let field = field.filter(|f| !columns.iter().any(|c| c.field == Some(*f)));
        columns.push(Column { title, field });
    }
    columns
}

/// Whether `k` is one of `prefixes` or starts with one of them as words.
fn starts_with_any(k: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| {
        k.strip_prefix(p)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    })
}

/// The field of a first-line title.
fn classify(k: &str) -> Option<Field> {
    let starts = |prefixes: &[&str]| starts_with_any(k, prefixes);
    if matches!(k, "stt" | "tt" | "so tt" | "so thu tu") {
        Some(Field::Number)
    } else if starts(&[
        "noi dung",
        "nhiem vu",
        "ten nhiem vu",
        "linh vuc",
        "tieu chi",
        "cong viec",
        "hoat dong",
        "giai phap",
    ]) {
        Some(Field::Content)
    } else if starts(&["chi so", "chi tieu", "muc tieu"]) {
        Some(Field::Indicator)
    } else if starts(&["ket qua", "san pham"]) {
        Some(Field::Output)
    } else if starts(&["kinh phi", "du toan"]) {
        Some(Field::Budget)
    } else if starts(&["chu tri", "co quan chu tri", "don vi chu tri"]) {
        Some(Field::Lead)
    } else if starts(&["phoi hop", "co quan phoi hop", "don vi phoi hop"]) {
        Some(Field::Cooperating)
    } else if starts(&[
        "trach nhiem",
        "co quan thuc hien",
        "don vi thuc hien",
        "co quan don vi thuc hien",
        "phan cong",
    ]) {
        Some(Field::Responsibility)
    } else if starts(&["thoi gian", "thoi han", "tien do"]) {
        Some(Field::Schedule)
    } else if starts(&["ghi chu"]) {
        Some(Field::Note)
    } else {
        None
    }
}

/// The field of a second-line title under a group.
fn sub_field(k: &str) -> Option<Field> {
    let starts = |prefixes: &[&str]| starts_with_any(k, prefixes);
    if starts(&[
        "bat dau",
        "tu ngay",
        "tu thang",
        "thoi gian bat dau",
        "ngay bat dau",
    ]) {
        Some(Field::Start)
    } else if starts(&[
        "ket thuc",
        "hoan thanh",
        "den ngay",
        "den thang",
        "thoi gian ket thuc",
        "thoi han hoan thanh",
        "ngay ket thuc",
    ]) {
        Some(Field::End)
    } else if starts(&["chu tri", "co quan chu tri", "don vi chu tri"]) {
        Some(Field::Lead)
    } else if starts(&["phoi hop", "co quan phoi hop", "don vi phoi hop"]) {
        Some(Field::Cooperating)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::Cell;

    fn row(cells: &[&str]) -> Row {
        Row::table(1, cells.iter().map(|c| Cell::new(*c)).collect())
    }

    #[test]
    fn maps_the_two_line_header_of_the_dak_nong_plan() {
        let rows = [
            row(&[
                "STT",
                "Nội dung",
                "Chỉ số",
                "Sản phẩm đầu ra",
                "Kinh phí dự kiến (triệu đồng)",
                "Trách nhiệm thực hiện",
                "Thời gian thực hiện",
                "",
                "Ghi chú",
            ]),
            row(&["", "", "", "", "", "", "Bắt đầu", "Kết thúc", ""]),
        ];
        let h = find(&rows).unwrap();
        assert_eq!((h.first_row, h.last_row), (0, 1));
        let fields: Vec<_> = h.columns.iter().map(|c| c.field).collect();
        use Field::*;
        assert_eq!(
            fields,
            [
                Some(Number),
                Some(Content),
                Some(Indicator),
                Some(Output),
                Some(Budget),
                Some(Responsibility),
                Some(Start),
                Some(End),
                Some(Note)
            ]
        );
    }

    #[test]
    fn maps_lead_and_cooperating_under_a_group() {
        let rows = [
            row(&[
                "STT",
                "Lĩnh vực/Tiêu chí/ Tiêu chí thành phần",
                "Chỉ tiêu đạt được",
                "Cơ quan thực hiện",
                "",
            ]),
            row(&["", "", "", "Chủ trì", "Phối hợp"]),
        ];
        let h = find(&rows).unwrap();
        assert_eq!(h.column_of(Field::Lead), Some(3));
        assert_eq!(h.column_of(Field::Cooperating), Some(4));
        assert!(h.is_repeat(&row(&[
            "STT",
            "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
            "Chỉ tiêu đạt được",
            "Cơ quan thực hiện"
        ])));
        assert!(h.is_repeat(&row(&["", "", "", "Chủ trì", "Phối hợp"])));
        assert!(!h.is_repeat(&row(&["", "chức", "", "thuộc Sở", ""])));
    }

    #[test]
    fn unknown_columns_keep_their_titles() {
        let rows = [row(&[
            "STT",
            "Nhiệm vụ cụ thể",
            "Đơn vị đo",
            "Chủ trì",
            "Phối hợp",
            "",
        ])];
        let h = find(&rows).unwrap();
        assert_eq!(
            h.columns[2],
            Column {
                title: "Đơn vị đo".into(),
                field: None
            }
        );
        assert_eq!(h.columns[5].title, "Cột 6");
        assert_eq!(h.last_row, 0);
    }
}
