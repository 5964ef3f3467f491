-- One report per (unit, plan, period): values per assigned indicator and a narrative.
CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES org_units (id),
    plan_id INTEGER NOT NULL REFERENCES plans (id),
    period TEXT NOT NULL,
    period_start DATE NOT NULL,
    period_end DATE NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'approved')),
    state_reason TEXT,
    due_at TIMESTAMP,
    submitted_at TIMESTAMP,
    submitted_by TEXT,
    late BOOLEAN NOT NULL DEFAULT 0,
    approved_at TIMESTAMP,
    approved_by TEXT,
    approval_override TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (unit_id, plan_id, period)
);
CREATE INDEX reports_plan_period ON reports (plan_id, period, state);

-- A value is a number, a numerator and denominator (ratio indicators), a status or a text.
CREATE TABLE report_values (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports (id),
    indicator_id INTEGER NOT NULL REFERENCES indicators (id),
    number_value DOUBLE PRECISION,
    numerator DOUBLE PRECISION,
    denominator DOUBLE PRECISION,
    achieved BOOLEAN,
    text_value TEXT,
    comment TEXT,
    evidence TEXT,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT NOT NULL,
    UNIQUE (report_id, indicator_id)
);
CREATE INDEX report_values_indicator ON report_values (indicator_id);

-- The narrative outline of seed 000: I leadership, II results, III assessment, IV tasks, V
-- proposals; nested by parent code, HTML content.
CREATE TABLE report_sections (
    report_id INTEGER NOT NULL REFERENCES reports (id),
    code TEXT NOT NULL,
    parent_code TEXT,
    title TEXT NOT NULL,
    position INTEGER NOT NULL,
    content_html TEXT NOT NULL,
    PRIMARY KEY (report_id, code)
);

-- The tamper-evident audit trail: each entry's hash covers its content and the previous hash.
CREATE TABLE audit_entries (
    id INTEGER PRIMARY KEY,
    at TIMESTAMP NOT NULL,
    actor TEXT NOT NULL,
    request_id TEXT,
    action TEXT NOT NULL,
    unit_code TEXT NOT NULL,
    plan_code TEXT NOT NULL,
    period TEXT NOT NULL,
    indicator_code TEXT,
    old_value TEXT,
    new_value TEXT,
    reason TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE
);
CREATE INDEX audit_entries_unit ON audit_entries (unit_code, period);
CREATE INDEX audit_entries_indicator ON audit_entries (indicator_code, period);
CREATE INDEX audit_entries_actor ON audit_entries (actor, at);

-- A retried request with the same key gets the first answer; the same key with another body
-- is refused.
CREATE TABLE idempotency_keys (
    subject TEXT NOT NULL,
    key TEXT NOT NULL,
    endpoint TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    response_status INTEGER,
    response_body TEXT,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (subject, key)
);
