-- A second number in the data_version row for the accounts (issue 21): the caller a request's
-- credential stands for is kept in memory by (credential, data version, accounts version), so
-- a request that hits it reads one row of one table and nothing else. Every write to users
-- or API keys changes it (disabling, a new role, a revocation, a password reset, the
-- last-used stamp of a key too: a re-read per key now and then costs less than a column list
-- that a future column could escape); home units move with org_units, whose writes change the
-- data version, the other half of the key. Deferred to the commit and once per transaction,
-- as the data version is, for the same reasons.
ALTER TABLE data_version ADD COLUMN accounts_version BIGINT NOT NULL DEFAULT 1;

CREATE FUNCTION bump_accounts_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('chitieu.accounts_version_bumped', true) IS DISTINCT FROM 'yes' THEN
        PERFORM set_config('chitieu.accounts_version_bumped', 'yes', true);
        UPDATE data_version SET accounts_version = accounts_version + 1 WHERE id = 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER users_bumps_accounts_version AFTER INSERT OR UPDATE OR DELETE ON users
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_accounts_version();
CREATE CONSTRAINT TRIGGER api_keys_bumps_accounts_version AFTER INSERT OR UPDATE OR DELETE ON api_keys
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_accounts_version();
