DELETE FROM sync_outbox WHERE webhook_id IS NOT NULL;
DROP INDEX sync_outbox_webhook;
ALTER TABLE sync_outbox DROP COLUMN payload;
ALTER TABLE sync_outbox DROP COLUMN event_id;
ALTER TABLE sync_outbox DROP COLUMN webhook_id;
ALTER TABLE sync_outbox ADD CONSTRAINT sync_outbox_target_code_fkey
    FOREIGN KEY (target_code) REFERENCES sync_targets (code);
ALTER TABLE sync_outbox ALTER COLUMN report_id SET NOT NULL;
DROP TABLE webhooks;
