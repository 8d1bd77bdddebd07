use chrono::NaiveDate;

use cchc_domain::calendar::Override;
use cchc_store::calendar;
use cchc_testkit::{apps, due, org};

fn d(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

#[tokio::test]
async fn overrides_upsert_list_and_delete() {
    for t in apps().await {
        let now = t.app.now();
        let mut tx = t.db.db.write().await.unwrap();
        let id = calendar::upsert(
            &mut tx,
            &Override::day_off(d(2026, 5, 4), "Nghỉ"),
            None,
            now,
        )
        .await
        .unwrap();
        calendar::upsert(
            &mut tx,
            &Override::day_off(d(2027, 1, 4), "Sang năm"),
            None,
            now,
        )
        .await
        .unwrap();
        let same = calendar::upsert(
            &mut tx,
            &Override::working_day(d(2026, 5, 4), "Làm bù"),
            None,
            now,
        )
        .await
        .unwrap();
        assert_eq!(id, same, "one row per day on {}", t.db.name);
        let year = calendar::records_between(&mut tx, d(2026, 1, 1), d(2026, 12, 31))
            .await
            .unwrap();
        assert_eq!(year.len(), 1);
        assert_eq!(year[0].rule, Override::working_day(d(2026, 5, 4), "Làm bù"));
        assert_eq!(year[0].created_at, now);
        assert_eq!(calendar::overrides(&mut tx).await.unwrap().len(), 2);
        assert!(calendar::delete(&mut tx, d(2026, 5, 4)).await.unwrap());
        assert!(!calendar::delete(&mut tx, d(2026, 5, 4)).await.unwrap());
        assert!(
            calendar::record(&mut tx, d(2026, 5, 4))
                .await
                .unwrap()
                .is_none()
        );
        tx.commit().await.unwrap();
    }
}

#[tokio::test]
async fn due_items_filter_by_dates_and_units() {
    for t in apps().await {
        let o = org::build(&t.app).await;
        let both = due::task(
            &t.app,
            &[o.inside, o.outside],
            d(2026, 3, 31),
            "1",
            "Báo cáo quý I",
        )
        .await;
        due::task(&t.app, &[o.inside], d(2026, 4, 1), "2", "Sau kỳ").await;
        let mut tx = t.db.db.read().await.unwrap();
        let all = calendar::due_items(&mut tx, None, d(2026, 3, 1), d(2026, 3, 31))
            .await
            .unwrap();
        assert_eq!(all.len(), 2, "{}", t.db.name);
        assert_eq!(all[0].item_id, both.item_id);
        assert_eq!(all[0].plan_id, both.plan_id);
        assert_eq!(all[0].item_number, "1");
        assert_eq!(all[0].plan_title, "Kế hoạch CCHC năm 2026");
        let names: Vec<&str> = all.iter().map(|x| x.unit_name.as_str()).collect();
        assert_eq!(names, ["Thanh tra Sở", "Văn phòng Sở"]);
        let ours = calendar::due_items(
            &mut tx,
            Some(&[o.outside, o.root]),
            d(2026, 3, 1),
            d(2026, 4, 30),
        )
        .await
        .unwrap();
        assert_eq!(ours.len(), 1);
        assert_eq!(ours[0].unit_id, o.outside);
        let none = calendar::due_items(&mut tx, Some(&[]), d(2026, 1, 1), d(2026, 12, 31))
            .await
            .unwrap();
        assert!(none.is_empty());
    }
}
