DROP TABLE sign_in_throttle;
DELETE FROM access_events WHERE kind IN ('password_changed', 'password_reset');
ALTER TABLE access_events DROP CONSTRAINT access_events_kind_check;
ALTER TABLE access_events ADD CONSTRAINT access_events_kind_check CHECK (kind IN ('sign_in', 'sign_in_failed', 'key_created', 'key_revoked', 'user_created', 'user_disabled', 'user_enabled'));
ALTER TABLE users DROP COLUMN password_must_change;
ALTER TABLE users DROP COLUMN token_generation;
