-- Accounts, API keys and the access log. Roles are stored in snake_case; only administrators
-- may lack a home unit, since everyone else's scope is the subtree of that unit.
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('administrator', 'province_officer', 'commune_officer', 'reporter', 'viewer', 'integrator')),
    home_unit_id INTEGER REFERENCES org_units (id),
    disabled BOOLEAN NOT NULL DEFAULT FALSE,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK (role = 'administrator' OR home_unit_id IS NOT NULL)
);
CREATE INDEX users_home_unit ON users (home_unit_id);

-- A key is presented as `ctk_<prefix>_<secret>`: the prefix finds the row, the SHA-256 of the
-- 256-bit random secret proves possession. The secret itself is never stored.
CREATE TABLE api_keys (
    id INTEGER PRIMARY KEY,
    prefix TEXT NOT NULL UNIQUE,
    secret_hash TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('administrator', 'province_officer', 'commune_officer', 'reporter', 'viewer', 'integrator')),
    home_unit_id INTEGER REFERENCES org_units (id),
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP,
    revoked_at TIMESTAMP,
    last_used_at TIMESTAMP,
    CHECK (role = 'administrator' OR home_unit_id IS NOT NULL)
);
CREATE INDEX api_keys_home_unit ON api_keys (home_unit_id);

-- Sign-in throttling counts recent failures per subject and per address from this table, so
-- it holds across replicas that share the database.
CREATE TABLE access_events (
    id INTEGER PRIMARY KEY,
    at TIMESTAMP NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('sign_in', 'sign_in_failed', 'key_created', 'key_revoked', 'user_created', 'user_disabled', 'user_enabled')),
    subject TEXT NOT NULL,
    client_ip TEXT,
    request_id TEXT,
    detail TEXT
);
CREATE INDEX access_events_kind_subject_at ON access_events (kind, subject, at);
CREATE INDEX access_events_kind_client_ip_at ON access_events (kind, client_ip, at);
CREATE INDEX access_events_at ON access_events (at);
