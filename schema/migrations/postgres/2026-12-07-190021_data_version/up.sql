-- One number that changes in the same transaction as every write that can change a progress
-- report, a roll-up or a completeness answer (issue 21): readers derive their ETag and the key
-- of the rendered-answer cache from it, so an answer is never served for data it was not
-- computed from, on one process or on several replicas sharing the database. Triggers, not
-- calls in the Rust write paths, so that no write path (today's or a future bulk import) can
-- forget it.
--
-- The triggers are deferred to the commit and bump once per transaction (a transaction-local
-- setting remembers it): the row of data_version is locked only while committing, so writers
-- of unrelated units do not wait for each other's whole transactions, and since nothing else
-- is locked after it no two writers can deadlock on it.
CREATE TABLE data_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO data_version (id, version) VALUES (1, 1);

CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('chitieu.data_version_bumped', true) IS DISTINCT FROM 'yes' THEN
        PERFORM set_config('chitieu.data_version_bumped', 'yes', true);
        UPDATE data_version SET version = version + 1 WHERE id = 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER org_units_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON org_units
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
CREATE CONSTRAINT TRIGGER org_unit_successions_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON org_unit_successions
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
CREATE CONSTRAINT TRIGGER catalogs_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON catalogs
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
CREATE CONSTRAINT TRIGGER catalog_sections_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON catalog_sections
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
CREATE CONSTRAINT TRIGGER indicators_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON indicators
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
CREATE CONSTRAINT TRIGGER plans_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON plans
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
CREATE CONSTRAINT TRIGGER plan_items_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON plan_items
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
CREATE CONSTRAINT TRIGGER plan_item_targets_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON plan_item_targets
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
CREATE CONSTRAINT TRIGGER plan_item_assignments_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON plan_item_assignments
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
CREATE CONSTRAINT TRIGGER reports_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON reports
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
CREATE CONSTRAINT TRIGGER report_values_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON report_values
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
CREATE CONSTRAINT TRIGGER report_sections_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON report_sections
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
