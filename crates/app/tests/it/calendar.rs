use std::sync::Arc;

use chrono::NaiveDate;

use cchc_app::calendar::DaySource;
use cchc_app::{App, AppError};
use cchc_domain::calendar::{DayStatus, LunarDate, OverrideDraft};
use cchc_domain::roles::Role;
use cchc_store::audit::AuditFilter;
use cchc_testkit::{apps, due, org, test_auth_config};

fn d(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

fn draft(day: NaiveDate, kind: &str, name: &str) -> OverrideDraft {
    OverrideDraft {
        day: Some(day),
        kind: kind.into(),
        name: name.into(),
    }
}

#[tokio::test]
async fn only_an_admin_of_the_whole_organisation_edits_the_calendar() {
    for t in apps().await {
        let o = org::build(&t.app).await;
        org::user(&t.app, "qt", Role::Admin, None, None).await;
        org::user(&t.app, "qt.vps", Role::Admin, Some(o.inside), None).await;
        org::user(&t.app, "daumoi", Role::Coordinator, None, None).await;
        org::user(&t.app, "cv", Role::Staff, Some(o.inside), None).await;
        let day = d(2026, 5, 4);
        for name in ["qt.vps", "daumoi", "cv"] {
            let actor = org::actor(&t.app, name).await;
            assert!(!t.app.can_edit_calendar(&actor));
            let set = t
                .app
                .set_override(&actor, draft(day, "day_off", "Nghỉ"))
                .await;
            assert!(
                matches!(set, Err(AppError::Forbidden)),
                "{name} {}",
                t.db.name
            );
            // Permission comes before validation and before looking the day up.
            let invalid = t.app.set_override(&actor, OverrideDraft::default()).await;
            assert!(matches!(invalid, Err(AppError::Forbidden)), "{name}");
            let removed = t.app.remove_override(&actor, day).await;
            assert!(matches!(removed, Err(AppError::Forbidden)), "{name}");
        }
        let admin = org::actor(&t.app, "qt").await;
        assert!(t.app.can_edit_calendar(&admin));
        let made = t
            .app
            .set_override(&admin, draft(day, "day_off", "Nghỉ hoán đổi"))
            .await
            .unwrap();
        assert_eq!(made.created_by_name.as_deref(), Some("Người dùng qt"));
        let scoped = org::actor(&t.app, "qt.vps").await;
        assert!(matches!(
            t.app.remove_override(&scoped, day).await,
            Err(AppError::Forbidden)
        ));
        assert_eq!(
            t.app.remove_override(&admin, day).await.unwrap().id,
            made.id
        );
        assert!(matches!(
            t.app.remove_override(&admin, day).await,
            Err(AppError::NotFound(_))
        ));
    }
}

#[tokio::test]
async fn overrides_are_validated_with_vietnamese_messages() {
    for t in apps().await {
        org::user(&t.app, "qt", Role::Admin, None, None).await;
        let admin = org::actor(&t.app, "qt").await;
        let Err(AppError::Validation(e)) = t
            .app
            .set_override(
                &admin,
                OverrideDraft {
                    day: None,
                    kind: "holiday".into(),
                    name: "   ".into(),
                },
            )
            .await
        else {
            panic!("expected validation errors");
        };
        assert_eq!(
            e.for_field("day"),
            Some("Vui lòng nhập ngày cần điều chỉnh.")
        );
        assert!(e.for_field("kind").unwrap().contains("Ngày làm việc bù"));
        assert!(e.for_field("name").unwrap().contains("tên hoặc lý do"));
        let long = "x".repeat(201);
        let Err(AppError::Validation(e)) = t
            .app
            .set_override(&admin, draft(d(2026, 5, 4), "day_off", &long))
            .await
        else {
            panic!("expected a name too long");
        };
        assert!(e.for_field("name").unwrap().contains("200"));
        let year = t.app.calendar_year(&admin, 2026).await.unwrap();
        assert!(year.overrides.is_empty(), "nothing stored on {}", t.db.name);
    }
}

#[tokio::test]
async fn an_override_changes_deadlines_at_once_on_every_instance() {
    for t in apps().await {
        org::user(&t.app, "qt", Role::Admin, None, None).await;
        let admin = org::actor(&t.app, "qt").await;
        // Another server over the same database (several instances behind a load balancer).
        let other = App::new(t.db.db.clone(), test_auth_config());
        let friday = d(2026, 5, 8);
        let first = t.app.working_calendar().await.unwrap();
        assert_eq!(first.add_working_days(friday, 1), Some(d(2026, 5, 11)));
        let again = t.app.working_calendar().await.unwrap();
        assert!(Arc::ptr_eq(&first, &again), "unchanged calendar is reused");
        assert_eq!(
            other
                .working_calendar()
                .await
                .unwrap()
                .add_working_days(friday, 1),
            Some(d(2026, 5, 11))
        );

        t.app
            .set_override(&admin, draft(d(2026, 5, 11), "day_off", "Nghỉ bù"))
            .await
            .unwrap();
        let cal = t.app.working_calendar().await.unwrap();
        assert_eq!(cal.add_working_days(friday, 1), Some(d(2026, 5, 12)));
        assert_eq!(
            other
                .working_calendar()
                .await
                .unwrap()
                .add_working_days(friday, 1),
            Some(d(2026, 5, 12)),
            "{}",
            t.db.name
        );

        // A Saturday made a working day counts; replacing an override keeps one row.
        t.app
            .set_override(&admin, draft(d(2026, 5, 9), "working_day", "Làm bù"))
            .await
            .unwrap();
        assert_eq!(
            t.app
                .working_calendar()
                .await
                .unwrap()
                .add_working_days(friday, 1),
            Some(d(2026, 5, 9))
        );
        t.app
            .set_override(&admin, draft(d(2026, 5, 9), "day_off", "Nghỉ"))
            .await
            .unwrap();
        t.app.remove_override(&admin, d(2026, 5, 11)).await.unwrap();
        let cal = t.app.working_calendar().await.unwrap();
        assert_eq!(cal.add_working_days(friday, 1), Some(d(2026, 5, 11)));
        let year = t.app.calendar_year(&admin, 2026).await.unwrap();
        assert_eq!(year.overrides.len(), 1);
        assert_eq!(year.overrides[0].rule.name(), "Nghỉ");
    }
}

#[tokio::test]
async fn edits_are_audited_with_before_and_after() {
    for t in apps().await {
        org::user(&t.app, "qt", Role::Admin, None, None).await;
        let admin = org::actor(&t.app, "qt").await;
        let day = d(2026, 9, 4);
        t.app
            .set_override(&admin, draft(day, "day_off", "Nghỉ thêm Quốc khánh"))
            .await
            .unwrap();
        t.app
            .set_override(&admin, draft(day, "working_day", "Làm việc bình thường"))
            .await
            .unwrap();
        t.app.remove_override(&admin, day).await.unwrap();
        let filter = AuditFilter {
            entity_type: Some("calendar_override".into()),
            ..Default::default()
        };
        let log = t.app.audit_log(&admin, &filter, 1, 10).await.unwrap();
        let actions: Vec<&str> = log.entries.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(actions, ["delete", "update", "create"], "{}", t.db.name);
        let [delete, update, create] = &log.entries[..] else {
            panic!("three entries");
        };
        assert_eq!(
            create.summary,
            "Thêm ngày nghỉ 04/09/2026: Nghỉ thêm Quốc khánh"
        );
        assert!(create.before.is_none());
        assert_eq!(create.after.as_ref().unwrap()["kind"], "day_off");
        assert_eq!(
            update.before.as_ref().unwrap()["name"],
            "Nghỉ thêm Quốc khánh"
        );
        assert_eq!(update.after.as_ref().unwrap()["kind"], "working_day");
        assert_eq!(
            delete.summary,
            "Xóa điều chỉnh ngày 04/09/2026: Làm việc bình thường"
        );
        assert!(delete.after.is_none());
        assert_eq!(delete.actor_name, "qt");
    }
}

#[tokio::test]
async fn month_view_has_lunar_dates_holidays_and_the_due_dates_in_scope() {
    for t in apps().await {
        let o = org::build(&t.app).await;
        org::user(&t.app, "cv", Role::Staff, Some(o.inside), None).await;
        org::user(&t.app, "gd", Role::Viewer, None, None).await;
        org::user(&t.app, "qt", Role::Admin, None, None).await;
        let ours = due::task(
            &t.app,
            &[o.inside_child],
            d(2026, 2, 10),
            "1.2",
            "Rà soát TTHC",
        )
        .await;
        due::task(
            &t.app,
            &[o.outside],
            d(2026, 2, 10),
            "2.1",
            "Thanh tra công vụ",
        )
        .await;
        let admin = org::actor(&t.app, "qt").await;
        t.app
            .set_override(&admin, draft(d(2026, 2, 28), "working_day", "Làm bù"))
            .await
            .unwrap();

        let staff = org::actor(&t.app, "cv").await;
        let month = t.app.calendar_month(&staff, 2026, 2).await.unwrap();
        assert!(!month.all_units);
        assert_eq!(month.weeks.len(), 5);
        let days: Vec<_> = month.weeks.iter().flatten().collect();
        assert_eq!(days[0].date, d(2026, 1, 26));
        assert!(!days[0].in_month);
        let tet = days.iter().find(|x| x.date == d(2026, 2, 17)).unwrap();
        assert_eq!(tet.lunar, Some(LunarDate::new(2026, 1, 1)));
        assert!(tet.lunar_with_month);
        assert_eq!(
            tet.status,
            DayStatus::DayOff {
                name: "Tết Nguyên đán".into()
            }
        );
        let saturday = days.iter().find(|x| x.date == d(2026, 2, 28)).unwrap();
        assert!(saturday.overridden && saturday.status.is_working());
        let due_day = days.iter().find(|x| x.date == d(2026, 2, 10)).unwrap();
        assert!(!due_day.lunar_with_month);
        assert_eq!(due_day.due.len(), 1, "{}", t.db.name);
        assert_eq!(due_day.due[0].item_id, ours.item_id);
        assert_eq!(due_day.due[0].unit_name, "Bộ phận Tiếp nhận và Trả kết quả");

        let director = org::actor(&t.app, "gd").await;
        let month = t.app.calendar_month(&director, 2026, 2).await.unwrap();
        assert!(month.all_units);
        let due_day = month
            .weeks
            .iter()
            .flatten()
            .find(|x| x.date == d(2026, 2, 10));
        assert_eq!(due_day.unwrap().due.len(), 2);

        assert!(matches!(
            t.app.calendar_month(&staff, 2026, 13).await,
            Err(AppError::Validation(_))
        ));
        assert!(matches!(
            t.app.calendar_month(&staff, 3000, 1).await,
            Err(AppError::Validation(_))
        ));
    }
}

#[tokio::test]
async fn year_view_names_the_source_of_each_day() {
    for t in apps().await {
        org::user(&t.app, "qt", Role::Admin, None, None).await;
        let admin = org::actor(&t.app, "qt").await;
        t.app
            .set_override(&admin, draft(d(2025, 12, 31), "day_off", "Nghỉ cuối năm"))
            .await
            .unwrap();
        let year = t.app.calendar_year(&admin, 2025).await.unwrap();
        let source = |date| {
            year.days_off
                .iter()
                .chain(&year.working_days)
                .find(|x| x.date == date)
                .map(|x| x.source)
        };
        assert_eq!(source(d(2025, 1, 1)), Some(DaySource::Rule));
        assert_eq!(source(d(2025, 1, 27)), Some(DaySource::Official));
        assert_eq!(source(d(2025, 4, 26)), Some(DaySource::Official));
        assert_eq!(source(d(2025, 12, 31)), Some(DaySource::Local));
        assert_eq!(source(d(2025, 3, 3)), None);
        assert_eq!(year.overrides.len(), 1);
    }
}
