use chrono::NaiveDate;

use cchc_app::AppError;
use cchc_domain::roles::Role;
use cchc_domain::units::UnitDraft;
use cchc_store::audit::AuditFilter;
use cchc_testkit::{apps, org};

fn draft(code: &str, name: &str, parent: Option<i64>) -> UnitDraft {
    UnitDraft {
        code: code.into(),
        name: name.into(),
        kind: "division".into(),
        parent_id: parent,
        valid_from: NaiveDate::from_ymd_opt(2024, 1, 1),
        ..Default::default()
    }
}

#[tokio::test]
async fn scoped_admin_manages_only_its_subtree() {
    for t in apps().await {
        let o = org::build(&t.app).await;
        org::user(
            &t.app,
            "qt.vps",
            Role::Admin,
            Some(o.inside),
            Some(o.inside),
        )
        .await;
        let admin = org::actor(&t.app, "qt.vps").await;
        let made = t
            .app
            .create_unit(&admin, draft("VPS-HC", "Tổ Hành chính", Some(o.inside)))
            .await
            .unwrap();
        assert_eq!(made.parent_id, Some(o.inside));
        let denied = t
            .app
            .create_unit(&admin, draft("TTS-1", "Đội 1", Some(o.outside)))
            .await;
        assert!(matches!(denied, Err(AppError::Forbidden)), "{}", t.db.name);
        let root = t.app.create_unit(&admin, draft("X", "Gốc mới", None)).await;
        assert!(matches!(root, Err(AppError::Forbidden)));
        // Moving its unit out of its scope is refused too.
        let mut moved = draft("VPS-HC", "Tổ Hành chính", Some(o.outside));
        moved.valid_from = made.valid_from.into();
        let r = t
            .app
            .update_unit(&admin, made.id, made.version, moved)
            .await;
        assert!(matches!(r, Err(AppError::Forbidden)));
    }
}

#[tokio::test]
async fn edits_are_audited_with_before_and_after_and_conflicts_detected() {
    for t in apps().await {
        let o = org::build(&t.app).await;
        org::user(&t.app, "qt", Role::Admin, None, None).await;
        let admin = org::actor(&t.app, "qt").await;
        let unit = t.app.unit(&admin, o.outside).await.unwrap();
        let mut edit = draft("TTS", "Thanh tra Sở Y tế", Some(o.root));
        edit.aliases = vec!["Thanh tra".into()];
        let after = t
            .app
            .update_unit(&admin, unit.id, unit.version, edit.clone())
            .await
            .unwrap();
        assert_eq!(after.version, unit.version + 1);
        assert_eq!(after.aliases, vec!["Thanh tra"]);
        // A second edit based on the old version must not overwrite the first.
        let stale = t
            .app
            .update_unit(
                &admin,
                unit.id,
                unit.version,
                draft("TTS", "Tên cũ", Some(o.root)),
            )
            .await;
        assert!(matches!(stale, Err(AppError::Conflict)), "{}", t.db.name);
        assert_eq!(
            t.app.unit(&admin, unit.id).await.unwrap().name,
            "Thanh tra Sở Y tế"
        );

        let filter = AuditFilter {
            entity_type: Some("unit".into()),
            entity_id: Some(unit.id.to_string()),
            ..Default::default()
        };
        let log = t.app.audit_log(&admin, &filter, 1, 10).await.unwrap();
        assert_eq!(log.total, 2, "create + update");
        let update = &log.entries[0];
        assert_eq!(update.action, "update");
        assert_eq!(update.actor_name, "qt");
        assert_eq!(update.before.as_ref().unwrap()["name"], "Thanh tra Sở");
        assert_eq!(update.after.as_ref().unwrap()["name"], "Thanh tra Sở Y tế");
    }
}

#[tokio::test]
async fn moving_a_unit_below_itself_is_refused() {
    for t in apps().await {
        let o = org::build(&t.app).await;
        org::user(&t.app, "qt", Role::Admin, None, None).await;
        let admin = org::actor(&t.app, "qt").await;
        let vps = t.app.unit(&admin, o.inside).await.unwrap();
        let r = t
            .app
            .update_unit(
                &admin,
                vps.id,
                vps.version,
                draft("VPS", "Văn phòng Sở", Some(o.inside_child)),
            )
            .await;
        let Err(AppError::Validation(e)) = r else {
            panic!("expected validation error on {}", t.db.name)
        };
        assert!(e.for_field("parent_id").unwrap().contains("chính nó"));
    }
}

