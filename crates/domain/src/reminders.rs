//! Reminders (đôn đốc, nhắc việc): the kinds of reminder, the digest a unit
//! receives (Vietnamese text listing its tasks with links), the coordinator's
//! message as typed, and the day a reminder counts for.
//!
//! A unit gets at most one reminder per kind and dedupe key per Vietnamese
//! calendar day; the store enforces that with a unique key.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::Serialize;

use crate::error::ValidationErrors;
use crate::text;

/// Longest ad-hoc message accepted, in characters.
pub const MAX_MESSAGE_CHARS: usize = 2000;
/// A digest lists this many tasks; the rest are counted and found under "my work".
pub const MAX_LISTED: usize = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    /// Open work due within the next few working days.
    DueSoon,
    /// Open work past its due date.
    Overdue,
    /// A coordinator's own message.
    Adhoc,
    /// Periodic reports the unit has yet to send, due within the next few working days.
    ReportDueSoon,
    /// Periodic reports the unit has not sent by their deadline.
    ReportOverdue,
}

impl ReminderKind {
    pub const ALL: [ReminderKind; 5] = [
        Self::DueSoon,
        Self::Overdue,
        Self::Adhoc,
        Self::ReportDueSoon,
        Self::ReportOverdue,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::DueSoon => "due_soon",
            Self::Overdue => "overdue",
            Self::Adhoc => "adhoc",
            Self::ReportDueSoon => "report_due_soon",
            Self::ReportOverdue => "report_overdue",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::DueSoon => "Nhắc việc sắp đến hạn",
            Self::Overdue => "Đôn đốc việc quá hạn",
            Self::Adhoc => "Đôn đốc của đầu mối CCHC",
            Self::ReportDueSoon => "Nhắc báo cáo sắp đến hạn",
            Self::ReportOverdue => "Đôn đốc báo cáo quá hạn",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// The Vietnamese calendar day (UTC+7) of an instant: what "once a day" means.
pub fn vietnam_day(at: DateTime<Utc>) -> NaiveDate {
    (at + Duration::hours(7)).date_naive()
}

/// One task occurrence listed in a digest.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DigestItem {
    pub item_id: i64,
    /// The plan's number of the task, e.g. "1.", "3.3.3".
    pub number: String,
    pub content: String,
    pub plan_title: String,
    /// The occurrence's label, e.g. "Quý I/2026".
    pub label: String,
    pub due_on: Option<NaiveDate>,
}

/// A reminder as people read it: in the app and as an email.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Digest {
    pub title: String,
    pub body: String,
}

/// Where links point: relative paths in the app, `base` + path in emails.
#[derive(Debug, Clone, Copy)]
pub struct Links<'a> {
    pub base: &'a str,
}

impl Links<'_> {
    pub fn task(&self, item_id: i64) -> String {
        format!("{}/tasks/{item_id}", self.base.trim_end_matches('/'))
    }

    pub fn my_work(&self) -> String {
        format!("{}/my", self.base.trim_end_matches('/'))
    }

    /// A unit's report in a reporting round.
    pub fn report(&self, report_id: i64) -> String {
        format!("{}/reports/{report_id}", self.base.trim_end_matches('/'))
    }

    /// The reports of the reader's units.
    pub fn reports(&self) -> String {
        format!("{}/reports", self.base.trim_end_matches('/'))
    }
}

