//! The tree of the appendix: sections (Roman numerals, or the top-level
//! numbers when the table has no Roman numerals) holding items nested by
//! their numbering ("1.1" under "1." under the section; "a)" under the item
//! above). Numbers out of sequence are kept where they are and warned about.

use super::numbering::{Numbering, dotted};
use super::preview::Warning;
use super::records::Record;

pub(crate) struct Section {
    pub row: usize,
    pub number: String,
    pub title: String,
    pub items: Vec<Node>,
}

pub(crate) struct Node {
    /// Index into the records.
    pub record: usize,
    pub number: String,
    pub children: Vec<Node>,
}

struct Arena {
    record: usize,
    number: String,
    /// The decimal path below the section; empty for letters and others.
    path: Vec<u32>,
    children: Vec<usize>,
}

struct Builder<'w> {
    nodes: Vec<Arena>,
    sections: Vec<(usize, String, String, Vec<usize>)>,
    /// Open decimal items, outermost first.
    stack: Vec<usize>,
    warnings: &'w mut Vec<Warning>,
}

/// Builds sections from records. `number` and `content` give a record's
/// STT and content; `has_data` whether a heading row also carries task data.
pub(crate) fn build(
    records: &[Record],
    number: impl Fn(&Record) -> String,
    content: impl Fn(&Record) -> String,
    has_data: impl Fn(&Record) -> bool,
    warnings: &mut Vec<Warning>,
) -> Vec<Section> {
    let numbering: Vec<Numbering> = records
        .iter()
        .map(|r| Numbering::parse(&number(r)))
        .collect();
    let roman = numbering.iter().any(|n| matches!(n, Numbering::Roman(_)));
    let mut b = Builder {
        nodes: Vec::new(),
        sections: Vec::new(),
        stack: Vec::new(),
        warnings,
    };
    for (i, (record, n)) in records.iter().zip(&numbering).enumerate() {
        let heading = match n {
            Numbering::Roman(_) => roman,
            Numbering::Decimal(path) => !roman && path.len() == 1,
            _ => false,
        };
        if heading {
            b.sections
                .push((record.row, n.label(), content(record), Vec::new()));
            b.stack.clear();
            if has_data(record) {
                b.warnings.push(Warning::at(
                    record.row,
                    format!("Mục {} là tiêu đề nhóm nhưng có dữ liệu nhiệm vụ: đã giữ thêm như một nhiệm vụ.", n.label()),
                ));
                b.attach(i, n.label(), Vec::new(), None);
            }
            continue;
        }
        b.ensure_section(record.row);
        match n {
            Numbering::Decimal(path) => {
                let path = if roman {
                    path.clone()
                } else {
                    b.below_section(record.row, path)
                };
                b.decimal(i, record.row, n.label(), path);
            }
            Numbering::Letter(label) => {
                let parent = b.stack.last().copied();
                b.attach(i, label.clone(), Vec::new(), parent);
            }
            Numbering::Other(label) => {
                b.warnings.push(Warning::at(
                    record.row,
                    format!("Số thứ tự «{label}» không đọc được: đã xếp dưới mục phía trên, cần kiểm tra."),
                ));
                let parent = b.stack.last().copied();
                b.attach(i, label.clone(), Vec::new(), parent);
            }
            Numbering::Empty | Numbering::Roman(_) => {
                b.attach(i, String::new(), Vec::new(), None);
            }
        }
    }
    b.finish()
}

impl Builder<'_> {
    fn ensure_section(&mut self, row: usize) {
        if self.sections.is_empty() {
            self.warnings.push(Warning::at(
                row,
                "Có nhiệm vụ trước mục lớn đầu tiên: đã xếp vào một nhóm không tên.",
            ));
            self.sections
                .push((row, String::new(), String::new(), Vec::new()));
        }
    }

    /// "2.1" under section "2" -> [1]; a number from another section warns.
    fn below_section(&mut self, row: usize, path: &[u32]) -> Vec<u32> {
        let section = self
            .sections
            .last()
            .map(|s| s.1.clone())
            .unwrap_or_default();
        if path[0].to_string() != section {
            self.warnings.push(Warning::at(
                row,
                format!(
                    "Mục {} không thuộc mục lớn {section}: cần kiểm tra số thứ tự.",
                    dotted(path)
                ),
            ));
        }
        path[1..].to_vec()
    }

    fn decimal(&mut self, record: usize, row: usize, label: String, path: Vec<u32>) {
        while let Some(&top) = self.stack.last() {
            let open = &self.nodes[top].path;
            if open.len() < path.len() && path.starts_with(open) {
                break;
            }
            self.stack.pop();
        }
        let parent = self.stack.last().copied();
        let depth = parent.map_or(0, |p| self.nodes[p].path.len());
        if path.len() > depth + 1 {
            let missing = dotted(&path[..depth + 1]);
            self.warnings.push(Warning::at(
                row,
                format!("Mục {label}: số thứ tự không liền mạch (không có mục {missing})."),
            ));
        } else {
            let previous = self
                .siblings(parent)
                .iter()
                .rev()
                .find_map(|&s| self.nodes[s].path.last().map(|&last| (last, s)));
            let expected = previous.map_or(1, |(last, _)| last + 1);
            if path.last() != Some(&expected) {
                let message = match previous {
                    Some((_, s)) => format!(
                        "Mục {label}: số thứ tự không liền mạch (ngay sau mục {}).",
                        self.nodes[s].number
                    ),
                    None => format!("Mục {label}: số thứ tự không bắt đầu từ 1."),
                };
                self.warnings.push(Warning::at(row, message));
            }
        }
        let index = self.attach(record, label, path, parent);
        self.stack.push(index);
    }

    fn siblings(&self, parent: Option<usize>) -> &[usize] {
        match parent {
            Some(p) => &self.nodes[p].children,
            None => self.sections.last().map_or(&[], |s| &s.3),
        }
    }

    fn attach(
        &mut self,
        record: usize,
        number: String,
        path: Vec<u32>,
        parent: Option<usize>,
    ) -> usize {
        let index = self.nodes.len();
        self.nodes.push(Arena {
            record,
            number,
            path,
            children: Vec::new(),
        });
        match parent {
            Some(p) => self.nodes[p].children.push(index),
            None => {
                if let Some(section) = self.sections.last_mut() {
                    section.3.push(index);
                }
            }
        }
        index
    }

    fn finish(mut self) -> Vec<Section> {
        let sections = std::mem::take(&mut self.sections);
        sections
            .into_iter()
            .map(|(row, number, title, items)| Section {
                row,
                number,
                title,
                items: items.iter().map(|&i| self.node(i)).collect(),
            })
            .collect()
    }

    fn node(&self, index: usize) -> Node {
        let n = &self.nodes[index];
        Node {
            record: n.record,
            number: n.number.clone(),
            children: n.children.iter().map(|&c| self.node(c)).collect(),
        }
    }
}
