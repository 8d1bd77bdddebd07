//! What a file really is, from its first bytes, for precise error messages.

/// A file type recognised by its signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Magic {
    Zip,
    /// Old binary Office formats (.doc, .xls).
    Ole,
    Pdf,
    Rtf,
    Image(&'static str),
    Unknown,
}

pub(crate) fn sniff(bytes: &[u8]) -> Magic {
    let starts = |sig: &[u8]| bytes.starts_with(sig);
    if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") {
        Magic::Zip
    } else if starts(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Magic::Ole
    } else if starts(b"%PDF") {
        Magic::Pdf
    } else if starts(b"{\\rtf") {
        Magic::Rtf
    } else if starts(b"\x89PNG") {
        Magic::Image("PNG")
    } else if starts(&[0xFF, 0xD8, 0xFF]) {
        Magic::Image("JPEG")
    } else if starts(b"GIF8") {
        Magic::Image("GIF")
    } else if starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        Magic::Image("WebP")
    } else if starts(b"II*\0") || starts(b"MM\0*") {
        Magic::Image("TIFF")
    } else if starts(b"BM") && bytes.len() > 26 && bytes.get(6..10) == Some(&[0, 0, 0, 0]) {
        Magic::Image("BMP")
    } else {
        Magic::Unknown
    }
}

/// Why a file that should be a zip archive is not one, in Vietnamese.
pub(crate) fn not_a_zip(magic: Magic) -> String {
    match magic {
        Magic::Image(kind) => format!("tệp thực ra là ảnh {kind} đã bị đổi đuôi"),
        Magic::Pdf => "tệp thực ra là PDF: hãy tải lên bản Word hoặc Excel".to_owned(),
        Magic::Rtf => "tệp thực ra là RTF: hãy lưu lại thành .docx".to_owned(),
        Magic::Ole => "tệp là định dạng Office cũ (.doc/.xls)".to_owned(),
        Magic::Zip | Magic::Unknown => "nội dung không phải tệp nén của Office".to_owned(),
    }
}