fn date_vn(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// "Hạn: 31/01/2026, quá hạn 30 ngày" / "Hạn: 05/03/2026, còn 3 ngày" / "Hạn: hôm nay".
pub(crate) fn due_line(due: Option<NaiveDate>, today: NaiveDate) -> String {
    let Some(due) = due else {
        return "Hạn: chưa xác định".into();
    };
    let days = (due - today).num_days();
    match days {
        d if d < 0 => format!("Hạn: {}, quá hạn {} ngày", date_vn(due), -d),
        0 => format!("Hạn: {} (hôm nay)", date_vn(due)),
        d => format!("Hạn: {}, còn {d} ngày", date_vn(due)),
    }
}

fn item_lines(items: &[DigestItem], today: NaiveDate, links: Links<'_>) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().take(MAX_LISTED).enumerate() {
        out.push_str(&format!("{}. {}\n", i + 1, item.content));
        let number = item.number.trim().trim_end_matches('.');
        let mut plan = format!("   Kế hoạch: {}", item.plan_title);
        if !number.is_empty() {
            plan.push_str(&format!(", mục {number}"));
        }
        if !item.label.is_empty() {
            plan.push_str(&format!(" ({})", item.label));
        }
        out.push_str(&plan);
        out.push('\n');
        out.push_str(&format!("   {}\n", due_line(item.due_on, today)));
        out.push_str(&format!("   Chi tiết: {}\n", links.task(item.item_id)));
    }
    if items.len() > MAX_LISTED {
        out.push_str(&format!(
            "… và {} nhiệm vụ khác.\n",
            items.len() - MAX_LISTED
        ));
    }
    out
}

pub(crate) const SIGNATURE: &str =
    "Thông báo này được gửi tự động từ phần mềm quản lý cải cách hành chính (cchc).";

/// The daily digest of one kind (due soon or overdue) for one unit.
pub fn digest(
    kind: ReminderKind,
    unit_name: &str,
    items: &[DigestItem],
    today: NaiveDate,
    soon_days: i32,
    links: Links<'_>,
) -> Digest {
    let n = items.len();
    let (title, intro, ask) = match kind {
        ReminderKind::Overdue => (
            format!("Đôn đốc: {n} nhiệm vụ quá hạn – {unit_name}"),
            format!(
                "Đến ngày {}, đơn vị còn {n} nhiệm vụ cải cách hành chính đã quá hạn nhưng chưa hoàn thành:",
                date_vn(today)
            ),
            "Đề nghị đơn vị khẩn trương thực hiện và cập nhật kết quả trên phần mềm.",
        ),
        _ => (
            format!("Nhắc việc: {n} nhiệm vụ sắp đến hạn – {unit_name}"),
            format!(
                "Trong {soon_days} ngày làm việc tới (tính từ ngày {}), đơn vị có {n} nhiệm vụ cải cách hành chính đến hạn:",
                date_vn(today)
            ),
            "Đề nghị đơn vị chủ động thực hiện đúng hạn và cập nhật kết quả trên phần mềm.",
        ),
    };
    let body = format!(
        "Kính gửi: {unit_name}\n\n{intro}\n\n{}\n{ask}\nXem toàn bộ công việc của đơn vị: {}\n\n{SIGNATURE}",
        item_lines(items, today, links),
        links.my_work(),
    );
    Digest { title, body }
}

/// A coordinator's reminder to one unit, with the tasks it names (if any).
pub fn adhoc_digest(
    sender: &str,
    unit_name: &str,
    message: &str,
    items: &[DigestItem],
    today: NaiveDate,
    links: Links<'_>,
) -> Digest {
    let mut body = format!("Kính gửi: {unit_name}\n\n{message}\n\n");
    if !items.is_empty() {
        body.push_str("Các nhiệm vụ cần thực hiện:\n");
        body.push_str(&item_lines(items, today, links));
        body.push('\n');
    }
    body.push_str(&format!(
        "Xem toàn bộ công việc của đơn vị: {}\n\nNgười gửi: {sender} (đầu mối CCHC), ngày {}.",
        links.my_work(),
        date_vn(today)
    ));
    Digest {
        title: format!("Đôn đốc thực hiện nhiệm vụ CCHC – {unit_name}"),
        body,
    }
}

