//! The .docx reader on arbitrary bytes, and on arbitrary document.xml
//! text wrapped in a valid archive so the XML parser is reached.
#![no_main]

use std::io::{Cursor, Write};

use cchc_office::Limits;
use cchc_office::read::docx;
use libfuzzer_sys::fuzz_target;

fn wrap(document: &[u8]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    let _ = writer.start_file("word/document.xml", options);
    let _ = writer.write_all(document);
    writer.finish().map(|c| c.into_inner()).unwrap_or_default()
}

fuzz_target!(|data: &[u8]| {
    let limits = Limits::default();
    let _ = docx::read(data, &limits);
    let _ = docx::read(&wrap(data), &limits);
});
