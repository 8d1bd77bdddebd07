use chrono::Duration;

use cchc_app::AppError;
use cchc_domain::roles::Role;
use cchc_store::audit::AuditFilter;
use cchc_testkit::{apps, org};

#[tokio::test]
async fn login_creates_a_session_that_expires_when_idle() {
    for t in apps().await {
        let o = org::build(&t.app).await;
        org::user(&t.app, "cv", Role::Staff, Some(o.inside), Some(o.inside)).await;
        let token = t
            .app
            .login("CV ", org::PASSWORD, "10.0.0.1", Some("test"))
            .await
            .unwrap();
        let actor = t.app.session_actor(&token, None).await.unwrap();
        assert_eq!(actor.username, "cv", "{}", t.db.name);
        assert!(actor.covers(&[Role::Staff], o.inside_child));
        assert!(!actor.covers(&[Role::Staff], o.outside));

        // Use within the idle window keeps it alive; a long pause ends it.
        t.clock.advance(Duration::minutes(100));
        t.app.session_actor(&token, None).await.unwrap();
        t.clock.advance(Duration::minutes(121));
        assert!(
            matches!(
                t.app.session_actor(&token, None).await,
                Err(AppError::Unauthenticated)
            ),
            "{}",
            t.db.name
        );
    }
}

/// Requests read the session; its last use is written at most once a
/// minute, so the idle window may close up to a minute early, never late.
#[tokio::test]
async fn a_session_records_its_use_at_most_once_a_minute() {
    for t in apps().await {
        let o = org::build(&t.app).await;
        org::user(&t.app, "cv", Role::Staff, Some(o.inside), None).await;
        let token = t
            .app
            .login("cv", org::PASSWORD, "10.0.0.1", None)
            .await
            .unwrap();
        t.clock.advance(Duration::seconds(30));
        t.app.session_actor(&token, None).await.unwrap();
        // 120 min after login, 119.5 min after that unrecorded use.
        t.clock.advance(Duration::seconds(119 * 60 + 30));
        assert!(
            t.app.session_actor(&token, None).await.is_err(),
            "{}",
            t.db.name
        );

        let token = t
            .app
            .login("cv", org::PASSWORD, "10.0.0.1", None)
            .await
            .unwrap();
        t.clock.advance(Duration::seconds(61));
        t.app.session_actor(&token, None).await.unwrap();
        t.clock.advance(Duration::seconds(119 * 60 + 30));
        t.app.session_actor(&token, None).await.unwrap();
    }
}

#[tokio::test]
async fn session_ends_at_absolute_expiry_and_on_logout() {
    for t in apps().await {
        let o = org::build(&t.app).await;
        org::user(&t.app, "cv", Role::Staff, Some(o.inside), None).await;
        let token = t
            .app
            .login("cv", org::PASSWORD, "10.0.0.1", None)
            .await
            .unwrap();
        for _ in 0..12 {
            t.clock.advance(Duration::minutes(59));
            t.app.session_actor(&token, None).await.unwrap();
        }
        t.clock.advance(Duration::minutes(59));
        assert!(
            t.app.session_actor(&token, None).await.is_err(),
            "absolute expiry on {}",
            t.db.name
        );

        let token = t
            .app
            .login("cv", org::PASSWORD, "10.0.0.1", None)
            .await
            .unwrap();
        t.app.logout(&token, None).await.unwrap();
        assert!(t.app.session_actor(&token, None).await.is_err());
    }
}

#[tokio::test]
async fn repeated_failures_lock_the_account_for_a_while() {
    for t in apps().await {
        let o = org::build(&t.app).await;
        org::user(&t.app, "cv", Role::Staff, Some(o.inside), None).await;
        for _ in 0..5 {
            let e = t
                .app
                .login("cv", "sai-mat-khau", "10.0.0.1", None)
                .await
                .unwrap_err();
            assert!(matches!(e, AppError::InvalidCredentials), "{e:?}");
        }
        // Even the right password is refused now, from any address.
        let e = t
            .app
            .login("cv", org::PASSWORD, "10.0.0.2", None)
            .await
            .unwrap_err();
        assert!(
            matches!(e, AppError::TooManyAttempts { minutes: 15 }),
            "{e:?} on {}",
            t.db.name
        );
        assert!(e.to_string().contains("15 phút"));
        t.clock.advance(Duration::minutes(16));
        t.app
            .login("cv", org::PASSWORD, "10.0.0.2", None)
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn failures_from_one_address_are_throttled_across_accounts() {
    for t in apps().await {
        for i in 0..50 {
            let _ = t
                .app
                .login(&format!("khong-co-{i}"), "x", "10.9.9.9", None)
                .await;
        }
        let o = org::build(&t.app).await;
        org::user(&t.app, "cv", Role::Staff, Some(o.inside), None).await;
        let e = t
            .app
            .login("cv", org::PASSWORD, "10.9.9.9", None)
            .await
            .unwrap_err();
        assert!(
            matches!(e, AppError::TooManyAttempts { .. }),
            "{}",
            t.db.name
        );
        t.app
            .login("cv", org::PASSWORD, "10.1.1.1", None)
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn api_tokens_are_stored_hashed_and_can_be_revoked() {
    for t in apps().await {
        let o = org::build(&t.app).await;
        org::user(&t.app, "cv", Role::Staff, Some(o.inside), None).await;
        let token = t
            .app
            .api_login("cv", org::PASSWORD, "10.0.0.1")
            .await
            .unwrap();
        assert!(token.len() >= 43);
        t.app.token_actor(&token, None).await.unwrap();
        t.app.revoke_token(&token, None).await.unwrap();
        assert!(t.app.token_actor(&token, None).await.is_err());
        // A session cookie is not an API token and vice versa.
        let session = t
            .app
            .login("cv", org::PASSWORD, "10.0.0.1", None)
            .await
            .unwrap();
        assert!(t.app.token_actor(&session, None).await.is_err());
    }
}

#[tokio::test]
async fn logins_and_failures_are_audited() {
    for t in apps().await {
        let o = org::build(&t.app).await;
        org::user(&t.app, "cv", Role::Staff, Some(o.inside), None).await;
        org::user(&t.app, "qt", Role::Admin, None, None).await;
        let _ = t.app.login("cv", "sai", "10.0.0.7", None).await;
        let admin = org::actor(&t.app, "qt").await;
        let filter = AuditFilter {
            action: Some("login_failed".into()),
            ..Default::default()
        };
        let page = t.app.audit_log(&admin, &filter, 1, 50).await.unwrap();
        assert_eq!(page.total, 1, "{}", t.db.name);
        assert_eq!(page.entries[0].actor_name, "cv");
        assert_eq!(page.entries[0].ip.as_deref(), Some("10.0.0.7"));
        let staff = org::actor(&t.app, "cv").await;
        assert!(matches!(
            t.app.audit_log(&staff, &filter, 1, 50).await,
            Err(AppError::Forbidden)
        ));
    }
}
