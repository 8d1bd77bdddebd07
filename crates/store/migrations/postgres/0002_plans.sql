-- Plans and tracking: reform areas, plans, plan items (sections, groups,
-- tasks), assigned units, occurrences, per-unit tracking with history and
-- evidence, content-addressed file blobs, calendar overrides, in-app
-- notifications and the reminder log.

CREATE TABLE reform_areas (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    sort_order BIGINT NOT NULL DEFAULT 0
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
    size_bytes BIGINT NOT NULL,
    content BYTEA NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE plans (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    search_folded TEXT NOT NULL,
    issuing_unit_id BIGINT NOT NULL REFERENCES org_units(id),
    issued_on DATE,
    first_year BIGINT NOT NULL,
    last_year BIGINT NOT NULL,
    legal_bases TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'draft',
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE plan_attachments (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id BIGINT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    sha256 TEXT NOT NULL REFERENCES blobs(sha256),
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    uploaded_by BIGINT REFERENCES users(id),
    uploader_name TEXT NOT NULL,
    uploaded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX plan_attachments_plan ON plan_attachments(plan_id);

CREATE TABLE plan_items (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id BIGINT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    parent_id BIGINT REFERENCES plan_items(id) ON DELETE CASCADE,
    area_id BIGINT REFERENCES reform_areas(id),
    position BIGINT NOT NULL,
    kind TEXT NOT NULL,
    number TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL,
    indicator TEXT NOT NULL DEFAULT '',
    output TEXT NOT NULL DEFAULT '',
    budget_vnd BIGINT,
    lead_text TEXT NOT NULL DEFAULT '',
    cooperating_text TEXT NOT NULL DEFAULT '',
    start_text TEXT NOT NULL DEFAULT '',
    end_text TEXT,
    note TEXT NOT NULL DEFAULT '',
    extra_json TEXT NOT NULL DEFAULT '{}',
    search_folded TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX plan_items_plan ON plan_items(plan_id, parent_id, position);

CREATE TABLE task_units (
    item_id BIGINT NOT NULL REFERENCES plan_items(id) ON DELETE CASCADE,
    unit_id BIGINT NOT NULL REFERENCES org_units(id),
    role TEXT NOT NULL,
    position BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (item_id, unit_id)
);
CREATE INDEX task_units_unit ON task_units(unit_id);

CREATE TABLE occurrences (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id BIGINT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    item_id BIGINT NOT NULL REFERENCES plan_items(id) ON DELETE CASCADE,
    seq BIGINT NOT NULL,
    label TEXT NOT NULL,
    window_start DATE,
    nominal_due DATE,
    due_on DATE,
    decision TEXT,
    due_source TEXT NOT NULL DEFAULT 'schedule',
    event_label TEXT,
    event_offset_json TEXT,
    event_on DATE,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX occurrences_item ON occurrences(item_id, seq);
CREATE INDEX occurrences_plan_due ON occurrences(plan_id, due_on);
CREATE INDEX occurrences_due ON occurrences(due_on);

CREATE TABLE tracking (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurrence_id BIGINT NOT NULL REFERENCES occurrences(id) ON DELETE CASCADE,
    unit_id BIGINT NOT NULL REFERENCES org_units(id),
    role TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'not_started',
    progress_pct BIGINT NOT NULL DEFAULT 0,
    result_text TEXT NOT NULL DEFAULT '',
    achieved_value DOUBLE PRECISION,
    reason TEXT NOT NULL DEFAULT '',
    completed_on DATE,
    review TEXT NOT NULL DEFAULT 'none',
    review_comment TEXT NOT NULL DEFAULT '',
    updated_by BIGINT REFERENCES users(id),
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (occurrence_id, unit_id)
);
CREATE INDEX tracking_unit_status ON tracking(unit_id, status);

CREATE TABLE tracking_events (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tracking_id BIGINT NOT NULL REFERENCES tracking(id) ON DELETE CASCADE,
    action TEXT NOT NULL,
    status TEXT NOT NULL,
    progress_pct BIGINT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    actor_user_id BIGINT REFERENCES users(id),
    actor_name TEXT NOT NULL,
    at TIMESTAMPTZ NOT NULL
);
CREATE INDEX tracking_events_tracking ON tracking_events(tracking_id, at);

CREATE TABLE evidence (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tracking_id BIGINT NOT NULL REFERENCES tracking(id) ON DELETE CASCADE,
    sha256 TEXT NOT NULL REFERENCES blobs(sha256),
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    uploaded_by BIGINT REFERENCES users(id),
    uploader_name TEXT NOT NULL,
    uploaded_at TIMESTAMPTZ NOT NULL,
    removed_at TIMESTAMPTZ
);
CREATE INDEX evidence_tracking ON evidence(tracking_id);

CREATE TABLE calendar_overrides (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    day DATE NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    created_by BIGINT REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE notifications (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    unit_id BIGINT REFERENCES org_units(id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    link TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    read_at TIMESTAMPTZ
);
CREATE INDEX notifications_user ON notifications(user_id, read_at);

CREATE TABLE reminders (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id BIGINT NOT NULL REFERENCES org_units(id),
    kind TEXT NOT NULL,
    dedupe_key TEXT NOT NULL,
    day DATE NOT NULL,
    items_count BIGINT NOT NULL,
    message TEXT NOT NULL,
    sent_by BIGINT REFERENCES users(id),
    email_to TEXT NOT NULL DEFAULT '',
    email_status TEXT NOT NULL DEFAULT 'skipped',
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (unit_id, dedupe_key, day)
);
CREATE INDEX reminders_day ON reminders(day);
