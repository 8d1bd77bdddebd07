-- Plans and tracking: reform areas, plans, plan items (sections, groups,
-- tasks), assigned units, occurrences, per-unit tracking with history and
-- evidence, content-addressed file blobs, calendar overrides, in-app
-- notifications and the reminder log.

CREATE TABLE reform_areas (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    sort_order INTEGER NOT NULL DEFAULT 0
);
INSERT INTO reform_areas (code, name, sort_order) VALUES
    ('chi_dao', 'Công tác chỉ đạo, điều hành cải cách hành chính', 1),
    ('the_che', 'Cải cách thể chế', 2),
    ('tthc', 'Cải cách thủ tục hành chính', 3),
    ('to_chuc', 'Cải cách tổ chức bộ máy hành chính nhà nước', 4),
    ('cong_vu', 'Cải cách chế độ công vụ', 5),
    ('tai_chinh', 'Cải cách tài chính công', 6),
    ('chinh_phu_so', 'Xây dựng và phát triển Chính phủ điện tử, Chính phủ số', 7),
    ('tuyen_truyen', 'Công tác thông tin, tuyên truyền cải cách hành chính', 8),
    ('kiem_tra', 'Công tác kiểm tra cải cách hành chính', 9);

CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY NOT NULL,
    size_bytes INTEGER NOT NULL,
    content BLOB NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE plans (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    search_folded TEXT NOT NULL,
    issuing_unit_id INTEGER NOT NULL REFERENCES org_units(id),
    issued_on TEXT,
    first_year INTEGER NOT NULL,
    last_year INTEGER NOT NULL,
    legal_bases TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'draft',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE plan_attachments (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    sha256 TEXT NOT NULL REFERENCES blobs(sha256),
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    uploaded_by INTEGER REFERENCES users(id),
    uploader_name TEXT NOT NULL,
    uploaded_at TEXT NOT NULL
);
CREATE INDEX plan_attachments_plan ON plan_attachments(plan_id);

CREATE TABLE plan_items (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES plan_items(id) ON DELETE CASCADE,
    area_id INTEGER REFERENCES reform_areas(id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    number TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL,
    indicator TEXT NOT NULL DEFAULT '',
    output TEXT NOT NULL DEFAULT '',
    budget_vnd INTEGER,
    lead_text TEXT NOT NULL DEFAULT '',
    cooperating_text TEXT NOT NULL DEFAULT '',
    start_text TEXT NOT NULL DEFAULT '',
    end_text TEXT,
    note TEXT NOT NULL DEFAULT '',
    extra_json TEXT NOT NULL DEFAULT '{}',
    search_folded TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX plan_items_plan ON plan_items(plan_id, parent_id, position);

CREATE TABLE task_units (
    item_id INTEGER NOT NULL REFERENCES plan_items(id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES org_units(id),
    role TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (item_id, unit_id)
);
CREATE INDEX task_units_unit ON task_units(unit_id);

CREATE TABLE occurrences (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    item_id INTEGER NOT NULL REFERENCES plan_items(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    label TEXT NOT NULL,
    window_start TEXT,
    nominal_due TEXT,
    due_on TEXT,
    decision TEXT,
    due_source TEXT NOT NULL DEFAULT 'schedule',
    event_label TEXT,
    event_offset_json TEXT,
    event_on TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX occurrences_item ON occurrences(item_id, seq);
CREATE INDEX occurrences_plan_due ON occurrences(plan_id, due_on);
CREATE INDEX occurrences_due ON occurrences(due_on);

CREATE TABLE tracking (
    id INTEGER PRIMARY KEY,
    occurrence_id INTEGER NOT NULL REFERENCES occurrences(id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES org_units(id),
    role TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'not_started',
    progress_pct INTEGER NOT NULL DEFAULT 0,
    result_text TEXT NOT NULL DEFAULT '',
    achieved_value REAL,
    reason TEXT NOT NULL DEFAULT '',
    completed_on TEXT,
    review TEXT NOT NULL DEFAULT 'none',
    review_comment TEXT NOT NULL DEFAULT '',
    updated_by INTEGER REFERENCES users(id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (occurrence_id, unit_id)
);
CREATE INDEX tracking_unit_status ON tracking(unit_id, status);

CREATE TABLE tracking_events (
    id INTEGER PRIMARY KEY,
    tracking_id INTEGER NOT NULL REFERENCES tracking(id) ON DELETE CASCADE,
    action TEXT NOT NULL,
    status TEXT NOT NULL,
    progress_pct INTEGER NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    actor_user_id INTEGER REFERENCES users(id),
    actor_name TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX tracking_events_tracking ON tracking_events(tracking_id, at);

CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    tracking_id INTEGER NOT NULL REFERENCES tracking(id) ON DELETE CASCADE,
    sha256 TEXT NOT NULL REFERENCES blobs(sha256),
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    uploaded_by INTEGER REFERENCES users(id),
    uploader_name TEXT NOT NULL,
    uploaded_at TEXT NOT NULL,
    removed_at TEXT
);
CREATE INDEX evidence_tracking ON evidence(tracking_id);

CREATE TABLE calendar_overrides (
    id INTEGER PRIMARY KEY,
    day TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL
);

CREATE TABLE notifications (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    unit_id INTEGER REFERENCES org_units(id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    link TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    read_at TEXT
);
CREATE INDEX notifications_user ON notifications(user_id, read_at);

CREATE TABLE reminders (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES org_units(id),
    kind TEXT NOT NULL,
    dedupe_key TEXT NOT NULL,
    day TEXT NOT NULL,
    items_count INTEGER NOT NULL,
    message TEXT NOT NULL,
    sent_by INTEGER REFERENCES users(id),
    email_to TEXT NOT NULL DEFAULT '',
    email_status TEXT NOT NULL DEFAULT 'skipped',
    created_at TEXT NOT NULL,
    UNIQUE (unit_id, dedupe_key, day)
);
CREATE INDEX reminders_day ON reminders(day);
