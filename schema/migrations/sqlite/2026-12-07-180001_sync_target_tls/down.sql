ALTER TABLE sync_targets DROP COLUMN tls;
