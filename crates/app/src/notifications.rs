//! A user's own notifications: list, unread count, mark read. Reading is a
//! personal state, not a change to shared data, so it is not audited.

use serde::Serialize;

use cchc_domain::actor::Actor;
use cchc_store::notifications::{self as store, NotificationRow};

use crate::{App, AppError, Result};

#[derive(Debug, Clone, Serialize)]
pub struct NotificationPage {
    pub items: Vec<NotificationRow>,
    pub total: i64,
    pub unread: i64,
    pub page: i64,
    pub per_page: i64,
}

impl App {
    /// The actor's notifications, newest first.
    pub async fn notifications(
        &self,
        actor: &Actor,
        unread_only: bool,
        page: i64,
        per_page: i64,
    ) -> Result<NotificationPage> {
        let per_page = per_page.clamp(1, 200);
        let page = page.max(1);
        let mut tx = self.db.read().await?;
        let (items, total) = store::list(
            &mut tx,
            actor.user_id,
            unread_only,
            per_page,
            (page - 1) * per_page,
        )
        .await?;
        let unread = store::unread_count(&mut tx, actor.user_id).await?;
        Ok(NotificationPage {
            items,
            total,
            unread,
            page,
            per_page,
        })
    }

    pub async fn unread_notifications(&self, actor: &Actor) -> Result<i64> {
        let mut tx = self.db.read().await?;
        Ok(store::unread_count(&mut tx, actor.user_id).await?)
    }

    /// Marks one of the actor's own notifications read.
    pub async fn mark_notification_read(&self, actor: &Actor, id: i64) -> Result<()> {
        let mut tx = self.db.write().await?;
        if !store::mark_read(&mut tx, actor.user_id, id, self.now()).await? {
            return Err(AppError::NotFound("Không tìm thấy thông báo."));
        }
        tx.commit().await?;
        Ok(())
    }

    /// Marks all of the actor's notifications read; returns how many were unread.
    pub async fn mark_all_notifications_read(&self, actor: &Actor) -> Result<u64> {
        let mut tx = self.db.write().await?;
        let n = store::mark_all_read(&mut tx, actor.user_id, self.now()).await?;
        tx.commit().await?;
        Ok(n)
    }
}
