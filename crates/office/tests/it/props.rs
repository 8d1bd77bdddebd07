//! Property tests: the readers and the importer never panic, whatever the
//! bytes; and a cell split by a page break between two words joins back.

use cchc_office::read::{docx, text, xlsx};
use cchc_office::{Limits, read_plan};
use proptest::prelude::*;

use super::support;

/// Fragments that look like plan tables, to reach deep into the importer.
fn plan_like() -> impl Strategy<Value = String> {
    let token = prop::sample::select(vec![
        "STT",
        "Nội dung",
        "Chỉ số",
        "Kinh phí",
        "Trách nhiệm thực hiện",
        "Chủ trì",
        "Phối hợp",
        "Thời gian thực hiện",
        "Bắt đầu",
        "Kết thúc",
        "Ghi chú",
        "I.",
        "IV",
        "VIII.",
        "1.",
        "1.1",
        "3.3.3",
        "a)",
        "3a)",
        "-",
        "Tổng",
        "0",
        "1.500",
        "Văn phòng Sở",
        "các đơn vị trực thuộc",
        "Chủ trì: Văn phòng Sở Thực hiện:",
        " và ",
        "; ",
        ", ",
        "phối hợp",
        "Tháng 01/2020",
        "Quý IV/2019",
        "Thường xuyên",
        "Trong vòng 30 ngày kể từ",
        "Số: 1/KH",
        "KẾ HOẠCH",
        "năm 2020",
        "Đắk Nông, ngày 1 tháng 2 năm 2020",
        "<b>",
        "**",
        "\t",
        "\t",
        "\t",
        "\n",
        "\n",
        "",
        "ă",
        "Ư",
        "\u{0301}",
        "\r",
        "\u{FEFF}",
    ]);
    prop::collection::vec(token, 0..120).prop_map(|t| t.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_text_reader_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let _ = text::read(&bytes, &Limits::default());
        let _ = read_plan(&bytes, "a.txt", &[]);
    }

    #[test]
    fn the_importer_never_panics_on_plan_like_text(input in plan_like()) {
        let _ = read_plan(input.as_bytes(), "a.tsv", &support::units());
    }

    #[test]
    fn the_zip_readers_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let mut zipped = b"PK\x03\x04".to_vec();
        zipped.extend(&bytes);
        for candidate in [&bytes, &zipped] {
            let _ = docx::read(candidate, &Limits::default());
            let _ = xlsx::read(candidate, &Limits::default());
        }
    }

    #[test]
    fn the_docx_reader_never_panics_on_broken_xml(parts in prop::collection::vec(prop::sample::select(vec![
        "<w:tbl>", "</w:tbl>", "<w:tr>", "</w:tr>", "<w:tc>", "</w:tc>", "<w:p>", "</w:p>", "<w:p/>",
        "<w:t>", "</w:t>", "chữ", "&amp;", "&#0;", "&bogus;", "<w:gridSpan w:val=\"99999\"/>",
        "<w:gridSpan w:val=\"-1\"/>", "<w:vMerge/>", "<w:vMerge w:val=\"restart\"/>", "<w:tblHeader/>",
        "<w:gridBefore w:val=\"3\"/>", "<w:br/>", "<w:tab/>", "<mc:Fallback>", "</mc:Fallback>",
        "STT", "Nội dung", "<![CDATA[x]]>", "<", ">",
    ]), 0..80)) {
        let body = parts.concat();
        let bytes = support::docx(&body);
        let _ = docx::read(&bytes, &Limits::default());
        let _ = read_plan(&bytes, "a.docx", &[]);
    }

    /// A page break anywhere between two words of a cell changes nothing.
    #[test]
    fn a_cell_split_between_words_joins_back(
        words in prop::collection::vec(prop::sample::select(vec![
            "Mức", "độ", "hoàn", "thành", "kế", "hoạch", "theo", "dõi", "(PAKN)", "4096/UBND-NC,",
            "100%", "Sở.", "Thực", "hiện:", "Tháng", "01/2020", "-", "và", "các", "đơn", "vị",
        ]), 2..30),
        at in any::<prop::sample::Index>(),
    ) {
        let mut words = words;
        words.dedup();
        prop_assume!(words.len() >= 2);
        let cut = 1 + at.index(words.len() - 1);
        // Words repeated right across the break read as a PDF conversion's
        // repeated line and are dropped on purpose (see the seed tests).
        let repeats = (1..=3).any(|n| cut >= n && cut + n <= words.len() && words[cut - n..cut] == words[cut..cut + n]);
        prop_assume!(!repeats);
        let whole = words.join(" ");
        let (first, second) = (words[..cut].join(" "), words[cut..].join(" "));
        let table = |rows: &str| format!("STT\tNội dung\nI\tMục\n{rows}");
        let one = read_plan(table(&format!("1\t{whole}\n")).as_bytes(), "a.txt", &[]).unwrap();
        let split = format!("1\t{first}\nSTT\tNội dung\n\t{second}\n");
        let two = read_plan(table(&split).as_bytes(), "a.txt", &[]).unwrap();
        prop_assert_eq!(&two.sections[0].items[0].content, &whole);
        prop_assert_eq!(&one.sections[0].items[0].content, &whole);
    }
}
