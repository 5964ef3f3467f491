DROP TRIGGER IF EXISTS users_insert_bumps_accounts_version;
DROP TRIGGER IF EXISTS users_update_bumps_accounts_version;
DROP TRIGGER IF EXISTS users_delete_bumps_accounts_version;
DROP TRIGGER IF EXISTS api_keys_insert_bumps_accounts_version;
DROP TRIGGER IF EXISTS api_keys_update_bumps_accounts_version;
DROP TRIGGER IF EXISTS api_keys_delete_bumps_accounts_version;
ALTER TABLE data_version DROP COLUMN accounts_version;