#[tokio::test]
async fn closing_keeps_history_and_needs_children_closed_first() {
    for t in apps().await {
        let o = org::build(&t.app).await;
        org::user(&t.app, "qt", Role::Admin, None, None).await;
        let admin = org::actor(&t.app, "qt").await;
        let vps = t.app.unit(&admin, o.inside).await.unwrap();
        let mut close = draft("VPS", "Văn phòng Sở", Some(o.root));
        close.valid_from = Some(vps.valid_from);
        close.valid_to = NaiveDate::from_ymd_opt(2025, 6, 30);
        let r = t
            .app
            .update_unit(&admin, vps.id, vps.version, close.clone())
            .await;
        assert!(
            matches!(r, Err(AppError::Validation(_))),
            "open child blocks closing on {}",
            t.db.name
        );

        let child = t.app.unit(&admin, o.inside_child).await.unwrap();
        let mut close_child = draft("VPS-TN", &child.name, Some(o.inside));
        close_child.kind = "other".into();
        close_child.valid_from = Some(child.valid_from);
        close_child.valid_to = NaiveDate::from_ymd_opt(2025, 6, 30);
        t.app
            .update_unit(&admin, child.id, child.version, close_child)
            .await
            .unwrap();
        let closed = t
            .app
            .update_unit(&admin, vps.id, vps.version, close)
            .await
            .unwrap();
        assert_eq!(closed.valid_to, NaiveDate::from_ymd_opt(2025, 6, 30));

        // Closed units leave the default tree but stay in the database.
        let open = t.app.unit_tree(&admin, "", false).await.unwrap();
        assert!(!open.iter().any(|r| r.unit.id == vps.id));
        let all = t.app.unit_tree(&admin, "", true).await.unwrap();
        assert!(all.iter().any(|r| r.unit.id == vps.id && !r.open));
    }
}

#[tokio::test]
async fn tree_search_ignores_diacritics_and_keeps_ancestors() {
    for t in apps().await {
        let o = org::build(&t.app).await;
        org::user(&t.app, "cv", Role::Staff, Some(o.outside), None).await;
        let staff = org::actor(&t.app, "cv").await;
        let rows = t.app.unit_tree(&staff, "van phong", false).await.unwrap();
        let names: Vec<_> = rows
            .iter()
            .map(|r| (r.unit.name.as_str(), r.depth, r.matched))
            .collect();
        assert_eq!(
            names,
            vec![("Sở Y tế", 0, false), ("Văn phòng Sở", 1, true)],
            "{}",
            t.db.name
        );
        let rows = t.app.unit_tree(&staff, "TIẾP NHẬN", false).await.unwrap();
        assert_eq!(rows.last().unwrap().unit.code, "VPS-TN");
        assert_eq!(rows.last().unwrap().depth, 2);
        let whole = t.app.unit_tree(&staff, "", false).await.unwrap();
        assert_eq!(
            whole
                .iter()
                .map(|r| r.unit.code.as_str())
                .collect::<Vec<_>>(),
            ["SYT", "TTS", "VPS", "VPS-TN"]
        );
    }
}

#[tokio::test]
async fn duplicate_codes_and_bad_input_get_vietnamese_messages() {
    for t in apps().await {
        let o = org::build(&t.app).await;
        org::user(&t.app, "qt", Role::Admin, None, None).await;
        let admin = org::actor(&t.app, "qt").await;
        let dup = t
            .app
            .create_unit(&admin, draft("vps", "Trùng mã", Some(o.root)))
            .await
            .unwrap_err();
        assert!(
            matches!(dup, AppError::Duplicate(_)),
            "{dup:?} on {}",
            t.db.name
        );
        assert!(dup.to_string().contains("Mã đơn vị"));
        let bad = t
            .app
            .create_unit(&admin, draft("", " ", Some(o.root)))
            .await
            .unwrap_err();
        assert_eq!(bad.code(), "validation_failed");
        assert!(bad.to_string().contains("không được để trống"));
    }
}
