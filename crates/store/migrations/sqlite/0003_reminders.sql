-- Reminders: how many people each reminder reached, and the notification
-- list's order (newest first per user).

ALTER TABLE reminders ADD COLUMN recipients INTEGER NOT NULL DEFAULT 0;
CREATE INDEX notifications_user_created ON notifications(user_id, created_at);
