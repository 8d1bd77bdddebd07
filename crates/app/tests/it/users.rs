use cchc_app::AppError;
use cchc_app::users::{NewUser, UserUpdate};
use cchc_domain::roles::{Role, RoleGrant};
use cchc_domain::users::UserProfile;
use cchc_testkit::{apps, org};

fn new_user(username: &str, unit: i64, role: Role) -> NewUser {
    NewUser {
        username: username.into(),
        password: "mat-khau-moi-1".into(),
        profile: UserProfile {
            full_name: "Nguyễn Văn Bình".into(),
            email: None,
            unit_id: Some(unit),
        },
        roles: vec![RoleGrant {
            role,
            unit_id: Some(unit),
        }],
    }
}

#[tokio::test]
async fn admin_scope_limits_which_users_can_be_made_and_seen() {
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
        t.app
            .create_user(&admin, new_user("binh", o.inside_child, Role::Staff))
            .await
            .unwrap();
        let r = t
            .app
            .create_user(&admin, new_user("an", o.outside, Role::Staff))
            .await;
        assert!(matches!(r, Err(AppError::Forbidden)), "{}", t.db.name);
        // Granting a role over the whole organisation needs a global admin.
        let mut global = new_user("chi", o.inside, Role::Viewer);
        global.roles = vec![RoleGrant {
            role: Role::Viewer,
            unit_id: None,
        }];
        assert!(matches!(
            t.app.create_user(&admin, global).await,
            Err(AppError::Forbidden)
        ));

        org::user(
            &t.app,
            "ngoai",
            Role::Staff,
            Some(o.outside),
            Some(o.outside),
        )
        .await;
        let seen: Vec<String> = t
            .app
            .users(&admin, "")
            .await
            .unwrap()
            .into_iter()
            .map(|u| u.username)
            .collect();
        assert!(seen.contains(&"binh".to_string()));
        assert!(!seen.contains(&"ngoai".to_string()), "{seen:?}");
        let found = t.app.users(&admin, "nguyen van binh").await.unwrap();
        assert_eq!(found.len(), 1);

        let staff = org::actor(&t.app, "ngoai").await;
        assert!(matches!(
            t.app.users(&staff, "").await,
            Err(AppError::Forbidden)
        ));
    }
}

#[tokio::test]
async fn deactivating_a_user_ends_their_sessions() {
    for t in apps().await {
        let o = org::build(&t.app).await;
        org::user(&t.app, "qt", Role::Admin, None, None).await;
        let admin = org::actor(&t.app, "qt").await;
        let u = t
            .app
            .create_user(&admin, new_user("binh", o.inside, Role::Staff))
            .await
            .unwrap();
        let token = t
            .app
            .login("binh", "mat-khau-moi-1", "1.1.1.1", None)
            .await
            .unwrap();
        let update = UserUpdate {
            profile: UserProfile {
                full_name: "Nguyễn Văn Bình".into(),
                email: None,
                unit_id: Some(o.inside),
            },
            is_active: false,
            roles: u.roles.clone(),
        };
        t.app
            .update_user(&admin, u.id, u.version, update)
            .await
            .unwrap();
        assert!(
            t.app.session_actor(&token, None).await.is_err(),
            "{}",
            t.db.name
        );
        assert!(matches!(
            t.app.login("binh", "mat-khau-moi-1", "1.1.1.1", None).await,
            Err(AppError::InvalidCredentials)
        ));
    }
}

#[tokio::test]
async fn admins_cannot_lock_themselves_out() {
    for t in apps().await {
        org::build(&t.app).await;
        let id = org::user(&t.app, "qt", Role::Admin, None, None).await;
        let admin = org::actor(&t.app, "qt").await;
        let me = t.app.user(&admin, id).await.unwrap();
        let update = UserUpdate {
            profile: UserProfile {
                full_name: "QT".into(),
                email: None,
                unit_id: None,
            },
            is_active: true,
            roles: vec![RoleGrant {
                role: Role::Viewer,
                unit_id: None,
            }],
        };
        let r = t.app.update_user(&admin, id, me.version, update).await;
        assert!(matches!(r, Err(AppError::Validation(_))), "{}", t.db.name);
    }
}

#[tokio::test]
async fn passwords_reset_and_change() {
    for t in apps().await {
        let o = org::build(&t.app).await;
        org::user(&t.app, "qt", Role::Admin, None, None).await;
        let id = org::user(&t.app, "cv", Role::Staff, Some(o.inside), Some(o.inside)).await;
        let admin = org::actor(&t.app, "qt").await;
        let short = t.app.reset_password(&admin, id, "ngan").await.unwrap_err();
        assert!(short.to_string().contains("ít nhất 8"));
        t.app
            .reset_password(&admin, id, "mat-khau-dat-lai")
            .await
            .unwrap();
        t.app
            .login("cv", "mat-khau-dat-lai", "1.1.1.1", None)
            .await
            .unwrap();
        let cv = t
            .app
            .token_actor(
                &t.app
                    .api_login("cv", "mat-khau-dat-lai", "1.1.1.1")
                    .await
                    .unwrap(),
                None,
            )
            .await
            .unwrap();
        let wrong = t
            .app
            .change_own_password(&cv, "sai", "mat-khau-cua-toi")
            .await
            .unwrap_err();
        assert!(wrong.to_string().contains("hiện tại"), "{}", t.db.name);
        t.app
            .change_own_password(&cv, "mat-khau-dat-lai", "mat-khau-cua-toi")
            .await
            .unwrap();
        t.app
            .login("cv", "mat-khau-cua-toi", "1.1.1.1", None)
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn usernames_are_unique_and_validated() {
    for t in apps().await {
        let o = org::build(&t.app).await;
        org::user(&t.app, "qt", Role::Admin, None, None).await;
        let admin = org::actor(&t.app, "qt").await;
        let dup = t
            .app
            .create_user(&admin, new_user("QT", o.inside, Role::Staff))
            .await
            .unwrap_err();
        assert!(
            dup.to_string().contains("Tên đăng nhập"),
            "{dup} on {}",
            t.db.name
        );
        let bad = t
            .app
            .create_user(&admin, new_user("nguyễn", o.inside, Role::Staff))
            .await
            .unwrap_err();
        assert_eq!(bad.code(), "validation_failed");
    }
}
