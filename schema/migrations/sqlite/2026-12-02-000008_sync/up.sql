-- Upstream systems approved reports are delivered to. Secrets are never stored: auth names the
-- environment variables that hold them.
CREATE TABLE sync_targets (
    code TEXT PRIMARY KEY,
    profile TEXT NOT NULL,
    base_url TEXT NOT NULL,
    auth TEXT NOT NULL,
    mapping TEXT NOT NULL,
    enabled BOOLEAN NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- The outbox: one entry per approved report version and target, written in the approval's
-- transaction, so an approval is never lost between the database and the network.
CREATE TABLE sync_outbox (
    id INTEGER PRIMARY KEY,
    target_code TEXT NOT NULL REFERENCES sync_targets (code),
    report_id BIGINT NOT NULL REFERENCES reports (id),
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
    updated_at TIMESTAMP NOT NULL
);
-- Claiming reads due pending entries and sending entries whose lease ran out.
CREATE INDEX sync_outbox_due ON sync_outbox (state, next_attempt_at);
CREATE INDEX sync_outbox_lease ON sync_outbox (state, lease_until);
CREATE INDEX sync_outbox_target ON sync_outbox (target_code, state);
CREATE INDEX sync_outbox_report ON sync_outbox (report_id);

-- One row per scheduled job and slot: the replica whose insert takes the row runs the slot.
CREATE TABLE sync_job_slots (
    job TEXT NOT NULL,
    slot TIMESTAMP NOT NULL,
    claimed_by TEXT NOT NULL,
    claimed_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    PRIMARY KEY (job, slot)
);
