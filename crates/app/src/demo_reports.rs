//! The demo's reporting round: the latest periodic round whose unit deadline
//! passed at least a week ago, entered through the use cases at the times
//! things would have happened (each step on a copy of the app whose clock
//! stands at that time). Bệnh viện Đa khoa and the CDC send on time and are
//! accepted; Văn phòng Sở is returned and sends again; Phòng Nghiệp vụ Y
//! sends late; Phòng Kế hoạch – Tài chính never sends.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, Datelike, Days, NaiveDate, TimeZone, Utc};

use cchc_domain::actor::Actor;
use cchc_domain::reports::{FigureOverrideDraft, RoundDraft, UnitReportId};
use cchc_store::units;

use crate::demo_plan::demo_actor;
use crate::{App, FixedClock, Result};

/// `hours` after 08:00 Vietnam time on `day`.
fn vn_time(day: NaiveDate, hours: u32) -> DateTime<Utc> {
    let local = day.and_hms_opt(1 + hours.min(22), 0, 0).unwrap_or_default();
    Utc.from_utc_datetime(&local)
}

fn texts(unit: &str, area_result: &str) -> BTreeMap<String, String> {
    [
        (
            "tong_quan.danh_gia",
            format!(
                "{unit} triển khai đầy đủ các nhiệm vụ cải cách hành chính trong kỳ; các nhiệm vụ đến hạn cơ bản hoàn thành đúng tiến độ."
            ),
        ),
        ("tthc.ket_qua", area_result.to_string()),
        (
            "chinh_phu_so.ket_qua",
            "Duy trì hệ thống quản lý văn bản và điều hành; 100% văn bản đi được ký số.".into(),
        ),
        (
            "phuong_huong.nhiem_vu",
            "Tiếp tục rà soát, đơn giản hóa thủ tục hành chính và đẩy mạnh chuyển đổi số.".into(),
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

impl App {
    /// A copy of the app whose clock stands at `at`.
    fn at(&self, at: DateTime<Utc>) -> App {
        self.clone().with_clock(Arc::new(FixedClock::new(at)))
    }

    /// Writes `texts` into the report as `writer` (on `day`), then `sender` submits it.
    async fn demo_send(
        &self,
        id: UnitReportId,
        writer: &Actor,
        sender: &Actor,
        texts: BTreeMap<String, String>,
        day: NaiveDate,
    ) -> Result<i64> {
        let app = self.at(vn_time(day, 1));
        let r = app.unit_report(writer, id).await?;
        let r = app
            .save_report_draft(writer, id, r.report.version, texts)
            .await?;
        let r = self
            .at(vn_time(day, 3))
            .submit_report(sender, id, r.version)
            .await?;
        Ok(r.version)
    }

    pub(crate) async fn load_demo_reports(&self) -> Result<()> {
        let today = self.today();
        let mut periods = self.report_periods(today.year() - 1).await?;
        periods.extend(self.report_periods(today.year()).await?);
        let Some((period, deadline)) = periods
            .into_iter()
            .filter_map(|p| p.unit_deadline.map(|d| (p, d)))
            .filter(|(_, d)| d.checked_add_days(Days::new(7)).is_some_and(|w| w <= today))
            .max_by_key(|(p, _)| p.window_end)
        else {
            return Ok(());
        };
        let day = |offset: i64| deadline + chrono::Duration::days(offset);
        let mut people = BTreeMap::new();
        for name in [
            "daumoi",
            "lanhdao.vps",
            "chuyenvien.vps",
            "lanhdao.bvdk",
            "chuyenvien.bvdk",
            "lanhdao.cdc",
            "chuyenvien.cdc",
            "lanhdao.nvy",
            "chuyenvien.nvy",
        ] {
            if let Some(actor) = demo_actor(self, name).await? {
                people.insert(name, actor);
            }
        }
        let mut tx = self.db.read().await?;
        let mut ids = BTreeMap::new();
        for code in ["SYT", "VPS", "BVDK", "CDC", "NVY", "KHTC"] {
            if let Some(id) = units::id_by_code(&mut tx, code).await? {
                ids.insert(code, id);
            }
        }
        drop(tx);
        let (Some(coordinator), Some(department)) = (people.get("daumoi"), ids.remove("SYT"))
        else {
            return Ok(());
        };
        let draft = RoundDraft {
            type_code: period.type_code.clone(),
            year: Some(period.year),
            unit_id: Some(department),
            unit_ids: ids.values().copied().collect(),
            ..Default::default()
        };
        let view = self
            .at(vn_time(day(-20), 0))
            .open_report_round(coordinator, draft)
            .await?;
        let report_of = |code: &str| {
            view.reports
                .iter()
                .find(|r| Some(&r.unit_id) == ids.get(code))
                .map(|r| r.report_id)
        };
        let who = |unit: &str| {
            (
                people.get(&*format!("chuyenvien.{unit}")),
                people.get(&*format!("lanhdao.{unit}")),
            )
        };

        if let (Some(id), (Some(staff), Some(leader))) = (report_of("BVDK"), who("bvdk")) {
            let r = self.at(vn_time(day(-4), 0)).unit_report(staff, id).await?;
            let correction = FigureOverrideDraft {
                field_key: "tthc.tthc_don_gian_hoa".into(),
                value: Some(5),
                note: "Theo Quyết định công bố thủ tục hành chính được đơn giản hóa của UBND tỉnh"
                    .into(),
            };
            self.at(vn_time(day(-4), 0))
                .set_report_figure(staff, id, r.report.version, correction)
                .await?;
            let body = texts(
                "Bệnh viện Đa khoa tỉnh",
                "Rà soát 12 thủ tục hành chính lĩnh vực khám bệnh, chữa bệnh; đề xuất đơn giản hóa 5 thủ tục.",
            );
            let v = self.demo_send(id, staff, leader, body, day(-3)).await?;
            self.at(vn_time(day(-1), 2))
                .accept_report(coordinator, id, v)
                .await?;
        }
        if let (Some(id), (Some(staff), Some(leader))) = (report_of("CDC"), who("cdc")) {
            let body = texts(
                "Trung tâm Kiểm soát bệnh tật",
                "Công khai đầy đủ 100% thủ tục hành chính tại Bộ phận Một cửa.",
            );
            let v = self.demo_send(id, staff, leader, body, day(-1)).await?;
            self.at(vn_time(day(1), 2))
                .accept_report(coordinator, id, v)
                .await?;
        }
        if let (Some(id), (Some(staff), Some(leader))) = (report_of("VPS"), who("vps")) {
            let first = texts(
                "Văn phòng Sở",
                "Niêm yết, công khai thủ tục hành chính đúng quy định.",
            );
            let v = self.demo_send(id, staff, leader, first, day(-5)).await?;
            self.at(vn_time(day(-4), 2))
                .return_report(
                    coordinator,
                    id,
                    v,
                    "Đề nghị bổ sung số liệu hồ sơ được số hóa và kết quả giải quyết thủ tục hành chính đúng hạn.",
                )
                .await?;
            let second = texts(
                "Văn phòng Sở",
                "Niêm yết, công khai thủ tục hành chính đúng quy định; tiếp nhận 1.245 hồ sơ, 98,6% giải quyết đúng hạn; số hóa 1.180 hồ sơ.",
            );
            let v = self.demo_send(id, staff, leader, second, day(2)).await?;
            self.at(vn_time(day(3), 1))
                .accept_report(coordinator, id, v)
                .await?;
        }
        if let (Some(id), (Some(staff), Some(leader))) = (report_of("NVY"), who("nvy")) {
            let body = texts(
                "Phòng Nghiệp vụ Y",
                "Rà soát quy trình nội bộ giải quyết thủ tục hành chính lĩnh vực khám bệnh, chữa bệnh.",
            );
            self.demo_send(id, staff, leader, body, day(4)).await?;
        }
        Ok(())
    }
}
