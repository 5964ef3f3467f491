DROP TABLE sign_in_throttle;
DELETE FROM access_events WHERE kind IN ('password_changed', 'password_reset');
ALTER TABLE users DROP COLUMN password_must_change;
ALTER TABLE users DROP COLUMN token_generation;
