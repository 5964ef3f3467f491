-- What happened, for systems that read a feed instead of receiving webhooks. The id is the
-- cursor: report events are appended under the audit chain's lock, so ids commit in order.
CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    occurred_at TIMESTAMP NOT NULL,
    kind TEXT NOT NULL,
    unit_code TEXT NOT NULL,
    unit_path TEXT NOT NULL,
    plan_code TEXT,
    period TEXT,
    data TEXT NOT NULL
);
CREATE INDEX events_unit_path ON events (unit_path, id);
