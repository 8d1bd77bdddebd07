//! The reminder sweep reminds units of reports due soon and of late ones,
//! once a day, and stops once a report is sent or the round is closed.

use cchc_app::reminders::ReminderQuery;
use cchc_testkit::apps;
use cchc_testkit::reports::{self as fixture, round};

use super::{at_nine, d, texts};

async fn kinds_sent(
    t: &cchc_testkit::TestApp,
    coordinator: &cchc_domain::actor::Actor,
    kind: &str,
) -> Vec<String> {
    let q = ReminderQuery {
        kind: Some(kind.into()),
        ..Default::default()
    };
    let mut names: Vec<String> = t
        .app
        .reminder_log(coordinator, &q, 1, 100)
        .await
        .unwrap()
        .rows
        .into_iter()
        .map(|r| format!("{} {}", r.day.format("%d/%m"), r.unit_name))
        .collect();
    names.sort();
    names
}

#[tokio::test]
async fn units_are_reminded_of_reports_before_and_after_the_deadline() {
    for t in apps().await {
        let f = fixture::build(&t.app).await;
        let view = t
            .app
            .open_report_round(&f.coordinator, round("q1", 2026, f.o.root))
            .await
            .unwrap();
        // 02/03: the deadline 10/03 is six working days away, not yet "soon".
        let first = t.app.run_reminders(t.app.now()).await.unwrap();
        assert_eq!(first.reminders, 0, "{}", t.db.name);

        at_nine(&t, d(2026, 3, 4));
        let soon = t.app.run_reminders(t.app.now()).await.unwrap();
        assert_eq!(soon.reminders, 3, "every participant owes its report");
        let again = t.app.run_reminders(t.app.now()).await.unwrap();
        assert_eq!((again.reminders, again.already_sent), (0, 3), "once a day");
        assert_eq!(
            kinds_sent(&t, &f.coordinator, "report_due_soon").await,
            [
                "04/03 Phòng Kế hoạch – Tài chính",
                "04/03 Thanh tra Sở",
                "04/03 Văn phòng Sở"
            ]
        );
        let notes = t.app.notifications(&f.staff, false, 1, 10).await.unwrap();
        let note = &notes.items[0];
        assert_eq!(
            note.title,
            "Nhắc việc: 1 báo cáo CCHC sắp đến hạn – Văn phòng Sở"
        );
        assert_eq!(note.link, "/reports");
        assert!(
            note.body.contains("Hạn: 10/03/2026, còn 6 ngày"),
            "{}",
            note.body
        );

        let mine = view
            .reports
            .iter()
            .find(|r| r.unit_id == f.o.inside)
            .unwrap();
        let r = t
            .app
            .save_report_draft(
                &f.staff,
                mine.report_id,
                mine.version,
                texts(&[("tong_quan.danh_gia", "Xong")]),
            )
            .await
            .unwrap();
        t.app
            .submit_report(&f.staff, mine.report_id, r.version)
            .await
            .unwrap();
        at_nine(&t, d(2026, 3, 11));
        let late = t.app.run_reminders(t.app.now()).await.unwrap();
        assert_eq!(late.reminders, 2, "the unit that sent is left alone");
        assert_eq!(
            kinds_sent(&t, &f.coordinator, "report_overdue").await,
            ["11/03 Phòng Kế hoạch – Tài chính", "11/03 Thanh tra Sở"]
        );

        t.app
            .close_report_round(&f.coordinator, view.round.id, view.round.version)
            .await
            .unwrap();
        at_nine(&t, d(2026, 3, 12));
        let closed = t.app.run_reminders(t.app.now()).await.unwrap();
        assert_eq!(closed.reminders, 0, "a closed round reminds nobody");
    }
}
