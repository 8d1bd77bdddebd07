-- Each plan's number of items and budget total, kept by triggers on
-- plan_items (any code path, cascades included), so that the overview does
-- not sum thousands of items on every request.

CREATE TABLE plan_sizes (
    plan_id BIGINT PRIMARY KEY,
    items BIGINT NOT NULL,
    budget_vnd BIGINT NOT NULL
);

INSERT INTO plan_sizes (plan_id, items, budget_vnd)
SELECT plan_id, COUNT(*), COALESCE(SUM(budget_vnd), 0) FROM plan_items GROUP BY plan_id;

CREATE FUNCTION plan_size() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE plan_sizes
        SET items = items - 1, budget_vnd = budget_vnd - COALESCE(OLD.budget_vnd, 0)
        WHERE plan_id = OLD.plan_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO plan_sizes (plan_id, items, budget_vnd)
        VALUES (NEW.plan_id, 1, COALESCE(NEW.budget_vnd, 0))
        ON CONFLICT (plan_id) DO UPDATE
            SET items = plan_sizes.items + 1,
                budget_vnd = plan_sizes.budget_vnd + COALESCE(NEW.budget_vnd, 0);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER plan_size_insert AFTER INSERT OR DELETE ON plan_items
    FOR EACH ROW EXECUTE FUNCTION plan_size();

CREATE TRIGGER plan_size_update AFTER UPDATE OF plan_id, budget_vnd ON plan_items
    FOR EACH ROW
    WHEN (OLD.plan_id IS DISTINCT FROM NEW.plan_id OR OLD.budget_vnd IS DISTINCT FROM NEW.budget_vnd)
    EXECUTE FUNCTION plan_size();

CREATE FUNCTION plan_size_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM plan_sizes WHERE plan_id = OLD.id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER plan_size_forget AFTER DELETE ON plans
    FOR EACH ROW EXECUTE FUNCTION plan_size_forget();
