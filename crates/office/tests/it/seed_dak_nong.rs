//! The Sở Y tế Đắk Nông 2020 CCHC plan, as users paste it from Word: the
//! expected values below were read off the document by hand.

use cchc_domain::schedule::{OffsetUnit, ScheduleKind};
use cchc_office::plans::PlanPreview;
use cchc_office::read_plan;

use super::support::*;

mod units_and_warnings;

fn plan() -> PlanPreview {
    read_plan(DAK_NONG, "ke-hoach-cchc-2020.txt", &units()).expect("the seed imports")
}

#[test]
fn plan_facts_come_from_the_body_text() {
    let p = plan().plan;
    assert_eq!(
        p.title.as_deref(),
        Some("CẢI CÁCH HÀNH CHÍNH NGÀNH Y TẾ TỈNH ĐẮK NÔNG NĂM 2020")
    );
    assert_eq!(p.number.as_deref(), Some("/KH-SYT"));
    assert_eq!(p.place.as_deref(), Some("Đắk Nông"));
    assert_eq!(p.issued_on, None);
    let period = p.period.expect("period from the title");
    assert_eq!((period.first_year(), period.last_year()), (2020, 2020));
    assert_eq!(p.legal_bases.len(), 1);
    assert!(p.legal_bases[0].starts_with("Thực hiện Nghị quyết số 30c-NQ-CP ngày 08/11/2011"));
    assert!(p.legal_bases[0].ends_with("Kế hoạch Cải cách hành chính tỉnh Đắk Nông năm 2020."));
    // The "Tổng" row is the sum of the budgets, not a task.
    assert_eq!(p.budget_total_million_vnd, Some(120.0));
}

