//! An .xlsx written by hand: a notes sheet first, the appendix on the second
//! sheet with merged header cells, a section title merged across the row,
//! a lead merged down over two tasks, and a column the importer does not know.

use cchc_office::grid::Merge;
use cchc_office::read::xlsx;
use cchc_office::{Limits, read_plan};

use super::support::{self, *};

fn workbook() -> Vec<u8> {
    let notes: &[&[&str]] = &[&["Ghi chú: bảng phụ lục ở trang tính sau."]];
    let appendix: &[&[&str]] = &[
        &["KẾ HOẠCH"],
        &["Cải cách hành chính năm 2020"],
        &[
            "STT",
            "Nội dung",
            "Chỉ số",
            "Chủ trì",
            "Phối hợp",
            "Thời gian thực hiện",
            "",
            "Đơn vị tính",
        ],
        &["", "", "", "", "", "Bắt đầu", "Kết thúc", ""],
        &["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"],
        &[
            "1",
            "Ban hành kế hoạch CCHC",
            "100%",
            "Văn phòng Sở",
            "Thanh tra Sở",
            "Tháng 01/2020",
            "Tháng 12/2020",
            "kế hoạch",
        ],
        &[
            "2",
            "Kiểm tra công tác CCHC",
            "ít nhất 30% đơn vị",
            "Thanh tra Sở",
            "các đơn vị trực thuộc",
            "Quý II/2020",
            "Quý III/2020",
            "đơn vị",
        ],
        &[
            "3",
            "Báo cáo kết quả kiểm tra",
            "01 báo cáo",
            "",
            "",
            "Quý IV/2020",
            "Quý IV/2020",
        ],
    ];
    let merges: &[&str] = &[
        "A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:G3", "H3:H4", "B5:H5", "D7:D8",
    ];
    support::xlsx(&[("Ghi chú", notes, &[]), ("Phụ lục", appendix, merges)])
}

#[test]
fn every_sheet_is_read_with_its_merged_cells() {
    let grids = xlsx::read(&workbook(), &Limits::default()).unwrap();
    let names: Vec<_> = grids.iter().map(|g| g.name.as_deref().unwrap()).collect();
    assert_eq!(names, ["Ghi chú", "Phụ lục"]);
    let rows = &grids[1].rows;
    assert_eq!(rows[2].source, 3);
    assert_eq!(
        (rows[2].text(5), rows[2].cells[6].merge),
        ("Thời gian thực hiện", Merge::Left)
    );
    assert_eq!(rows[3].cells[0].merge, Merge::Above);
    assert_eq!(rows[7].cells[3].merge, Merge::Above);
}

#[test]
fn the_sheet_with_the_appendix_header_is_imported() {
    let plan = read_plan(&workbook(), "ke-hoach.xlsx", &units()).unwrap();
    assert_eq!(
        plan.plan.title.as_deref(),
        Some("Cải cách hành chính năm 2020")
    );
    assert_eq!(plan.sections.len(), 1);
    assert_eq!(plan.sections[0].title, "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH");
    assert_eq!(outline(&plan.sections[0].items), "1 2 3");
    let first = item(&plan, "I", "1");
    assert_eq!(first.row, 6);
    assert_eq!(unit_ids(&first.lead), [Some(VAN_PHONG)]);
    assert_eq!(unit_ids(&first.cooperating), [Some(THANH_TRA)]);
    assert_eq!(
        first.extra.get("Đơn vị tính").map(String::as_str),
        Some("kế hoạch")
    );
    assert_eq!(
        first.schedule.as_ref().unwrap().occurrences[0]
            .due
            .unwrap()
            .to_string(),
        "2020-12-31"
    );
    // The lead cell merged over tasks 2 and 3 names the lead of both.
    assert_eq!(unit_ids(&item(&plan, "I", "3").lead), [Some(THANH_TRA)]);
    assert!(item(&plan, "I", "3").extra.is_empty());
}
