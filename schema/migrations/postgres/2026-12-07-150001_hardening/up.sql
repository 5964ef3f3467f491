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

-- Password changes and resets join the access log.
ALTER TABLE access_events DROP CONSTRAINT access_events_kind_check;
ALTER TABLE access_events ADD CONSTRAINT access_events_kind_check CHECK (kind IN ('sign_in', 'sign_in_failed', 'key_created', 'key_revoked', 'user_created', 'user_disabled', 'user_enabled', 'password_changed', 'password_reset'));
