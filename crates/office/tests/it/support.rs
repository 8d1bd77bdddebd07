//! Fixtures and builders shared by the tests: the seed plans, the units of
//! the Sở Y tế they name, item lookup, and hand-written .docx/.xlsx files.

use std::io::{Cursor, Write};

use cchc_domain::units::{Unit, UnitKind};
use cchc_office::plans::{ItemPreview, PlanPreview, SectionPreview};
use chrono::NaiveDate;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

pub const DAK_NONG: &[u8] = include_bytes!("../fixtures/ke_hoach_cchc_dak_nong_2020.txt");
pub const BINH_DINH: &[u8] = include_bytes!("../fixtures/ke_hoach_chi_so_binh_dinh_2023.txt");

fn unit(id: i64, code: &str, name: &str, kind: UnitKind, aliases: &[&str]) -> Unit {
    Unit {
        id,
        code: code.into(),
        name: name.into(),
        short_name: None,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        kind,
        parent_id: (id != 1).then_some(1),
        valid_from: NaiveDate::from_ymd_opt(2019, 1, 1).unwrap(),
        valid_to: None,
        version: 1,
    }
}

pub const SO_Y_TE: i64 = 1;
pub const VAN_PHONG: i64 = 2;
pub const THANH_TRA: i64 = 3;
pub const TO_CHUC_CAN_BO: i64 = 4;
pub const KE_HOACH_TAI_CHINH: i64 = 5;
pub const NGHIEP_VU_Y: i64 = 6;
pub const CDC: i64 = 7;
pub const BENH_VIEN: i64 = 8;
pub const CHI_CUC: i64 = 9;

/// A department of health as a coordinator would set it up.
pub fn units() -> Vec<Unit> {
    use UnitKind::*;
    vec![
        unit(SO_Y_TE, "SYT", "Sở Y tế", Department, &[]),
        unit(VAN_PHONG, "VP", "Văn phòng Sở", Division, &["VPS"]),
        unit(THANH_TRA, "TT", "Thanh tra Sở", Division, &[]),
        unit(
            TO_CHUC_CAN_BO,
            "TCCB",
            "Phòng Tổ chức cán bộ",
            Division,
            &[],
        ),
        unit(
            KE_HOACH_TAI_CHINH,
            "KHTC",
            "Phòng Kế hoạch - Tài chính",
            Division,
            &[],
        ),
        unit(NGHIEP_VU_Y, "NVY", "Phòng Nghiệp vụ Y", Division, &[]),
        unit(
            CDC,
            "CDC",
            "Trung tâm Kiểm soát bệnh tật tỉnh",
            Subordinate,
            &[],
        ),
        unit(
            BENH_VIEN,
            "BVDK",
            "Bệnh viện Đa khoa tỉnh",
            Subordinate,
            &[],
        ),
        unit(
            CHI_CUC,
            "ATVSTP",
            "Chi cục An toàn vệ sinh thực phẩm",
            Subordinate,
            &[],
        ),
    ]
}

pub const DIVISIONS: [i64; 5] = [
    VAN_PHONG,
    THANH_TRA,
    TO_CHUC_CAN_BO,
    KE_HOACH_TAI_CHINH,
    NGHIEP_VU_Y,
];
pub const SUBORDINATES: [i64; 3] = [CDC, BENH_VIEN, CHI_CUC];

pub fn section<'p>(plan: &'p PlanPreview, number: &str) -> &'p SectionPreview {
    plan.sections
        .iter()
        .find(|s| s.number == number)
        .unwrap_or_else(|| panic!("no section {number}"))
}

/// The item numbered `number` in section `section` (searched at any depth).
pub fn item<'p>(plan: &'p PlanPreview, section_number: &str, number: &str) -> &'p ItemPreview {
    fn find<'i>(items: &'i [ItemPreview], number: &str) -> Option<&'i ItemPreview> {
        items.iter().find_map(|i| {
            if i.number == number {
                Some(i)
            } else {
                find(&i.children, number)
            }
        })
    }
    find(&section(plan, section_number).items, number)
        .unwrap_or_else(|| panic!("no item {number} in section {section_number}"))
}

