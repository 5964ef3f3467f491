CREATE TABLE catalogs (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    description TEXT,
    level TEXT CHECK (level IN ('national', 'province', 'commune', 'unit')),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- Sections are numbered in Roman numerals (I Phát triển hạ tầng ... XI).
CREATE TABLE catalog_sections (
    id INTEGER PRIMARY KEY,
    catalog_id INTEGER NOT NULL REFERENCES catalogs (id),
    code TEXT NOT NULL,
    title TEXT NOT NULL,
    position INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (catalog_id, code)
);

-- `code` is global (it is the DHIS2 dataElement code in exchanges); `number` is the item's
-- numbering inside its catalog (7, 7.1, 18.1).
CREATE TABLE indicators (
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
    UNIQUE (catalog_id, number)
);
CREATE INDEX indicators_section ON indicators (section_id);
CREATE INDEX indicators_parent ON indicators (parent_id);
