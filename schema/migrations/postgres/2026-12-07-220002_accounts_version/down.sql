DROP TRIGGER IF EXISTS users_bumps_accounts_version ON users;
DROP TRIGGER IF EXISTS api_keys_bumps_accounts_version ON api_keys;
DROP FUNCTION bump_accounts_version();
ALTER TABLE data_version DROP COLUMN accounts_version;