/// The coordinator's message cleaned line by line (NFC, inner spaces), blank lines kept
/// between paragraphs but not at the ends.
pub fn clean_message(message: &str) -> Result<String, ValidationErrors> {
    let lines: Vec<String> = message.lines().map(text::clean).collect();
    let first = lines.iter().position(|l| !l.is_empty());
    let last = lines.iter().rposition(|l| !l.is_empty());
    let cleaned = match (first, last) {
        (Some(a), Some(b)) => {
            let mut out: Vec<&str> = Vec::new();
            for line in &lines[a..=b] {
                // At most one blank line in a row.
                if !(line.is_empty() && out.last().is_some_and(|l| l.is_empty())) {
                    out.push(line);
                }
            }
            out.join("\n")
        }
        _ => String::new(),
    };
    if cleaned.is_empty() {
        return Err(ValidationErrors::single(
            "message",
            "Nhập nội dung nhắc việc.",
        ));
    }
    if cleaned.chars().count() > MAX_MESSAGE_CHARS {
        return Err(ValidationErrors::single(
            "message",
            format!("Nội dung nhắc việc dài quá {MAX_MESSAGE_CHARS} ký tự."),
        ));
    }
    Ok(cleaned)
}

/// The dedupe key of an ad-hoc reminder: the same text goes to a unit once a day.
pub fn adhoc_key(message_hash_hex: &str) -> String {
    format!("adhoc:{message_hash_hex}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn item(id: i64, content: &str, due: NaiveDate) -> DigestItem {
        DigestItem {
            item_id: id,
            number: "1.".into(),
            content: content.into(),
            plan_title: "Kế hoạch CCHC năm 2026".into(),
            label: "Quý I/2026".into(),
            due_on: Some(due),
        }
    }

    #[test]
    fn the_day_is_vietnamese() {
        let late_utc = DateTime::parse_from_rfc3339("2026-03-01T17:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(vietnam_day(late_utc), d(2026, 3, 2));
    }

    #[test]
    fn overdue_digest_lists_tasks_with_dates_and_links() {
        let items = [item(7, "Ban hành kế hoạch", d(2026, 1, 31))];
        let links = Links {
            base: "https://cchc.example.vn/",
        };
        let g = digest(
            ReminderKind::Overdue,
            "Văn phòng Sở",
            &items,
            d(2026, 3, 2),
            5,
            links,
        );
        assert_eq!(g.title, "Đôn đốc: 1 nhiệm vụ quá hạn – Văn phòng Sở");
        assert!(g.body.starts_with("Kính gửi: Văn phòng Sở\n"));
        assert!(g.body.contains("1. Ban hành kế hoạch\n"));
        assert!(
            g.body
                .contains("Kế hoạch CCHC năm 2026, mục 1 (Quý I/2026)")
        );
        assert!(g.body.contains("Hạn: 31/01/2026, quá hạn 30 ngày"));
        assert!(g.body.contains("https://cchc.example.vn/tasks/7"));
        assert!(g.body.contains("https://cchc.example.vn/my"));
    }

    #[test]
    fn due_soon_counts_days_left() {
        let items = [item(1, "A", d(2026, 3, 2)), item(2, "B", d(2026, 3, 5))];
        let g = digest(
            ReminderKind::DueSoon,
            "Phòng A",
            &items,
            d(2026, 3, 2),
            5,
            Links { base: "" },
        );
        assert!(g.title.contains("2 nhiệm vụ sắp đến hạn"));
        assert!(g.body.contains("Hạn: 02/03/2026 (hôm nay)"));
        assert!(g.body.contains("Hạn: 05/03/2026, còn 3 ngày"));
        assert!(g.body.contains("Chi tiết: /tasks/2"));
        let many: Vec<DigestItem> = (0..MAX_LISTED as i64 + 2)
            .map(|i| item(i, "X", d(2026, 3, 3)))
            .collect();
        let g = digest(
            ReminderKind::DueSoon,
            "P",
            &many,
            d(2026, 3, 2),
            5,
            Links { base: "" },
        );
        assert!(g.title.contains("32 nhiệm vụ"));
        assert!(g.body.contains("… và 2 nhiệm vụ khác."));
    }

    #[test]
    fn messages_are_cleaned_and_bounded() {
        assert_eq!(
            clean_message("\n  Đề nghị   khẩn trương \n\n\n báo cáo \n").unwrap(),
            "Đề nghị khẩn trương\n\nbáo cáo"
        );
        assert!(clean_message(" \n ").is_err());
        assert!(clean_message(&"a".repeat(MAX_MESSAGE_CHARS + 1)).is_err());
    }
}
