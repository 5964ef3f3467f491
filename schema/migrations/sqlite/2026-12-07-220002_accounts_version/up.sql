-- A second number in the data_version row for the accounts (issue 21): the caller a request's
-- credential stands for is kept in memory by (credential, data version, accounts version), so
-- a request that hits it reads one row of one table and nothing else. Every write to users
-- or API keys changes it (disabling, a new role, a revocation, a password reset, the
-- last-used stamp of a key too: a re-read per key now and then costs less than a column list
-- that a future column could escape); home units move with org_units, whose writes change the
-- data version, the other half of the key.
ALTER TABLE data_version ADD COLUMN accounts_version BIGINT NOT NULL DEFAULT 1;
CREATE TRIGGER users_insert_bumps_accounts_version AFTER INSERT ON users
    BEGIN UPDATE data_version SET accounts_version = accounts_version + 1 WHERE id = 1; END;
CREATE TRIGGER users_update_bumps_accounts_version AFTER UPDATE ON users
    BEGIN UPDATE data_version SET accounts_version = accounts_version + 1 WHERE id = 1; END;
CREATE TRIGGER users_delete_bumps_accounts_version AFTER DELETE ON users
    BEGIN UPDATE data_version SET accounts_version = accounts_version + 1 WHERE id = 1; END;
CREATE TRIGGER api_keys_insert_bumps_accounts_version AFTER INSERT ON api_keys
    BEGIN UPDATE data_version SET accounts_version = accounts_version + 1 WHERE id = 1; END;
CREATE TRIGGER api_keys_update_bumps_accounts_version AFTER UPDATE ON api_keys
    BEGIN UPDATE data_version SET accounts_version = accounts_version + 1 WHERE id = 1; END;
CREATE TRIGGER api_keys_delete_bumps_accounts_version AFTER DELETE ON api_keys
    BEGIN UPDATE data_version SET accounts_version = accounts_version + 1 WHERE id = 1; END;
