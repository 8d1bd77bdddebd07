-- Periodic CCHC reports: report types as data (seeded with the ND 09/2019
-- data cut-off windows, units due on the 10th and the department on the 15th
-- of the period's last month, and one outline), rounds opened by the
-- coordinator with their dates and outline fixed, each unit's report (the
-- working draft), every submitted version, and hand corrections of figures.
-- Rules and outlines are JSON (see cchc_domain::reports).

CREATE TABLE report_types (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    window_rule TEXT,
    unit_deadline_rule TEXT,
    department_deadline_rule TEXT,
    outline_json TEXT NOT NULL,
    sort_order BIGINT NOT NULL DEFAULT 0,
    is_active BOOLEAN NOT NULL DEFAULT TRUE
);
INSERT INTO report_types (code, kind, label, window_rule, unit_deadline_rule,
    department_deadline_rule, outline_json, sort_order) VALUES
    ('q1', 'q1', 'Báo cáo quý I', '{"rule":"data_cutoff","first_month":1,"months":3}', '{"rule":"day_of_last_month","day":10}', '{"rule":"day_of_last_month","day":15}',
'{"sections":[
  {"key":"tong_quan","title":"Kết quả chung","area_code":null,"fields":[{"key":"danh_gia","label":"Đánh giá chung","type":"text","required":true},{"key":"tasks_due","label":"Số nhiệm vụ đến hạn trong kỳ","type":"figure","metric":"tasks_due","unit":"nhiệm vụ"},{"key":"tasks_done","label":"Số nhiệm vụ đã hoàn thành","type":"figure","metric":"tasks_done","unit":"nhiệm vụ"},{"key":"tasks_on_time","label":"Số nhiệm vụ hoàn thành đúng hạn","type":"figure","metric":"tasks_on_time","unit":"nhiệm vụ"},{"key":"tasks_overdue","label":"Số nhiệm vụ quá hạn chưa hoàn thành","type":"figure","metric":"tasks_overdue","unit":"nhiệm vụ"},{"key":"tasks_not_done","label":"Số nhiệm vụ không hoàn thành","type":"figure","metric":"tasks_not_done","unit":"nhiệm vụ"},{"key":"budget_vnd","label":"Kinh phí dự kiến của các nhiệm vụ đến hạn","type":"figure","metric":"budget_vnd","unit":"đồng"},{"key":"evidence_files","label":"Số tài liệu kiểm chứng","type":"figure","metric":"evidence_files","unit":"tệp"}]},
  {"key":"chi_dao","title":"Công tác chỉ đạo, điều hành cải cách hành chính","area_code":"chi_dao","fields":[{"key":"ket_qua","label":"Kết quả thực hiện","type":"text"},{"key":"tasks_due","label":"Số nhiệm vụ đến hạn trong kỳ","type":"figure","metric":"tasks_due","unit":"nhiệm vụ"},{"key":"tasks_done","label":"Số nhiệm vụ đã hoàn thành","type":"figure","metric":"tasks_done","unit":"nhiệm vụ"},{"key":"tasks_on_time","label":"Số nhiệm vụ hoàn thành đúng hạn","type":"figure","metric":"tasks_on_time","unit":"nhiệm vụ"},{"key":"tasks_overdue","label":"Số nhiệm vụ quá hạn chưa hoàn thành","type":"figure","metric":"tasks_overdue","unit":"nhiệm vụ"},{"key":"han_che","label":"Tồn tại, hạn chế và nguyên nhân","type":"text"}]},
  {"key":"the_che","title":"Cải cách thể chế","area_code":"the_che","fields":[{"key":"ket_qua","label":"Kết quả thực hiện","type":"text"},{"key":"tasks_due","label":"Số nhiệm vụ đến hạn trong kỳ","type":"figure","metric":"tasks_due","unit":"nhiệm vụ"},{"key":"tasks_done","label":"Số nhiệm vụ đã hoàn thành","type":"figure","metric":"tasks_done","unit":"nhiệm vụ"},{"key":"tasks_on_time","label":"Số nhiệm vụ hoàn thành đúng hạn","type":"figure","metric":"tasks_on_time","unit":"nhiệm vụ"},{"key":"tasks_overdue","label":"Số nhiệm vụ quá hạn chưa hoàn thành","type":"figure","metric":"tasks_overdue","unit":"nhiệm vụ"},{"key":"han_che","label":"Tồn tại, hạn chế và nguyên nhân","type":"text"}]},
  {"key":"tthc","title":"Cải cách thủ tục hành chính","area_code":"tthc","fields":[{"key":"ket_qua","label":"Kết quả thực hiện","type":"text"},{"key":"tasks_due","label":"Số nhiệm vụ đến hạn trong kỳ","type":"figure","metric":"tasks_due","unit":"nhiệm vụ"},{"key":"tasks_done","label":"Số nhiệm vụ đã hoàn thành","type":"figure","metric":"tasks_done","unit":"nhiệm vụ"},{"key":"tasks_on_time","label":"Số nhiệm vụ hoàn thành đúng hạn","type":"figure","metric":"tasks_on_time","unit":"nhiệm vụ"},{"key":"tasks_overdue","label":"Số nhiệm vụ quá hạn chưa hoàn thành","type":"figure","metric":"tasks_overdue","unit":"nhiệm vụ"},{"key":"tthc_don_gian_hoa","label":"Số thủ tục hành chính được rà soát, đơn giản hóa","type":"figure","unit":"thủ tục"},{"key":"han_che","label":"Tồn tại, hạn chế và nguyên nhân","type":"text"}]},
  {"key":"to_chuc","title":"Cải cách tổ chức bộ máy hành chính nhà nước","area_code":"to_chuc","fields":[{"key":"ket_qua","label":"Kết quả thực hiện","type":"text"},{"key":"tasks_due","label":"Số nhiệm vụ đến hạn trong kỳ","type":"figure","metric":"tasks_due","unit":"nhiệm vụ"},{"key":"tasks_done","label":"Số nhiệm vụ đã hoàn thành","type":"figure","metric":"tasks_done","unit":"nhiệm vụ"},{"key":"tasks_on_time","label":"Số nhiệm vụ hoàn thành đúng hạn","type":"figure","metric":"tasks_on_time","unit":"nhiệm vụ"},{"key":"tasks_overdue","label":"Số nhiệm vụ quá hạn chưa hoàn thành","type":"figure","metric":"tasks_overdue","unit":"nhiệm vụ"},{"key":"han_che","label":"Tồn tại, hạn chế và nguyên nhân","type":"text"}]},
  {"key":"cong_vu","title":"Cải cách chế độ công vụ","area_code":"cong_vu","fields":[{"key":"ket_qua","label":"Kết quả thực hiện","type":"text"},{"key":"tasks_due","label":"Số nhiệm vụ đến hạn trong kỳ","type":"figure","metric":"tasks_due","unit":"nhiệm vụ"},{"key":"tasks_done","label":"Số nhiệm vụ đã hoàn thành","type":"figure","metric":"tasks_done","unit":"nhiệm vụ"},{"key":"tasks_on_time","label":"Số nhiệm vụ hoàn thành đúng hạn","type":"figure","metric":"tasks_on_time","unit":"nhiệm vụ"},{"key":"tasks_overdue","label":"Số nhiệm vụ quá hạn chưa hoàn thành","type":"figure","metric":"tasks_overdue","unit":"nhiệm vụ"},{"key":"han_che","label":"Tồn tại, hạn chế và nguyên nhân","type":"text"}]},
  {"key":"tai_chinh","title":"Cải cách tài chính công","area_code":"tai_chinh","fields":[{"key":"ket_qua","label":"Kết quả thực hiện","type":"text"},{"key":"tasks_due","label":"Số nhiệm vụ đến hạn trong kỳ","type":"figure","metric":"tasks_due","unit":"nhiệm vụ"},{"key":"tasks_done","label":"Số nhiệm vụ đã hoàn thành","type":"figure","metric":"tasks_done","unit":"nhiệm vụ"},{"key":"tasks_on_time","label":"Số nhiệm vụ hoàn thành đúng hạn","type":"figure","metric":"tasks_on_time","unit":"nhiệm vụ"},{"key":"tasks_overdue","label":"Số nhiệm vụ quá hạn chưa hoàn thành","type":"figure","metric":"tasks_overdue","unit":"nhiệm vụ"},{"key":"han_che","label":"Tồn tại, hạn chế và nguyên nhân","type":"text"}]},
  {"key":"chinh_phu_so","title":"Xây dựng và phát triển Chính phủ điện tử, Chính phủ số","area_code":"chinh_phu_so","fields":[{"key":"ket_qua","label":"Kết quả thực hiện","type":"text"},{"key":"tasks_due","label":"Số nhiệm vụ đến hạn trong kỳ","type":"figure","metric":"tasks_due","unit":"nhiệm vụ"},{"key":"tasks_done","label":"Số nhiệm vụ đã hoàn thành","type":"figure","metric":"tasks_done","unit":"nhiệm vụ"},{"key":"tasks_on_time","label":"Số nhiệm vụ hoàn thành đúng hạn","type":"figure","metric":"tasks_on_time","unit":"nhiệm vụ"},{"key":"tasks_overdue","label":"Số nhiệm vụ quá hạn chưa hoàn thành","type":"figure","metric":"tasks_overdue","unit":"nhiệm vụ"},{"key":"han_che","label":"Tồn tại, hạn chế và nguyên nhân","type":"text"}]},
  {"key":"tuyen_truyen","title":"Công tác thông tin, tuyên truyền cải cách hành chính","area_code":"tuyen_truyen","fields":[{"key":"ket_qua","label":"Kết quả thực hiện","type":"text"},{"key":"tasks_due","label":"Số nhiệm vụ đến hạn trong kỳ","type":"figure","metric":"tasks_due","unit":"nhiệm vụ"},{"key":"tasks_done","label":"Số nhiệm vụ đã hoàn thành","type":"figure","metric":"tasks_done","unit":"nhiệm vụ"},{"key":"tasks_on_time","label":"Số nhiệm vụ hoàn thành đúng hạn","type":"figure","metric":"tasks_on_time","unit":"nhiệm vụ"},{"key":"tasks_overdue","label":"Số nhiệm vụ quá hạn chưa hoàn thành","type":"figure","metric":"tasks_overdue","unit":"nhiệm vụ"},{"key":"han_che","label":"Tồn tại, hạn chế và nguyên nhân","type":"text"}]},
  {"key":"kiem_tra","title":"Công tác kiểm tra cải cách hành chính","area_code":"kiem_tra","fields":[{"key":"ket_qua","label":"Kết quả thực hiện","type":"text"},{"key":"tasks_due","label":"Số nhiệm vụ đến hạn trong kỳ","type":"figure","metric":"tasks_due","unit":"nhiệm vụ"},{"key":"tasks_done","label":"Số nhiệm vụ đã hoàn thành","type":"figure","metric":"tasks_done","unit":"nhiệm vụ"},{"key":"tasks_on_time","label":"Số nhiệm vụ hoàn thành đúng hạn","type":"figure","metric":"tasks_on_time","unit":"nhiệm vụ"},{"key":"tasks_overdue","label":"Số nhiệm vụ quá hạn chưa hoàn thành","type":"figure","metric":"tasks_overdue","unit":"nhiệm vụ"},{"key":"han_che","label":"Tồn tại, hạn chế và nguyên nhân","type":"text"}]},
  {"key":"phuong_huong","title":"Phương hướng, nhiệm vụ kỳ tới","area_code":null,"fields":[{"key":"nhiem_vu","label":"Nhiệm vụ trọng tâm","type":"text"},{"key":"de_xuat","label":"Đề xuất, kiến nghị","type":"text"}]}
]}', 1);
INSERT INTO report_types (code, kind, label, window_rule, unit_deadline_rule,
    department_deadline_rule, outline_json, sort_order)
    SELECT 'h1', 'h1', 'Báo cáo 6 tháng', '{"rule":"data_cutoff","first_month":1,"months":6}', '{"rule":"day_of_last_month","day":10}', '{"rule":"day_of_last_month","day":15}', outline_json, 2
    FROM report_types WHERE code = 'q1';
