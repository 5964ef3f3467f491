-- Webhook subscriptions: a receiver's URL, the event types it wants and the subtree it covers.
-- The signing secret must be kept to sign (an HMAC key cannot be hashed); it is answered once,
-- at creation and at rotation. The previous secret signs too until `previous_secret_until`, so
-- a receiver can switch without losing deliveries.
CREATE TABLE webhooks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_code TEXT NOT NULL,
    unit_path TEXT NOT NULL,
    url TEXT NOT NULL,
    events TEXT NOT NULL,
    description TEXT,
    secret TEXT NOT NULL,
    previous_secret TEXT,
    previous_secret_until TIMESTAMP,
    enabled BOOLEAN NOT NULL DEFAULT 1,
    disabled_reason TEXT,
    created_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX webhooks_unit_path ON webhooks (unit_path);

-- Webhook deliveries are outbox entries too: the same claiming, leases, backoff and dead
-- letters. Such an entry has no report and no sync target; it names its subscription, the
-- event and the exact body it sends (signed again at each attempt with a new timestamp).
-- SQLite cannot drop a NOT NULL or a foreign key in place: the table is rebuilt.
CREATE TABLE sync_outbox_new (
    id INTEGER PRIMARY KEY,
    target_code TEXT NOT NULL,
    report_id BIGINT REFERENCES reports (id),
    unit_code TEXT NOT NULL,
    plan_code TEXT NOT NULL,
    period TEXT NOT NULL,
    report_version INTEGER NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL CHECK (state IN
        ('pending', 'sending', 'sent', 'attention', 'dead', 'discarded', 'superseded')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    claimed_by TEXT,
    lease_until TIMESTAMP,
    last_attempt_at TIMESTAMP,
    last_error TEXT,
    receipt TEXT,
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP,
    updated_at TIMESTAMP NOT NULL,
    template_version TEXT,
    webhook_id BIGINT,
    event_id BIGINT,
    payload TEXT
);
INSERT INTO sync_outbox_new (id, target_code, report_id, unit_code, plan_code, period,
    report_version, idempotency_key, state, attempts, next_attempt_at, claimed_by, lease_until,
    last_attempt_at, last_error, receipt, created_at, sent_at, updated_at, template_version)
SELECT id, target_code, report_id, unit_code, plan_code, period, report_version,
    idempotency_key, state, attempts, next_attempt_at, claimed_by, lease_until, last_attempt_at,
    last_error, receipt, created_at, sent_at, updated_at, template_version
FROM sync_outbox;
DROP TABLE sync_outbox;
ALTER TABLE sync_outbox_new RENAME TO sync_outbox;
CREATE INDEX sync_outbox_due ON sync_outbox (state, next_attempt_at);
CREATE INDEX sync_outbox_lease ON sync_outbox (state, lease_until);
CREATE INDEX sync_outbox_target ON sync_outbox (target_code, state);
CREATE INDEX sync_outbox_report ON sync_outbox (report_id);
CREATE INDEX sync_outbox_webhook ON sync_outbox (webhook_id, state);
