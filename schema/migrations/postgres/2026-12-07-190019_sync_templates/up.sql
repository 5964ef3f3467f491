-- The request of a `template` target (JSON: method, path, headers, contentType, body, answer),
-- stored with its body inline so every replica renders the same text. NULL for the built-in
-- profiles.
ALTER TABLE sync_targets ADD COLUMN template TEXT;
-- The version (hash) of the template a delivery was sent with; NULL for built-in profiles.
ALTER TABLE sync_outbox ADD COLUMN template_version TEXT;
