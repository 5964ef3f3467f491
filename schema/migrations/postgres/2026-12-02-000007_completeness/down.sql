CREATE INDEX plan_item_assignments_unit ON plan_item_assignments (unit_id);
DROP INDEX plan_item_assignments_unit_item;