INSERT INTO report_types (code, kind, label, window_rule, unit_deadline_rule,
    department_deadline_rule, outline_json, sort_order)
    SELECT 'q3', 'q3', 'Báo cáo quý III (9 tháng)', '{"rule":"data_cutoff","first_month":1,"months":9}', '{"rule":"day_of_last_month","day":10}', '{"rule":"day_of_last_month","day":15}', outline_json, 3
    FROM report_types WHERE code = 'q1';
INSERT INTO report_types (code, kind, label, window_rule, unit_deadline_rule,
    department_deadline_rule, outline_json, sort_order)
    SELECT 'annual', 'annual', 'Báo cáo năm', '{"rule":"data_cutoff","first_month":1,"months":12}', '{"rule":"day_of_last_month","day":10}', '{"rule":"day_of_last_month","day":15}', outline_json, 4
    FROM report_types WHERE code = 'q1';
INSERT INTO report_types (code, kind, label, outline_json, sort_order)
    SELECT 'adhoc', 'adhoc', 'Báo cáo đột xuất', outline_json, 5
    FROM report_types WHERE code = 'q1';

CREATE TABLE report_rounds (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type_code TEXT NOT NULL,
    kind TEXT NOT NULL,
    year BIGINT NOT NULL,
    label TEXT NOT NULL,
    unit_id BIGINT NOT NULL REFERENCES org_units(id),
    window_start DATE NOT NULL,
    window_end DATE NOT NULL,
    unit_deadline DATE,
    department_deadline DATE,
    outline_json TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    opened_by BIGINT REFERENCES users(id),
    opened_by_name TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
-- One round of each periodic type per department and year.
CREATE UNIQUE INDEX report_rounds_periodic ON report_rounds(unit_id, type_code, year)
    WHERE kind <> 'adhoc';
CREATE INDEX report_rounds_year ON report_rounds(year, window_end);

CREATE TABLE unit_reports (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    round_id BIGINT NOT NULL REFERENCES report_rounds(id) ON DELETE CASCADE,
    unit_id BIGINT NOT NULL REFERENCES org_units(id),
    status TEXT NOT NULL DEFAULT 'draft',
    texts_json TEXT NOT NULL DEFAULT '{}',
    saved_at TIMESTAMPTZ,
    saved_by_name TEXT NOT NULL DEFAULT '',
    first_submitted_at TIMESTAMPTZ,
    submitted_at TIMESTAMPTZ,
    submissions BIGINT NOT NULL DEFAULT 0,
    review_comment TEXT NOT NULL DEFAULT '',
    reviewed_by_name TEXT NOT NULL DEFAULT '',
    reviewed_at TIMESTAMPTZ,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (round_id, unit_id)
);
CREATE INDEX unit_reports_unit ON unit_reports(unit_id, status);

CREATE TABLE unit_report_versions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_report_id BIGINT NOT NULL REFERENCES unit_reports(id) ON DELETE CASCADE,
    number BIGINT NOT NULL,
    content_json TEXT NOT NULL,
    submitted_by BIGINT REFERENCES users(id),
    submitted_by_name TEXT NOT NULL,
    submitted_at TIMESTAMPTZ NOT NULL,
    outcome TEXT,
    review_comment TEXT NOT NULL DEFAULT '',
    reviewed_by BIGINT REFERENCES users(id),
    reviewed_by_name TEXT NOT NULL DEFAULT '',
    reviewed_at TIMESTAMPTZ,
    UNIQUE (unit_report_id, number)
);

-- A unit's correction of a figure of its report, or the coordinator's of the
-- department's own figures (unit_id = the round's unit).
CREATE TABLE report_figure_overrides (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    round_id BIGINT NOT NULL REFERENCES report_rounds(id) ON DELETE CASCADE,
    unit_id BIGINT NOT NULL REFERENCES org_units(id),
    field_key TEXT NOT NULL,
    value BIGINT NOT NULL,
    note TEXT NOT NULL,
    set_by BIGINT REFERENCES users(id),
    set_by_name TEXT NOT NULL,
    set_at TIMESTAMPTZ NOT NULL,
    UNIQUE (round_id, unit_id, field_key)
);
