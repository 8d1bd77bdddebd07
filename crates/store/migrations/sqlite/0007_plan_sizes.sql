-- Each plan's number of items and budget total, kept by triggers on
-- plan_items (any code path, cascades included), so that the overview does
-- not sum thousands of items on every request.

CREATE TABLE plan_sizes (
    plan_id INTEGER PRIMARY KEY,
    items INTEGER NOT NULL,
    budget_vnd INTEGER NOT NULL
);

INSERT INTO plan_sizes (plan_id, items, budget_vnd)
SELECT plan_id, COUNT(*), COALESCE(SUM(budget_vnd), 0) FROM plan_items GROUP BY plan_id;

CREATE TRIGGER plan_size_insert AFTER INSERT ON plan_items
BEGIN
    INSERT INTO plan_sizes (plan_id, items, budget_vnd)
    VALUES (NEW.plan_id, 1, COALESCE(NEW.budget_vnd, 0))
    ON CONFLICT (plan_id) DO UPDATE
        SET items = items + 1, budget_vnd = budget_vnd + COALESCE(NEW.budget_vnd, 0);
END;

CREATE TRIGGER plan_size_delete AFTER DELETE ON plan_items
BEGIN
    UPDATE plan_sizes SET items = items - 1, budget_vnd = budget_vnd - COALESCE(OLD.budget_vnd, 0)
    WHERE plan_id = OLD.plan_id;
END;

CREATE TRIGGER plan_size_update AFTER UPDATE OF plan_id, budget_vnd ON plan_items
WHEN OLD.plan_id IS NOT NEW.plan_id OR OLD.budget_vnd IS NOT NEW.budget_vnd
BEGIN
    UPDATE plan_sizes SET items = items - 1, budget_vnd = budget_vnd - COALESCE(OLD.budget_vnd, 0)
    WHERE plan_id = OLD.plan_id;
    INSERT INTO plan_sizes (plan_id, items, budget_vnd)
    VALUES (NEW.plan_id, 1, COALESCE(NEW.budget_vnd, 0))
    ON CONFLICT (plan_id) DO UPDATE
        SET items = items + 1, budget_vnd = budget_vnd + COALESCE(NEW.budget_vnd, 0);
END;

CREATE TRIGGER plan_size_forget AFTER DELETE ON plans
BEGIN
    DELETE FROM plan_sizes WHERE plan_id = OLD.id;
END;
