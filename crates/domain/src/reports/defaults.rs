//! The report types and outline cchc starts with; the migration seeds the
//! same data, and administrators' changes to it live in the database.

use super::outline::{Field, FieldKind, Metric, Outline, OutlineSection};
use super::rules::{DeadlineRule, WindowRule};
use super::{ReportKind, ReportType};

/// The reform areas seeded in `reform_areas`, by code, with their titles.
const AREAS: [(&str, &str); 9] = [
    ("chi_dao", "Công tác chỉ đạo, điều hành cải cách hành chính"),
    ("the_che", "Cải cách thể chế"),
    ("tthc", "Cải cách thủ tục hành chính"),
    ("to_chuc", "Cải cách tổ chức bộ máy hành chính nhà nước"),
    ("cong_vu", "Cải cách chế độ công vụ"),
    ("tai_chinh", "Cải cách tài chính công"),
    (
        "chinh_phu_so",
        "Xây dựng và phát triển Chính phủ điện tử, Chính phủ số",
    ),
    (
        "tuyen_truyen",
        "Công tác thông tin, tuyên truyền cải cách hành chính",
    ),
    ("kiem_tra", "Công tác kiểm tra cải cách hành chính"),
];

const AREA_METRICS: [Metric; 4] = [
    Metric::TasksDue,
    Metric::TasksDone,
    Metric::TasksOnTime,
    Metric::TasksOverdue,
];

/// The outline of the Ministry of Home Affairs' periodic CCHC report,
/// reduced to what cchc tracks: overall results, one section per reform
/// area (results, figures, shortcomings) and the next period's tasks.
pub fn default_outline() -> Outline {
    let mut general = vec![Field {
        required: true,
        ..Field::text("danh_gia", "Đánh giá chung")
    }];
    general.extend(Metric::ALL.into_iter().map(Field::metric));
    let mut sections = vec![OutlineSection {
        key: "tong_quan".into(),
        title: "Kết quả chung".into(),
        area_code: None,
        fields: general,
    }];
    for (code, title) in AREAS {
        let mut fields = vec![Field::text("ket_qua", "Kết quả thực hiện")];
        fields.extend(AREA_METRICS.into_iter().map(Field::metric));
        if code == "tthc" {
            fields.push(Field {
                key: "tthc_don_gian_hoa".into(),
                label: "Số thủ tục hành chính được rà soát, đơn giản hóa".into(),
                kind: FieldKind::Figure {
                    metric: None,
                    unit: "thủ tục".into(),
                },
                required: false,
            });
        }
        fields.push(Field::text("han_che", "Tồn tại, hạn chế và nguyên nhân"));
        sections.push(OutlineSection {
            key: code.into(),
            title: title.into(),
            area_code: Some(code.into()),
            fields,
        });
    }
    sections.push(OutlineSection {
        key: "phuong_huong".into(),
        title: "Phương hướng, nhiệm vụ kỳ tới".into(),
        area_code: None,
        fields: vec![
            Field::text("nhiem_vu", "Nhiệm vụ trọng tâm"),
            Field::text("de_xuat", "Đề xuất, kiến nghị"),
        ],
    });
    Outline { sections }
}

/// Q1, 6 months, Q3 (9 months) and the year on ND 09/2019 windows, units
/// due on the 10th and the department on the 15th of the period's last
/// month; and the ad-hoc type, dated when a round is opened.
pub fn default_types() -> Vec<ReportType> {
    let periodic = |kind: ReportKind, months: u32| ReportType {
        code: kind.code().into(),
        kind,
        label: kind.label().into(),
        window: Some(WindowRule::DataCutoff {
            first_month: 1,
            months,
        }),
        unit_deadline: Some(DeadlineRule::DayOfLastMonth { day: 10 }),
        department_deadline: Some(DeadlineRule::DayOfLastMonth { day: 15 }),
        outline: default_outline(),
        active: true,
    };
    vec![
        periodic(ReportKind::Q1, 3),
        periodic(ReportKind::H1, 6),
        periodic(ReportKind::Q3, 9),
        periodic(ReportKind::Annual, 12),
        ReportType {
            code: ReportKind::Adhoc.code().into(),
            kind: ReportKind::Adhoc,
            label: ReportKind::Adhoc.label().into(),
            window: None,
            unit_deadline: None,
            department_deadline: None,
            outline: default_outline(),
            active: true,
        },
    ]
}
