//! The demo's reporting round, entered through the use cases.

use cchc_domain::reports::{ReportStatus, Timeliness};
use cchc_testkit::{apps, org};

#[tokio::test]
async fn the_demo_has_a_full_round_with_on_time_late_returned_and_missing_units() {
    for t in apps().await {
        assert!(t.app.load_demo().await.unwrap());
        let coordinator =
            org::actor_with_password(&t.app, "daumoi", cchc_app::demo::DEMO_PASSWORD).await;
        // On 02/03/2026 the latest round a week past its deadline is the year 2025.
        let rounds = t.app.report_rounds(&coordinator, None).await.unwrap();
        assert_eq!(rounds.len(), 1, "{}", t.db.name);
        let round = &rounds[0];
        assert_eq!(round.round.label, "Báo cáo năm 2025");
        let states: Vec<(&str, ReportStatus, Timeliness, i64)> = round
            .reports
            .iter()
            .map(|r| (r.unit_name.as_str(), r.status, r.timeliness, r.submissions))
            .collect();
        assert_eq!(
            states,
            [
                (
                    "Bệnh viện Đa khoa tỉnh",
                    ReportStatus::Accepted,
                    Timeliness::OnTime,
                    1
                ),
                (
                    "Phòng Kế hoạch – Tài chính",
                    ReportStatus::Draft,
                    Timeliness::Missing,
                    0
                ),
                (
                    "Phòng Nghiệp vụ Y",
                    ReportStatus::Submitted,
                    Timeliness::Late { days: 4 },
                    1
                ),
                (
                    "Trung tâm Kiểm soát bệnh tật",
                    ReportStatus::Accepted,
                    Timeliness::OnTime,
                    1
                ),
                (
                    "Văn phòng Sở",
                    ReportStatus::Accepted,
                    Timeliness::OnTime,
                    2
                ),
            ]
        );
        let vps = round.reports.last().unwrap();
        let view = t
            .app
            .unit_report(&coordinator, vps.report_id)
            .await
            .unwrap();
        assert!(
            view.versions[0]
                .review_comment
                .starts_with("Đề nghị bổ sung")
        );
        assert_eq!(view.versions[1].submitted_by_name, "Lê Văn Hùng");
        let c = t
            .app
            .consolidate_round(&coordinator, round.round.id)
            .await
            .unwrap();
        assert_eq!(c.included_units.len(), 3);
        assert_eq!(c.pending_units.len(), 2);
        let table = t
            .app
            .report_timeliness(&coordinator, 2025, None)
            .await
            .unwrap();
        assert_eq!(table.rows.len(), 5);
        assert!(!t.app.load_demo().await.unwrap(), "loaded once");
    }
}
