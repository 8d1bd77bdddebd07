//! The demo's reform plan for the current year, entered through the use
//! cases as a coordinator would, with unit reports in every status.

use chrono::{Datelike, Days, NaiveDate};

use cchc_domain::actor::Actor;
use cchc_domain::plans::{ItemDraft, PlanDraft};
use cchc_domain::tracking::StatusUpdate;
use cchc_store::{units, users};

use crate::auth::load_actor;
use crate::{App, AppError, Result};

/// The demo user as they would act after logging in (roles and scopes from the database).
pub(crate) async fn demo_actor(app: &App, username: &str) -> Result<Option<Actor>> {
    let mut tx = app.db.read().await?;
    match users::id_by_username(&mut tx, username).await? {
        Some(id) => load_actor(&mut tx, id, None).await,
        None => Ok(None),
    }
}

/// (section area code, section title, tasks: number, content, indicator, lead, cooperating, start, end, budget)
type Task = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const SECTIONS: &[(&str, &str, &[Task])] = &[
    (
        "chi_dao",
        "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
        &[
            (
                "Xây dựng và ban hành Kế hoạch kiểm tra công tác CCHC năm {Y}",
                "Kiểm tra ít nhất 30% đơn vị trực thuộc",
                "VPS",
                "TCCB",
                "Quý I/{Y}",
                "Quý I/{Y}",
                "10",
                "done",
            ),
            (
                "Báo cáo kết quả thực hiện CCHC 6 tháng đầu năm",
                "01 báo cáo 6 tháng",
                "VPS",
                "KHTC",
                "Quý II/{Y}",
                "Quý II/{Y}",
                "0",
                "late",
            ),
            (
                "Xử lý các vấn đề phát hiện qua kiểm tra CCHC",
                "100% vấn đề được xử lý hoặc kiến nghị",
                "VPS",
                "TTS",
                "Sau khi có thông báo kết quả kiểm tra",
                "Kết thúc trong vòng 30 ngày kể từ ngày có thông báo kết quả kiểm tra",
                "5",
                "none",
            ),
            (
                "Tổ chức hội nghị tổng kết công tác CCHC năm {Y}",
                "Tổ chức 01 hội nghị",
                "VPS",
                "",
                "Tháng 12/{Y}",
                "Tháng 12/{Y}",
                "30",
                "progress",
            ),
        ],
    ),
    (
        "tthc",
        "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
        &[
            (
                "Rà soát, đề xuất đơn giản hóa thủ tục hành chính lĩnh vực khám bệnh, chữa bệnh",
                "Rà soát ít nhất 20% TTHC thuộc thẩm quyền",
                "NVY",
                "BVDK",
                "Quý III/{Y}",
                "Quý III/{Y}",
                "15",
                "overdue",
            ),
            (
                "Niêm yết, công khai TTHC tại Bộ phận Một cửa",
                "100% TTHC được công khai đúng quy định",
                "VPS",
                "",
                "Thường xuyên",
                "Thường xuyên",
                "0",
                "progress",
            ),
            (
                "Cập nhật quy trình nội bộ giải quyết TTHC theo quy định của UBND tỉnh",
                "",
                "NVD",
                "",
                "Theo quy định của UBND tỉnh",
                "",
                "",
                "none",
            ),
        ],
    ),
    (
        "chinh_phu_so",
        "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH PHỦ SỐ",
        &[
            (
                "Triển khai hồ sơ bệnh án điện tử tại bệnh viện tuyến tỉnh",
                "Hoàn thành 100% khoa lâm sàng",
                "BVDK",
                "KHTC",
                "Tháng 01/{Y}",
                "Tháng 10/{Y}",
                "500",
                "not_done",
            ),
            (
                "Đăng bài tuyên truyền về chuyển đổi số y tế trên Trang thông tin điện tử",
                "Tối thiểu 04 bài viết",
                "CDC",
                "VPS",
                "Trước 30/11 hàng năm",
                "Trước 30/11 hàng năm",
                "12",
                "returned",
            ),
            (
                "Số hóa hồ sơ, kết quả giải quyết TTHC còn hiệu lực",
                "Trên 80% hồ sơ được số hóa",
                "VPS",
                "NVY; NVD",
                "Trước 31/12 hàng năm",
                "Trước 31/12 hàng năm",
                "20",
                "soon",
            ),
        ],
    ),
];

fn year_text(s: &str, year: i32) -> String {
    s.replace("{Y}", &year.to_string())
}

