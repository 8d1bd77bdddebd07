//! The Đắk Nông 2020 plan: who does what, schedules needing a decision,
//! and the warnings a coordinator reviews.

use cchc_domain::schedule::ScheduleKind;
use cchc_office::plans::MatchKind;
use cchc_office::read_plan;

use super::plan;
use crate::support::*;

#[test]
fn responsibility_forms_and_unit_matches() {
    let plan = plan();
    // "Chủ trì: Văn phòng Sở và các đơn vị trực thuộc": both lead.
    let i = item(&plan, "III", "1.1");
    assert_eq!(texts(&i.lead), ["Văn phòng Sở", "các đơn vị trực thuộc"]);
    assert!(i.cooperating.is_empty());
    // "X phối hợp Y".
    let i = item(&plan, "IX", "1");
    assert_eq!(
        i.responsibility.as_deref(),
        Some("Văn phòng Sở phối hợp các phòng chức năng")
    );
    assert_eq!(unit_ids(&i.lead), [Some(VAN_PHONG)]);
    assert_eq!(
        unit_ids(&i.cooperating),
        [
            Some(THANH_TRA),
            Some(TO_CHUC_CAN_BO),
            Some(KE_HOACH_TAI_CHINH),
            Some(NGHIEP_VU_Y)
        ]
    );
    // "các phòng CM, NV" is one group phrase, not two names.
    let i = item(&plan, "II", "4.1");
    assert_eq!(
        texts(&i.cooperating),
        ["các phòng CM, NV", "các đơn vị trực thuộc"]
    );
    assert!(
        i.cooperating
            .iter()
            .all(|c| c.matched_by == MatchKind::Group)
    );
    // Names written differently from the unit list.
    assert_eq!(
        unit_ids(&item(&plan, "VI", "1").lead),
        [Some(KE_HOACH_TAI_CHINH)]
    );
    assert_eq!(
        unit_ids(&item(&plan, "III", "3.3.3").lead),
        [Some(THANH_TRA)]
    );
    assert_eq!(unit_ids(&item(&plan, "I", "1.6").lead), [Some(SO_Y_TE)]);
    let cdc = &item(&plan, "VII", "1.8").cooperating[0];
    assert_eq!(
        (cdc.text.as_str(), cdc.unit_id, cdc.matched_by),
        ("Trung tâm Kiểm soát Bệnh tật", Some(CDC), MatchKind::Fuzzy)
    );
    assert!(cdc.score >= 0.75 && cdc.score < 1.0);
    // "liên quan": which units is for the user to say.
    let related = &item(&plan, "VII", "1.1").lead[1];
    assert_eq!(
        (related.text.as_str(), related.unit_id),
        ("các đơn vị liên quan", None)
    );
}

#[test]
fn schedules_that_need_a_decision_are_flagged() {
    let plan = plan();
    let i = item(&plan, "I", "1.3");
    assert_eq!(
        i.start.as_ref().unwrap().text,
        "Theo Công văn số 4096/UBND-NC, ngày 02/8/2017 của UBND tỉnh Đắk Nông"
    );
    assert!(i.end.is_none());
    let schedule = i.schedule.as_ref().unwrap();
    assert!(matches!(schedule.parsed, ScheduleKind::ByReference { .. }));
    assert!(schedule.needs_decision);
    let quarter = item(&plan, "III", "1.1").schedule.as_ref().unwrap();
    assert_eq!(
        quarter.occurrences[0].due.unwrap().to_string(),
        "2019-12-31"
    );
    let continuous = item(&plan, "I", "1.2").schedule.as_ref().unwrap();
    assert_eq!(continuous.parsed, ScheduleKind::Continuous);
    assert_eq!(continuous.occurrences[0].label, "Năm 2020");
}

#[test]
fn warnings_name_the_source_rows() {
    let plan = plan();
    let at = |row: usize| -> Vec<&str> {
        plan.warnings
            .iter()
            .filter(|w| w.row == Some(row))
            .map(|w| w.message.as_str())
            .collect()
    };
    assert_eq!(
        at(3),
        ["Kế hoạch chưa ghi số (Số: /KH-SYT): cần bổ sung số trước khi lưu."]
    );
    assert_eq!(
        at(5),
        ["Ngày ban hành chưa đầy đủ («Đắk Nông, ngày»): cần bổ sung."]
    );
    assert_eq!(
        at(97),
        ["Mục 1.3: Cần xác định thời hạn: thời hạn theo văn bản hoặc quy định được dẫn chiếu."]
    );
    assert_eq!(
        at(159),
        ["Mục 3.3.3: số thứ tự không liền mạch (không có mục 3.3)."]
    );
    for row in [144, 177, 184] {
        assert!(
            at(row).iter().any(|m| m.contains("Cần xác định thời hạn")),
            "row {row}"
        );
    }
    assert!(
        at(224)
            .iter()
            .any(|m| m.contains("chưa khớp được đơn vị «các đơn vị trực thuộc liên quan»"))
    );
    assert!(
        at(217)
            .iter()
            .any(|m| m.contains("khớp gần đúng với «Trung tâm Kiểm soát bệnh tật tỉnh»"))
    );
    let rows: Vec<_> = plan.warnings.iter().map(|w| w.row).collect();
    assert!(rows.is_sorted());
}

#[test]
fn without_a_unit_list_every_name_is_left_to_the_user() {
    let plan = read_plan(DAK_NONG, "ke-hoach.txt", &[]).unwrap();
    let i = item(&plan, "I", "1.1");
    assert_eq!(unit_ids(&i.lead), [None, None]);
    assert!(i.lead.iter().all(|l| l.matched_by == MatchKind::None));
}
