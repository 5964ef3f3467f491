-- Every token carries the generation of its account; a password change or reset, disabling,
-- or a change of role or home unit bumps it, which ends every token issued before.
ALTER TABLE users ADD COLUMN token_generation INTEGER NOT NULL DEFAULT 0;
-- A password set by someone else (an administrator or officer) must be changed by its owner at
-- the next sign-in before the account may do anything else.
ALTER TABLE users ADD COLUMN password_must_change BOOLEAN NOT NULL DEFAULT FALSE;

-- Sign-in throttling: one row per (account, client address) and per client address. Attempts
-- are counted before the password is checked, in one atomic statement, so a burst of
-- concurrent guesses cannot pass more tries than the limit.
CREATE TABLE sign_in_throttle (
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_failure_at TIMESTAMP NOT NULL,
    blocked_until TIMESTAMP
);

-- Password changes and resets join the access log (SQLite cannot alter a CHECK: rebuild).
CREATE TABLE access_events_new (
    id INTEGER PRIMARY KEY,
    at TIMESTAMP NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('sign_in', 'sign_in_failed', 'key_created', 'key_revoked', 'user_created', 'user_disabled', 'user_enabled', 'password_changed', 'password_reset')),
    subject TEXT NOT NULL,
    client_ip TEXT,
    request_id TEXT,
    detail TEXT
);
INSERT INTO access_events_new (id, at, kind, subject, client_ip, request_id, detail)
    SELECT id, at, kind, subject, client_ip, request_id, detail FROM access_events;
DROP TABLE access_events;
ALTER TABLE access_events_new RENAME TO access_events;
CREATE INDEX access_events_kind_subject_at ON access_events (kind, subject, at);
CREATE INDEX access_events_kind_client_ip_at ON access_events (kind, client_ip, at);
CREATE INDEX access_events_at ON access_events (at);
