-- The organisation tree. `path` is a materialised path of codes ('/01/01001/01001-VHXH/') so a
-- subtree is one index range scan instead of a recursive query per request.
CREATE TABLE org_units (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('national', 'province', 'commune', 'unit')),
    parent_id INTEGER REFERENCES org_units (id),
    path TEXT NOT NULL UNIQUE,
    depth INTEGER NOT NULL,
    valid_from DATE,
    valid_to DATE,
    closure_reason TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX org_units_parent_id ON org_units (parent_id, code);
CREATE INDEX org_units_name_key ON org_units (name_key);

-- A unit closed by a merger or split names the units that took over its work from a date, so
-- roll-ups can attribute its history to them.
CREATE TABLE org_unit_successions (
    predecessor_id INTEGER NOT NULL REFERENCES org_units (id),
    successor_id INTEGER NOT NULL REFERENCES org_units (id),
    effective_on DATE NOT NULL,
    PRIMARY KEY (predecessor_id, successor_id)
);
CREATE INDEX org_unit_successions_successor ON org_unit_successions (successor_id);
