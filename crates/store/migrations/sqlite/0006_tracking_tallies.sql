-- Tallies of tracking rows by plan, reform area, unit, status and due date,
-- kept by triggers on every insert, delete and change of those columns
-- (from any code path, cascades included). The plan overview reads a few
-- hundred tallies instead of counting tens of thousands of rows; overdue
-- counts stay exact because the due date is part of the key.
-- A missing plan or area is keyed 0 and a missing due date '9999-12-31'
-- (never overdue), as NULL keys would never conflict in an upsert.

CREATE TABLE tracking_tallies (
    plan_id INTEGER NOT NULL,
    area_key INTEGER NOT NULL,
    unit_id INTEGER NOT NULL,
    status TEXT NOT NULL,
    due_key TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (plan_id, area_key, unit_id, status, due_key)
);

INSERT INTO tracking_tallies (plan_id, area_key, unit_id, status, due_key, n)
SELECT COALESCE(plan_id, 0), COALESCE(area_id, 0), unit_id, status,
       COALESCE(due_on, '9999-12-31'), COUNT(*)
FROM tracking
GROUP BY COALESCE(plan_id, 0), COALESCE(area_id, 0), unit_id, status, COALESCE(due_on, '9999-12-31');

CREATE TRIGGER tracking_tally_insert AFTER INSERT ON tracking
BEGIN
    INSERT INTO tracking_tallies (plan_id, area_key, unit_id, status, due_key, n)
    VALUES (COALESCE(NEW.plan_id, 0), COALESCE(NEW.area_id, 0), NEW.unit_id, NEW.status,
            COALESCE(NEW.due_on, '9999-12-31'), 1)
    ON CONFLICT (plan_id, area_key, unit_id, status, due_key) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER tracking_tally_delete AFTER DELETE ON tracking
BEGIN
    UPDATE tracking_tallies SET n = n - 1
    WHERE plan_id = COALESCE(OLD.plan_id, 0) AND area_key = COALESCE(OLD.area_id, 0)
      AND unit_id = OLD.unit_id AND status = OLD.status
      AND due_key = COALESCE(OLD.due_on, '9999-12-31');
    DELETE FROM tracking_tallies
    WHERE plan_id = COALESCE(OLD.plan_id, 0) AND area_key = COALESCE(OLD.area_id, 0)
      AND unit_id = OLD.unit_id AND status = OLD.status
      AND due_key = COALESCE(OLD.due_on, '9999-12-31') AND n <= 0;
END;

CREATE TRIGGER tracking_tally_update AFTER UPDATE OF plan_id, area_id, unit_id, status, due_on ON tracking
WHEN OLD.plan_id IS NOT NEW.plan_id OR OLD.area_id IS NOT NEW.area_id
  OR OLD.unit_id IS NOT NEW.unit_id OR OLD.status IS NOT NEW.status
  OR OLD.due_on IS NOT NEW.due_on
BEGIN
    UPDATE tracking_tallies SET n = n - 1
    WHERE plan_id = COALESCE(OLD.plan_id, 0) AND area_key = COALESCE(OLD.area_id, 0)
      AND unit_id = OLD.unit_id AND status = OLD.status
      AND due_key = COALESCE(OLD.due_on, '9999-12-31');
    DELETE FROM tracking_tallies
    WHERE plan_id = COALESCE(OLD.plan_id, 0) AND area_key = COALESCE(OLD.area_id, 0)
      AND unit_id = OLD.unit_id AND status = OLD.status
      AND due_key = COALESCE(OLD.due_on, '9999-12-31') AND n <= 0;
    INSERT INTO tracking_tallies (plan_id, area_key, unit_id, status, due_key, n)
    VALUES (COALESCE(NEW.plan_id, 0), COALESCE(NEW.area_id, 0), NEW.unit_id, NEW.status,
            COALESCE(NEW.due_on, '9999-12-31'), 1)
    ON CONFLICT (plan_id, area_key, unit_id, status, due_key) DO UPDATE SET n = n + 1;
END;

-- Pages of a section read items by position within a plan, and the
-- overview sums the plan's budget: both from this index alone.
CREATE INDEX plan_items_position ON plan_items(plan_id, position, budget_vnd);
