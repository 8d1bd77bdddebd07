//! Files that must be refused with a clear Vietnamese message, never a panic:
//! wrong formats, broken archives, zip bombs, huge cells, empty tables.

use std::io::{Cursor, Read, Write};

use cchc_office::{ImportError, Limits, read_plan, read_plan_with};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::support::{self, *};

fn import(bytes: &[u8], name: &str) -> ImportError {
    read_plan(bytes, name, &units()).expect_err("the file must be refused")
}

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";

#[test]
fn files_that_are_not_what_their_name_says() {
    let e = import(
        "Chào bạn, đây không phải tệp Word".as_bytes(),
        "ke-hoach.docx",
    );
    assert_eq!(e.code(), "wrong_format");
    assert_eq!(
        e.to_string(),
        "Tệp không phải tài liệu Word (.docx) hợp lệ: nội dung không phải tệp nén của Office."
    );
    let e = import(PNG, "ke-hoach.docx");
    assert_eq!(
        e.to_string(),
        "Tệp không phải tài liệu Word (.docx) hợp lệ: tệp thực ra là ảnh PNG đã bị đổi đuôi."
    );
    assert!(
        import(b"\xFF\xD8\xFF\xE0\0\x10JFIF", "bang.xlsx")
            .to_string()
            .contains("ảnh JPEG")
    );
    assert!(
        import(b"%PDF-1.7\n", "ke-hoach.docx")
            .to_string()
            .contains("PDF")
    );
    let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
    assert_eq!(import(&ole, "ke-hoach.docx"), ImportError::LegacyOffice);
    assert_eq!(import(b"x", "ke-hoach.doc"), ImportError::LegacyOffice);
    assert_eq!(import(PNG, "ke-hoach.txt"), ImportError::NotText);
    let e = import(b"x", "ke-hoach.pdf");
    assert_eq!(
        e.to_string(),
        "Không hỗ trợ định dạng «.pdf»: hãy tải lên tệp .docx, .xlsx, .txt hoặc .tsv."
    );
    assert_eq!(import(b"", "ke-hoach.txt"), ImportError::Empty);
    assert_eq!(import(b"\n\n  \n", "ke-hoach.txt"), ImportError::Empty);
}

#[test]
fn archives_that_are_broken_or_of_the_other_kind() {
    let mut truncated = support::docx(&p("KẾ HOẠCH"));
    truncated.truncate(truncated.len() / 2);
    assert_eq!(import(&truncated, "a.docx").code(), "broken_archive");
    let e = import(&support::zip(&[("readme.txt", b"hello")]), "a.docx");
    assert_eq!(
        e.to_string(),
        "Tệp Word (.docx) thiếu phần «word/document.xml»: không phải tài liệu hợp lệ."
    );
    let workbook = support::xlsx(&[("Sheet1", &[&["a"]], &[])]);
    assert!(
        import(&workbook, "a.docx")
            .to_string()
            .contains("tệp là bảng tính Excel")
    );
    let document = support::docx(&p("KẾ HOẠCH"));
    assert!(
        import(&document, "a.xlsx")
            .to_string()
            .contains("tệp là tài liệu Word")
    );
    let bad_xml = support::zip(&[("word/document.xml", b"<w:document><w:body><w:p></w:body>")]);
    assert_eq!(import(&bad_xml, "a.docx").code(), "bad_xml");
}

/// A zip with `small` entries and one highly compressible entry: small on
/// disk, huge unpacked.
fn bomb(small: &[(&str, &[u8])], entry: &str, prefix: &str, size: u64) -> Vec<u8> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(1))
        .large_file(true);
    for (name, data) in small {
        writer.start_file(*name, options).unwrap();
        writer.write_all(data).unwrap();
    }
    writer.start_file(entry, options).unwrap();
    writer.write_all(prefix.as_bytes()).unwrap();
    std::io::copy(&mut std::io::repeat(b'a').take(size), &mut writer).unwrap();
    writer.finish().unwrap().into_inner()
}

#[test]
fn zip_bombs_stop_at_the_entry_limit() {
    let prefix = "<w:document><w:body><w:p><w:r><w:t>";
    let bytes = bomb(&[], "word/document.xml", prefix, 60 << 20);
    assert!(bytes.len() < 1 << 20, "the bomb passes the file-size check");
    let e = import(&bytes, "bom.docx");
    assert_eq!(
        e.to_string(),
        "Phần «word/document.xml» của tệp giải nén ra quá 50 MB: tệp có thể là bom nén, đã từ chối."
    );
    let workbook: &[(&str, &[u8])] = &[("xl/workbook.xml", b"<workbook/>")];
    let bytes = bomb(
        workbook,
        "xl/worksheets/sheet1.xml",
        "<worksheet><sheetData>",
        60 << 20,
    );
    let e = import(&bytes, "bom.xlsx");
    assert_eq!(e.code(), "archive_too_large");
    assert!(e.to_string().contains("«xl/worksheets/sheet1.xml»"));
}

#[test]
fn a_fifty_megabyte_cell_is_refused() {
    let cell_start = "<w:document><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>";
    let bytes = bomb(&[], "word/document.xml", cell_start, 50_000_000);
    let e = import(&bytes, "o-lon.docx");
    assert_eq!(
        e,
        ImportError::CellTooLong {
            row: 1,
            max_chars: 100_000
        }
    );
    assert_eq!(
        e.to_string(),
        "Ô ở dòng 1 dài quá 100000 ký tự: hãy kiểm tra lại tệp."
    );
    // As text the same cell is over the file limit.
    let text = format!("STT\tNội dung\n1\t{}", "a".repeat(50_000_000));
    assert_eq!(
        import(text.as_bytes(), "o-lon.txt").code(),
        "file_too_large"
    );
    let text = format!("STT\tNội dung\n1\t{}", "ă".repeat(150_000));
    assert_eq!(
        import(text.as_bytes(), "o-lon.txt"),
        ImportError::CellTooLong {
            row: 2,
            max_chars: 100_000
        }
    );
}

#[test]
fn row_and_column_limits() {
    let limits = Limits {
        max_rows: 10,
        max_columns: 5,
        ..Limits::default()
    };
    let many_rows = "STT\tNội dung\n".repeat(20);
    let e = read_plan_with(many_rows.as_bytes(), "a.txt", &[], &limits).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Tài liệu có quá nhiều dòng (giới hạn 10 dòng)."
    );
    let wide = "a\t".repeat(10);
    let e = read_plan_with(wide.as_bytes(), "a.txt", &[], &limits).unwrap_err();
    assert_eq!(e.code(), "too_many_columns");
}

#[test]
fn documents_without_an_appendix_or_tasks() {
    let e = import(
        "KẾ HOẠCH\nCải cách hành chính năm 2020\n".as_bytes(),
        "a.txt",
    );
    assert_eq!(
        e.to_string(),
        "Không tìm thấy bảng phụ lục: cần một dòng tiêu đề có cột STT và Nội dung/Nhiệm vụ (hoặc Lĩnh vực, tiêu chí)."
    );
    let header_only = "STT\tNội dung\tChỉ số\n\t\t\nSTT\tNội dung\tChỉ số\n";
    assert_eq!(
        import(header_only.as_bytes(), "a.txt"),
        ImportError::EmptyTable
    );
    let no_table = support::docx(&[p("KẾ HOẠCH"), p("STT Nội dung")].concat());
    assert_eq!(import(&no_table, "a.docx"), ImportError::NoAppendixHeader);
}
