//! Word's automatic list numbering (`w:numPr` on a paragraph, defined in
//! `word/numbering.xml`), rendered into the paragraph text the way Word
//! shows it, so an auto-numbered STT column reads "1.", "1.1", "a)" like a
//! typed one. Numbering inherited from paragraph styles is not resolved.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::Event;

use super::docx_xml::attr;
use crate::roman::to_roman;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Decimal,
    UpperRoman,
    LowerRoman,
    UpperLetter,
    LowerLetter,
    Bullet,
    Nothing,
}

#[derive(Debug, Clone)]
struct Level {
    format: Format,
    text: String,
    start: u32,
}

/// The list definitions of a document and the counters while reading it.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    /// `w:num` id -> `w:abstractNum` id.
    nums: HashMap<String, String>,
    /// (abstract id, level) -> level definition.
    levels: HashMap<(String, u8), Level>,
    /// Abstract id -> current value of each level (0: not used yet).
    counters: HashMap<String, [u32; 9]>,
}

impl Numbering {
    /// Reads `word/numbering.xml`; what cannot be read is left out.
    pub(super) fn parse(xml: &str) -> Self {
        let mut numbering = Numbering::default();
        let mut reader = Reader::from_str(xml);
        let (mut abstract_id, mut num_id, mut level) =
            (None::<String>, None::<String>, None::<(u8, Level)>);
        while let Ok(event) = reader.read_event() {
            match event {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    "abstractNum" => abstract_id = attr(&e, "abstractNumId"),
                    "lvl" => {
                        let ilvl = attr(&e, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                        level = Some((
                            ilvl,
                            Level {
                                format: Format::Decimal,
                                text: String::new(),
                                start: 1,
                            },
                        ));
                    }
                    "start" => {
                        if let Some((_, l)) = &mut level {
                            l.start = attr(&e, "val").and_then(|v| v.parse().ok()).unwrap_or(1);
                        }
                    }
                    "numFmt" => {
                        if let Some((_, l)) = &mut level {
                            l.format = format(attr(&e, "val").as_deref().unwrap_or("decimal"));
                        }
                    }
                    "lvlText" => {
                        if let Some((_, l)) = &mut level {
                            l.text = attr(&e, "val").unwrap_or_default();
                        }
                    }
                    "num" => num_id = attr(&e, "numId"),
                    "abstractNumId" => {
                        if let (Some(num), Some(target)) = (&num_id, attr(&e, "val")) {
                            numbering.nums.insert(num.clone(), target);
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match e.local_name().as_ref() {
                    "lvl" => {
                        if let (Some(id), Some((ilvl, l))) = (&abstract_id, level.take())
                            && ilvl < 9
                        {
                            numbering.levels.insert((id.clone(), ilvl), l);
                        }
                    }
                    "abstractNum" => abstract_id = None,
                    "num" => num_id = None,
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
        numbering
    }

    /// The label of the next paragraph of list `num_id` at level `ilvl`
    /// ("1.", "1.2", "a)"), advancing the counters; `None` when unknown.
    pub(super) fn next_label(&mut self, num_id: &str, ilvl: u8) -> Option<String> {
        let abstract_id = self.nums.get(num_id)?.clone();
        let ilvl = ilvl.min(8);
        let level = self.levels.get(&(abstract_id.clone(), ilvl))?.clone();
        let starts: Vec<u32> = (0..9)
            .map(|l| {
                self.levels
                    .get(&(abstract_id.clone(), l))
                    .map_or(1, |d| d.start)
            })
            .collect();
        let counters = self.counters.entry(abstract_id.clone()).or_insert([0; 9]);
        let i = usize::from(ilvl);
        counters[i] = if counters[i] == 0 {
            starts[i]
        } else {
            counters[i].saturating_add(1)
        };
        counters[i + 1..].iter_mut().for_each(|c| *c = 0);
        let counters = *counters;
        match level.format {
            Format::Bullet => return Some("-".to_owned()),
            Format::Nothing => return Some(String::new()),
            _ => {}
        }
        let mut label = level.text.clone();
        for l in (0..9).rev() {
            let placeholder = format!("%{}", l + 1);
            if !label.contains(&placeholder) {
                continue;
            }
            let value = if counters[l] == 0 {
                starts[l]
            } else {
                counters[l]
            };
            let format = self
                .levels
                .get(&(abstract_id.clone(), l as u8))
                .map_or(Format::Decimal, |d| d.format);
            label = label.replace(&placeholder, &render(value, format));
        }
        Some(label)
    }
}

fn format(name: &str) -> Format {
    match name {
        "upperRoman" => Format::UpperRoman,
        "lowerRoman" => Format::LowerRoman,
        "upperLetter" => Format::UpperLetter,
        "lowerLetter" => Format::LowerLetter,
        "bullet" => Format::Bullet,
        "none" => Format::Nothing,
        _ => Format::Decimal,
    }
}

fn render(value: u32, format: Format) -> String {
    match format {
        Format::UpperRoman => to_roman(value),
        Format::LowerRoman => to_roman(value).to_lowercase(),
        Format::UpperLetter => letter(value).to_uppercase(),
        Format::LowerLetter => letter(value),
        _ => value.to_string(),
    }
}

/// Vietnamese lists letter a, b, c, d, đ, e, ...
fn letter(value: u32) -> String {
    const LETTERS: [&str; 27] = [
        "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s",
        "t", "u", "v", "x", "y", "z", "w", "f", "j",
    ];
    let i = value.saturating_sub(1) as usize;
    LETTERS
        .get(i)
        .map_or_else(|| value.to_string(), |l| (*l).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<w:numbering xmlns:w="w">
        <w:abstractNum w:abstractNumId="3">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
          <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="4">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num>
        <w:num w:numId="8"><w:abstractNumId w:val="4"/></w:num>
      </w:numbering>"#;

    #[test]
    fn counts_like_word() {
        let mut n = Numbering::parse(XML);
        let labels: Vec<String> = [
            ("8", 0),
            ("7", 0),
            ("7", 1),
            ("7", 1),
            ("7", 2),
            ("7", 2),
            ("7", 0),
            ("7", 1),
            ("8", 0),
        ]
        .iter()
        .map(|(id, l)| n.next_label(id, *l).unwrap())
        .collect();
        assert_eq!(
            labels,
            ["I.", "1.", "1.1", "1.2", "a)", "b)", "2.", "2.1", "II."]
        );
        assert_eq!(n.next_label("99", 0), None);
        assert_eq!(letter(5), "đ");
    }
}