impl App {
    pub(crate) async fn load_demo_plan(&self) -> Result<()> {
        let year = self.today().year();
        let coordinator = demo_actor(self, "daumoi").await?.ok_or(AppError::NotFound(
            "Chưa có tài khoản đầu mối của dữ liệu mẫu.",
        ))?;
        let unit_ids = {
            let mut tx = self.db.read().await?;
            let mut ids = std::collections::HashMap::new();
            for code in [
                "SYT", "VPS", "TCCB", "KHTC", "TTS", "NVY", "NVD", "BVDK", "CDC",
            ] {
                if let Some(id) = units::id_by_code(&mut tx, code).await? {
                    ids.insert(code, id);
                }
            }
            ids
        };
        let ids = |codes: &str| -> Vec<i64> {
            codes
                .split(';')
                .filter_map(|c| unit_ids.get(c.trim()).copied())
                .collect()
        };
        let plan = self
            .create_plan(
                &coordinator,
                PlanDraft {
                    number: "25/KH-SYT".into(),
                    title: format!("Kế hoạch cải cách hành chính năm {year} của Sở Y tế tỉnh An Phú"),
                    issuing_unit_id: unit_ids.get("SYT").copied(),
                    issued_on: NaiveDate::from_ymd_opt(year - 1, 12, 20),
                    first_year: Some(year),
                    last_year: Some(year),
                    legal_bases: vec![
                        "Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030".into(),
                        format!("Kế hoạch cải cách hành chính năm {year} của UBND tỉnh An Phú"),
                    ],
                    status: Some("issued".into()),
                },
            )
            .await?;
        let areas = self.areas().await?;
        let today = self.today();
        for (s_idx, (area, title, tasks)) in SECTIONS.iter().enumerate() {
            let section = self
                .create_item(
                    &coordinator,
                    plan.id,
                    ItemDraft {
                        kind: "section".into(),
                        number: cchc_domain::plans::roman(s_idx as u32 + 1),
                        content: title.to_string(),
                        area_id: areas.iter().find(|a| a.code == *area).map(|a| a.id),
                        ..Default::default()
                    },
                )
                .await?;
            for (t_idx, (content, indicator, lead, coop, start, end, budget, outcome)) in
                tasks.iter().enumerate()
            {
                let item = self
                    .create_item(
                        &coordinator,
                        plan.id,
                        ItemDraft {
                            parent_id: Some(section.id),
                            kind: "task".into(),
                            number: format!("{}.", t_idx + 1),
                            content: year_text(content, year),
                            indicator: indicator.to_string(),
                            output: "Văn bản, báo cáo kết quả".into(),
                            budget: budget.to_string(),
                            lead_unit_ids: ids(lead),
                            cooperating_unit_ids: ids(coop),
                            start_text: year_text(start, year),
                            end_text: Some(year_text(end, year)).filter(|e| !e.is_empty()),
                            ..Default::default()
                        },
                    )
                    .await?;
                self.demo_outcome(&coordinator, item.id, lead, outcome, today)
                    .await?;
            }
        }
        Ok(())
    }

    /// Reports on the lead unit's first occurrence as its leader would.
    async fn demo_outcome(
        &self,
        coordinator: &Actor,
        item_id: i64,
        lead: &str,
        outcome: &str,
        today: NaiveDate,
    ) -> Result<()> {
        if !matches!(
            outcome,
            "done" | "late" | "progress" | "not_done" | "returned"
        ) {
            return Ok(());
        }
        let Some(leader) = demo_actor(self, &format!("lanhdao.{}", lead.to_lowercase())).await?
        else {
            return Ok(());
        };
        let view = self.task(coordinator, item_id).await?;
        let Some(occ) = view.occurrences.first() else {
            return Ok(());
        };
        let Some(row) = occ.rows.first().map(|r| r.row.clone()) else {
            return Ok(());
        };
        let due = occ.occurrence.due_on;
        let before_due = |days: u64| {
            due.and_then(|d| d.checked_sub_days(Days::new(days)))
                .map(|d| d.min(today))
        };
        let update = |status: &str, pct: i64, result: &str| StatusUpdate {
            status: status.into(),
            progress_pct: Some(pct),
            result_text: result.into(),
            ..Default::default()
        };
        match outcome {
            "done" => {
                let u = StatusUpdate {
                    completed_on: before_due(6),
                    achieved_value: Some(35.0),
                    ..update(
                        "done",
                        100,
                        "Đã ban hành kế hoạch, kiểm tra 6/17 đơn vị (35%).",
                    )
                };
                let r = self.report(&leader, row.id, row.version, u).await?;
                self.confirm(&leader, r.id, r.version).await?;
            }
            "late" => {
                let late = due
                    .and_then(|d| d.checked_add_days(Days::new(9)))
                    .map(|d| d.min(today));
                let u = StatusUpdate {
                    completed_on: late,
                    ..update(
                        "done",
                        100,
                        "Đã gửi báo cáo 6 tháng (chậm do chờ số liệu các đơn vị).",
                    )
                };
                self.report(&leader, row.id, row.version, u).await?;
            }
            "progress" => {
                self.report(
                    &leader,
                    row.id,
                    row.version,
                    update("in_progress", 60, "Đang triển khai."),
                )
                .await?;
            }
            "not_done" => {
                let u = StatusUpdate {
                    reason: "Chưa được bố trí kinh phí đầu tư hạ tầng.".into(),
                    ..update("not_done", 40, "Hoàn thành 8/20 khoa.")
                };
                self.report(&leader, row.id, row.version, u).await?;
            }
            "returned" => {
                let u = StatusUpdate {
                    completed_on: before_due(3),
                    achieved_value: Some(3.0),
                    ..update("done", 100, "Đã đăng 03 bài viết.")
                };
                let r = self.report(&leader, row.id, row.version, u).await?;
                self.send_back(
                    coordinator,
                    r.id,
                    r.version,
                    "Chưa đạt chỉ tiêu 04 bài viết, đề nghị bổ sung.",
                )
                .await?;
            }
            _ => {}
        }
        Ok(())
    }
}
