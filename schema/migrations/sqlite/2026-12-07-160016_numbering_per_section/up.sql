-- Plans number their items per section (1, 2, 3 under I; 1, 2 under II): an indicator's
-- number is unique within its section, no longer within its whole catalog. SQLite keeps a
-- table constraint for the table's life, so the table is rebuilt without it (the documented
-- twelve-step procedure: foreign keys off, copy, drop, rename, check, foreign keys on).
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TABLE indicators_numbered_per_section (
    id INTEGER PRIMARY KEY,
    catalog_id INTEGER NOT NULL REFERENCES catalogs (id),
    section_id INTEGER REFERENCES catalog_sections (id),
    parent_id INTEGER REFERENCES indicators (id),
    code TEXT NOT NULL UNIQUE,
    number TEXT NOT NULL,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    unit_of_measure TEXT,
    value_kind TEXT NOT NULL CHECK (value_kind IN ('percent', 'count', 'decimal', 'rank', 'score', 'status', 'text')),
    direction TEXT NOT NULL CHECK (direction IN ('higher_is_better', 'lower_is_better', 'reach', 'maintain')),
    aggregation TEXT NOT NULL CHECK (aggregation IN ('sum', 'ratio', 'mean', 'min', 'max', 'share_achieved', 'none')),
    decimals INTEGER,
    position INTEGER NOT NULL,
    description TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    period_aggregation TEXT NOT NULL DEFAULT 'last'
        CHECK (period_aggregation IN ('sum', 'last', 'mean', 'none'))
);
INSERT INTO indicators_numbered_per_section (id, catalog_id, section_id, parent_id, code, number,
    name, name_key, unit_of_measure, value_kind, direction, aggregation, decimals, position,
    description, version, created_at, updated_at, period_aggregation)
SELECT id, catalog_id, section_id, parent_id, code, number, name, name_key, unit_of_measure,
    value_kind, direction, aggregation, decimals, position, description, version, created_at,
    updated_at, period_aggregation
FROM indicators;
DROP TABLE indicators;
ALTER TABLE indicators_numbered_per_section RENAME TO indicators;
CREATE INDEX indicators_section ON indicators (section_id);
CREATE INDEX indicators_parent ON indicators (parent_id);
-- Items outside any section share one numbering (section 0 never exists).
CREATE UNIQUE INDEX indicators_number_in_section
    ON indicators (catalog_id, COALESCE(section_id, 0), number);
COMMIT;
PRAGMA foreign_keys = ON;
