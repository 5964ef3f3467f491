ALTER TABLE sync_outbox DROP COLUMN template_version;
ALTER TABLE sync_targets DROP COLUMN template;
