-- One number that changes in the same transaction as every write that can change a progress
-- report, a roll-up or a completeness answer (issue 21): readers derive their ETag and the key
-- of the rendered-answer cache from it, so an answer is never served for data it was not
-- computed from, on one process or on several sharing the database. Triggers, not calls in
-- the Rust write paths, so that no write path (today's or a future bulk import) can forget it.
-- SQLite has only row triggers: one cheap in-page update per written row.
CREATE TABLE data_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO data_version (id, version) VALUES (1, 1);
CREATE TRIGGER org_units_insert_bumps_data_version AFTER INSERT ON org_units
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER org_units_update_bumps_data_version AFTER UPDATE ON org_units
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER org_units_delete_bumps_data_version AFTER DELETE ON org_units
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER org_unit_successions_insert_bumps_data_version AFTER INSERT ON org_unit_successions
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER org_unit_successions_update_bumps_data_version AFTER UPDATE ON org_unit_successions
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER org_unit_successions_delete_bumps_data_version AFTER DELETE ON org_unit_successions
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER catalogs_insert_bumps_data_version AFTER INSERT ON catalogs
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER catalogs_update_bumps_data_version AFTER UPDATE ON catalogs
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER catalogs_delete_bumps_data_version AFTER DELETE ON catalogs
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER catalog_sections_insert_bumps_data_version AFTER INSERT ON catalog_sections
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER catalog_sections_update_bumps_data_version AFTER UPDATE ON catalog_sections
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER catalog_sections_delete_bumps_data_version AFTER DELETE ON catalog_sections
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER indicators_insert_bumps_data_version AFTER INSERT ON indicators
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER indicators_update_bumps_data_version AFTER UPDATE ON indicators
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER indicators_delete_bumps_data_version AFTER DELETE ON indicators
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER plans_insert_bumps_data_version AFTER INSERT ON plans
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER plans_update_bumps_data_version AFTER UPDATE ON plans
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER plans_delete_bumps_data_version AFTER DELETE ON plans
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER plan_items_insert_bumps_data_version AFTER INSERT ON plan_items
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER plan_items_update_bumps_data_version AFTER UPDATE ON plan_items
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER plan_items_delete_bumps_data_version AFTER DELETE ON plan_items
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER plan_item_targets_insert_bumps_data_version AFTER INSERT ON plan_item_targets
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER plan_item_targets_update_bumps_data_version AFTER UPDATE ON plan_item_targets
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER plan_item_targets_delete_bumps_data_version AFTER DELETE ON plan_item_targets
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER plan_item_assignments_insert_bumps_data_version AFTER INSERT ON plan_item_assignments
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER plan_item_assignments_update_bumps_data_version AFTER UPDATE ON plan_item_assignments
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER plan_item_assignments_delete_bumps_data_version AFTER DELETE ON plan_item_assignments
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER reports_insert_bumps_data_version AFTER INSERT ON reports
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER reports_update_bumps_data_version AFTER UPDATE ON reports
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER reports_delete_bumps_data_version AFTER DELETE ON reports
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER report_values_insert_bumps_data_version AFTER INSERT ON report_values
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER report_values_update_bumps_data_version AFTER UPDATE ON report_values
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER report_values_delete_bumps_data_version AFTER DELETE ON report_values
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER report_sections_insert_bumps_data_version AFTER INSERT ON report_sections
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER report_sections_update_bumps_data_version AFTER UPDATE ON report_sections
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER report_sections_delete_bumps_data_version AFTER DELETE ON report_sections
    BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;
