//! The daily reminders about periodic reports: reports a unit has yet to
//! send that are due within a few working days, and those past their
//! deadline. Returned reports count too: the unit owes a new submission.

use chrono::NaiveDate;
use serde::Serialize;

use super::rules::Window;
use super::workflow::ReportStatus;
use super::{UnitReportId, date_vn};
use crate::reminders::{Digest, Links, MAX_LISTED, ReminderKind, SIGNATURE, due_line};

/// One unit report listed in a reminder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportDigestItem {
    pub report_id: UnitReportId,
    /// "Báo cáo quý I năm 2026".
    pub label: String,
    pub window: Window,
    pub deadline: Option<NaiveDate>,
    pub status: ReportStatus,
}

fn status_line(status: ReportStatus) -> &'static str {
    match status {
        ReportStatus::Returned => "Bị trả lại, cần hoàn thiện và gửi lại",
        _ => "Chưa gửi",
    }
}

fn item_lines(items: &[ReportDigestItem], today: NaiveDate, links: Links<'_>) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().take(MAX_LISTED).enumerate() {
        out.push_str(&format!("{}. {}\n", i + 1, item.label));
        out.push_str(&format!(
            "   Thời gian chốt số liệu: {} – {}\n",
            date_vn(item.window.start),
            date_vn(item.window.end)
        ));
        out.push_str(&format!("   {}\n", due_line(item.deadline, today)));
        out.push_str(&format!("   Tình trạng: {}\n", status_line(item.status)));
        out.push_str(&format!("   Chi tiết: {}\n", links.report(item.report_id)));
    }
    if items.len() > MAX_LISTED {
        out.push_str(&format!(
            "… và {} báo cáo khác.\n",
            items.len() - MAX_LISTED
        ));
    }
    out
}

/// The daily digest of reports due soon ([`ReminderKind::ReportDueSoon`]) or
/// overdue (any other kind) for one unit.
pub fn report_digest(
    kind: ReminderKind,
    unit_name: &str,
    items: &[ReportDigestItem],
    today: NaiveDate,
    links: Links<'_>,
) -> Digest {
    let n = items.len();
    let (title, intro, ask) = match kind {
        ReminderKind::ReportDueSoon => (
            format!("Nhắc việc: {n} báo cáo CCHC sắp đến hạn – {unit_name}"),
            "Đơn vị có báo cáo định kỳ về cải cách hành chính sắp đến hạn gửi:".to_string(),
            "Đề nghị đơn vị hoàn thành và gửi báo cáo đúng hạn trên phần mềm.",
        ),
        _ => (
            format!("Đôn đốc: {n} báo cáo CCHC quá hạn – {unit_name}"),
            format!(
                "Đến ngày {}, đơn vị còn {n} báo cáo định kỳ về cải cách hành chính đã quá hạn nhưng chưa gửi:",
                date_vn(today)
            ),
            "Đề nghị đơn vị khẩn trương hoàn thành và gửi báo cáo trên phần mềm.",
        ),
    };
    let body = format!(
        "Kính gửi: {unit_name}\n\n{intro}\n\n{}\n{ask}\nXem các báo cáo của đơn vị: {}\n\n{SIGNATURE}",
        item_lines(items, today, links),
        links.reports(),
    );
    Digest { title, body }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn overdue_reports_are_listed_with_dates_and_links() {
        let items = [ReportDigestItem {
            report_id: 9,
            label: "Báo cáo quý I năm 2026".into(),
            window: Window {
                start: d(2025, 12, 15),
                end: d(2026, 3, 14),
            },
            deadline: Some(d(2026, 3, 10)),
            status: ReportStatus::Returned,
        }];
        let links = Links {
            base: "https://cchc.example.vn",
        };
        let g = report_digest(
            ReminderKind::ReportOverdue,
            "Văn phòng Sở",
            &items,
            d(2026, 3, 12),
            links,
        );
        assert_eq!(g.title, "Đôn đốc: 1 báo cáo CCHC quá hạn – Văn phòng Sở");
        assert!(g.body.contains("1. Báo cáo quý I năm 2026\n"));
        assert!(
            g.body
                .contains("Thời gian chốt số liệu: 15/12/2025 – 14/03/2026")
        );
        assert!(g.body.contains("Hạn: 10/03/2026, quá hạn 2 ngày"));
        assert!(g.body.contains("Bị trả lại, cần hoàn thiện và gửi lại"));
        assert!(g.body.contains("https://cchc.example.vn/reports/9"));
        let soon = report_digest(
            ReminderKind::ReportDueSoon,
            "Văn phòng Sở",
            &items,
            d(2026, 3, 5),
            Links { base: "" },
        );
        assert!(
            soon.title
                .starts_with("Nhắc việc: 1 báo cáo CCHC sắp đến hạn")
        );
        assert!(soon.body.contains("Hạn: 10/03/2026, còn 5 ngày"));
        assert!(soon.body.contains("Chi tiết: /reports/9"));
    }
}