/// The numbering of a section as an outline: "1(1.1 1.2) 2".
pub fn outline(items: &[ItemPreview]) -> String {
    items
        .iter()
        .map(|i| {
            if i.children.is_empty() {
                i.number.clone()
            } else {
                format!("{}({})", i.number, outline(&i.children))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn count_items(items: &[ItemPreview]) -> (usize, usize) {
    items.iter().fold((0, 0), |(all, leaves), i| {
        let (a, l) = count_items(&i.children);
        (all + 1 + a, leaves + usize::from(i.children.is_empty()) + l)
    })
}

pub fn unit_ids(refs: &[cchc_office::plans::UnitRef]) -> Vec<Option<i64>> {
    refs.iter().map(|r| r.unit_id).collect()
}

pub fn texts(refs: &[cchc_office::plans::UnitRef]) -> Vec<&str> {
    let mut out: Vec<&str> = refs.iter().map(|r| r.text.as_str()).collect();
    out.dedup();
    out
}

/// A zip archive with the given entries, deflated.
pub fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, data) in entries {
        writer.start_file(*name, options).unwrap();
        writer.write_all(data).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;

/// A .docx whose body is `body` (the children of `w:body`).
pub fn docx(body: &str) -> Vec<u8> {
    docx_with(body, &[])
}

/// A .docx with more parts (`word/numbering.xml`, ...).
pub fn docx_with(body: &str, parts: &[(&str, &[u8])]) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    let entries = [
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        (
            "_rels/.rels",
            br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#,
        ),
        ("word/document.xml", document.as_bytes()),
    ]
    .into_iter()
    .chain(parts.iter().copied())
    .collect::<Vec<_>>();
    zip(&entries)
}

/// A paragraph of plain text.
pub fn p(text: &str) -> String {
    format!(
        "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        escape(text)
    )
}

pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A sheet: its name, rows of cell texts, merged ranges ("A1:B1").
pub type Sheet<'a> = (&'a str, &'a [&'a [&'a str]], &'a [&'a str]);

/// An .xlsx whose sheets hold inline strings and merged ranges.
pub fn xlsx(sheets: &[Sheet]) -> Vec<u8> {
    let mut workbook_sheets = String::new();
    let mut rels = String::new();
    let mut files: Vec<(String, String)> = Vec::new();
    for (i, (name, rows, merges)) in sheets.iter().enumerate() {
        let n = i + 1;
        workbook_sheets.push_str(&format!(
            r#"<sheet name="{name}" sheetId="{n}" r:id="rId{n}"/>"#
        ));
        rels.push_str(&format!(
            r#"<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>"#
        ));
        let mut data = String::new();
        for (r, row) in rows.iter().enumerate() {
            data.push_str(&format!(r#"<row r="{}">"#, r + 1));
            for (c, text) in row.iter().enumerate() {
                if text.is_empty() {
                    continue;
                }
                let col = char::from(b'A' + c as u8);
                data.push_str(&format!(
                    r#"<c r="{col}{}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
                    r + 1,
                    escape(text)
                ));
            }
            data.push_str("</row>");
        }
        let merge_xml = if merges.is_empty() {
            String::new()
        } else {
            let cells: String = merges
                .iter()
                .map(|m| format!(r#"<mergeCell ref="{m}"/>"#))
                .collect();
            format!(
                r#"<mergeCells count="{}">{cells}</mergeCells>"#,
                merges.len()
            )
        };
        files.push((
            format!("xl/worksheets/sheet{n}.xml"),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{data}</sheetData>{merge_xml}</worksheet>"#
            ),
        ));
    }
    files.push((
        "xl/workbook.xml".into(),
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{workbook_sheets}</sheets></workbook>"#
        ),
    ));
    files.push((
        "xl/_rels/workbook.xml.rels".into(),
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#
        ),
    ));
    files.push(("[Content_Types].xml".into(), CONTENT_TYPES.into()));
    files.push((
        "_rels/.rels".into(),
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.into(),
    ));
    let entries: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_bytes()))
        .collect();
    zip(&entries)
}

/// The preview as JSON without source rows, to compare imports of the same
/// plan from different formats.
pub fn without_rows(plan: &PlanPreview) -> serde_json::Value {
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                map.remove("row");
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut value = serde_json::to_value(plan).unwrap();
    strip(&mut value);
    value
}
