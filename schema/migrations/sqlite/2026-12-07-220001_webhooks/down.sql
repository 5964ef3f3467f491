DELETE FROM sync_outbox WHERE webhook_id IS NOT NULL;
DROP INDEX sync_outbox_webhook;
ALTER TABLE sync_outbox DROP COLUMN payload;
ALTER TABLE sync_outbox DROP COLUMN event_id;
ALTER TABLE sync_outbox DROP COLUMN webhook_id;
DROP TABLE webhooks;
