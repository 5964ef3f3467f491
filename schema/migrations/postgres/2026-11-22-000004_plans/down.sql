DROP TABLE plan_item_assignments;
DROP TABLE plan_item_targets;
DROP TABLE plan_items;
DROP TABLE plans;