#[test]
fn nine_sections_with_their_titles() {
    let plan = plan();
    let sections: Vec<(&str, &str)> = plan
        .sections
        .iter()
        .map(|s| (s.number.as_str(), s.title.as_str()))
        .collect();
    assert_eq!(
        sections,
        [
            ("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC"),
            (
                "II",
                "XÂY DỰNG VÀ TỔ CHỨC THỰC HIỆN VĂN BẢN QUY PHẠM PHÁP LUẬT"
            ),
            ("III", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
            ("IV", "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH NHÀ NƯỚC"),
            (
                "V",
                "XÂY DỰNG VÀ NÂNG CAO CHẤT LƯỢNG ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC"
            ),
            (
                "VI",
                "ĐỔI MỚI CƠ CHẾ QUẢN LÝ ĐỐI VỚI CƠ QUAN HÀNH CHÍNH VÀ ĐƠN VỊ SỰ NGHIỆP CÔNG LẬP"
            ),
            ("VII", "HIỆN ĐẠI HÓA HÀNH CHÍNH"),
            (
                "VIII",
                "THỰC HIỆN CƠ CHẾ MỘT CỬA, CƠ CHẾ MỘT CỬA LIÊN THÔNG"
            ),
            ("IX", "Các nhiệm vụ khác"),
        ]
    );
    assert_eq!(plan.sections[0].row, 90);
}

#[test]
fn every_item_number_nested_by_numbering() {
    let plan = plan();
    let outlines: Vec<String> = plan.sections.iter().map(|s| outline(&s.items)).collect();
    assert_eq!(
        outlines,
        [
            "1(1.1 1.2 1.3 1.4 1.5 1.6 1.7 1.8 1.9)",
            "1(1.1 1.2) 2(2.1 2.2) 3(3.1 3.2) 4(4.1 4.2)",
            "1(1.1 1.2) 2(2.1 2.2 2.3) 3(3.1 3.2 3.3.3)",
            "1 2 3 4",
            "1 2(2.1 2.2) 3(3.1 3.2 3.3 3.4) 4(4.1 4.2)",
            "1 2",
            "1(1.1 1.2 1.3 1.4 1.5 1.6 1.7 1.8)",
            "1 2 3 4 5",
            "1 2",
        ]
    );
    let counts = plan
        .sections
        .iter()
        .map(|s| count_items(&s.items))
        .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    assert_eq!(counts, (67, 55), "(all items, tasks without sub-items)");
}

#[test]
fn a_task_with_its_columns() {
    let plan = plan();
    let i = item(&plan, "I", "1.1");
    assert_eq!(i.row, 92);
    assert_eq!(
        i.content,
        "Xây dựng Kế hoạch CCHC của cơ quan, đơn vị ban hành trong Quý IV của năm trước liền kề năm kế"
    );
    assert!(
        i.indicator
            .as_deref()
            .unwrap()
            .starts_with("Phải xác định đầy đủ 6 nội dung CCHC")
    );
    assert_eq!(i.output.as_deref(), Some("Kế hoạch"));
    assert_eq!(
        (i.budget_million_vnd, i.budget_text.as_deref()),
        (Some(0.0), Some("0"))
    );
    assert_eq!(
        i.responsibility.as_deref(),
        Some("Văn phòng Sở; các đơn vị trực thuộc")
    );
    assert_eq!(texts(&i.lead), ["Văn phòng Sở", "các đơn vị trực thuộc"]);
    assert_eq!(
        unit_ids(&i.lead),
        [Some(VAN_PHONG), Some(CDC), Some(BENH_VIEN), Some(CHI_CUC)]
    );
    assert!(i.cooperating.is_empty());
    assert_eq!(i.start.as_ref().unwrap().text, "Tháng 12/2019");
    assert_eq!(i.end.as_ref().unwrap().text, "Tháng 12/2019");
    let schedule = i.schedule.as_ref().unwrap();
    assert!(!schedule.needs_decision);
    assert_eq!(schedule.occurrences.len(), 1);
    assert_eq!(
        schedule.occurrences[0].due.unwrap().to_string(),
        "2019-12-31"
    );
    assert_eq!(i.note, None);
    assert!(i.extra.is_empty());
    // A heading row has no task data.
    let heading = item(&plan, "I", "1");
    assert_eq!(
        heading.content,
        "Ban hành và thực hiện kế hoạch CCHC của cơ quan, đơn vị"
    );
    assert!(
        heading.lead.is_empty()
            && heading.schedule.is_none()
            && heading.budget_million_vnd.is_none()
    );
}

/// Item 1.5 is split by a page break in every column, and its deadline is
/// "30 ngày kể từ ngày có thông báo kết quả kiểm tra".
#[test]
fn the_thirty_days_after_inspection_task_split_by_a_page_break() {
    let plan = plan();
    let i = item(&plan, "I", "1.5");
    assert_eq!(i.row, 99);
    assert_eq!(
        i.content,
        "Xử lý hoặc kiến nghị các vấn đề phát hiện qua công tác kiểm tra, tự kiểm tra"
    );
    assert_eq!(
        i.indicator.as_deref(),
        Some(
            "100% vấn đề phát hiện qua kiểm tra đã được xử lý hoặc kiến nghị cấp có thẩm quyền xử lý so với tổng số vấn đề phát hiện qua kiểm tra"
        )
    );
    assert_eq!(
        i.output.as_deref(),
        Some(
            "Báo cáo, thông báo, kết luận; - Văn bản xử lý theo thẩm quyền hoặc đã kiến nghị cơ quan có thẩm quyền xử lý đối với từng vấn đề phát hiện qua kiểm tra"
        )
    );
    assert_eq!(i.budget_million_vnd, Some(10.0));
    assert_eq!(
        i.responsibility.as_deref(),
        Some("Chủ trì: Văn phòng Sở Thực hiện: các phòng chức năng và các đơn vị trực thuộc")
    );
    assert_eq!(unit_ids(&i.lead), [Some(VAN_PHONG)]);
    assert_eq!(
        texts(&i.cooperating),
        ["các phòng chức năng", "các đơn vị trực thuộc"]
    );
    // Văn phòng Sở leads, so it is not repeated among "các phòng chức năng".
    assert_eq!(
        unit_ids(&i.cooperating),
        [
            Some(THANH_TRA),
            Some(TO_CHUC_CAN_BO),
            Some(KE_HOACH_TAI_CHINH),
            Some(NGHIEP_VU_Y),
            Some(CDC),
            Some(BENH_VIEN),
            Some(CHI_CUC)
        ]
    );
    assert_eq!(
        i.start.as_ref().unwrap().text,
        "Sau khi có thông báo kết quả kiểm tra"
    );
    assert_eq!(
        i.end.as_ref().unwrap().text,
        "Kết thúc trong vòng 30 ngày kể từ ngày có thông báo kết quả kiểm tra"
    );
    let schedule = i.schedule.as_ref().unwrap();
    let ScheduleKind::AfterEvent { after } = &schedule.parsed else {
        panic!(
            "event-relative schedule expected, got {:?}",
            schedule.parsed
        );
    };
    let offset = after.offset.unwrap();
    assert_eq!((offset.amount, offset.unit), (30, OffsetUnit::Days));
    assert_eq!(after.event, "có thông báo kết quả kiểm tra");
    assert!(!schedule.needs_decision);
    assert_eq!(
        schedule.occurrences[0].label,
        "Trong vòng 30 ngày kể từ khi có thông báo kết quả kiểm tra"
    );
}

/// Rows split in the middle of a word ("kế" / "hoạch", "Văn" / "phòng",
/// "Tháng" / "01/2020") are joined with a space: Vietnamese syllables are words.
#[test]
fn page_break_joins_keep_words_apart() {
    let plan = plan();
    let i = item(&plan, "II", "2.1");
    assert_eq!(i.row, 121);
    assert_eq!(
        i.content,
        "Mức độ hoàn thành kế hoạch theo dõi thi hành pháp luật của cơ quan, đơn vị"
    );
    assert_eq!(
        i.indicator.as_deref(),
        Some(
            "Ban hành kế hoạch theo dõi thi hành pháp luật của cơ quan đơn vị, 100% số nhiệm vụ/sản phẩm đã hoàn thành so với tổng số nhiệm vụ/sản phẩm trong kế hoạch"
        )
    );
    assert_eq!(
        i.output.as_deref(),
        Some(
            "Kế hoạch theo dõi; Báo cáo kết quả kiểm tra, theo dõi theo kế hoạch theo dõi đã ban hành"
        )
    );
    assert_eq!(
        i.responsibility.as_deref(),
        Some("Chủ trì: Văn phòng Sở Thực hiện: các phòng chức năng và các đơn vị trực thuộc")
    );
    assert_eq!(i.start.as_ref().unwrap().text, "Tháng 01/2020");
    assert_eq!(i.end.as_ref().unwrap().text, "Tháng 12/2020");
    assert_eq!(
        i.schedule.as_ref().unwrap().occurrences[0]
            .due
            .unwrap()
            .to_string(),
        "2020-12-31"
    );

    let i = item(&plan, "V", "3.4");
    assert_eq!(
        i.content,
        "Thực hiện các chế độ, chính sách cho CBCC, VC (nâng ngạch, chuyển ngạch, tiền lương, BHXH, hưu trí...)"
    );
    assert_eq!(
        i.output.as_deref(),
        Some("Các Quyết định (nâng lương, chuyển ngạch, tiền lương, BHXH, hưu trí...)")
    );

    let i = item(&plan, "IV", "2");
    assert_eq!(
        i.content,
        "Rà soát chức năng, nhiệm vụ của đơn vị, đánh giá quy chế làm việc của cơ quan, các đơn vị trực thuộc. Tiến hành sửa đổi, bổ sung hoặc đề xuất sửa đổi, bổ sung để phù hợp"
    );
    assert_eq!(
        i.responsibility.as_deref(),
        Some(
            "Chủ trì: Phòng Tổ chức Cán bộ Sở. Thực hiện: các phòng chức năng và các đơn vị trực thuộc"
        )
    );
    assert_eq!(unit_ids(&i.lead), [Some(TO_CHUC_CAN_BO)]);

    // The continuation after the repeated header belongs to 1.9, on the page before.
    let i = item(&plan, "I", "1.9");
    assert_eq!(
        i.responsibility.as_deref(),
        Some("Chủ trì: Văn phòng Sở Thực hiện: các phòng chức năng và các đơn vị trực thuộc")
    );
    assert_eq!(i.budget_million_vnd, Some(30.0));
    let measure = i
        .target
        .as_ref()
        .unwrap()
        .measures()
        .next()
        .unwrap()
        .clone();
    assert_eq!((measure.value, measure.unit.as_str()), (4.0, "bài viết"));
}
