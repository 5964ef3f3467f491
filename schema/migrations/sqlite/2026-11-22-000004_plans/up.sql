-- A plan (kế hoạch) issued by a unit: its indicators with targets per milestone year, lead and
-- coordinating agencies, output product; its reporting calendar is data.
CREATE TABLE plans (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    number TEXT NOT NULL,
    issued_on DATE NOT NULL,
    title TEXT NOT NULL,
    issuing_unit_id INTEGER NOT NULL REFERENCES org_units (id),
    catalog_id INTEGER NOT NULL REFERENCES catalogs (id),
    valid_from DATE NOT NULL,
    valid_to DATE NOT NULL,
    -- Deadlines: before day D of the month M months after the period's last month (Vietnam time).
    monthly_due_day INTEGER NOT NULL,
    monthly_due_offset INTEGER NOT NULL,
    quarterly_due_day INTEGER NOT NULL,
    quarterly_due_offset INTEGER NOT NULL,
    six_monthly_due_day INTEGER NOT NULL,
    six_monthly_due_offset INTEGER NOT NULL,
    yearly_due_day INTEGER NOT NULL,
    yearly_due_offset INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK (valid_from <= valid_to)
);
CREATE INDEX plans_issuing_unit ON plans (issuing_unit_id);

CREATE TABLE plan_items (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans (id),
    indicator_id INTEGER NOT NULL REFERENCES indicators (id),
    output_product TEXT,
    note TEXT,
    position INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (plan_id, indicator_id)
);

-- One target cell per milestone year: the raw text always, the structure only when certain.
CREATE TABLE plan_item_targets (
    plan_item_id INTEGER NOT NULL REFERENCES plan_items (id),
    year INTEGER NOT NULL,
    raw TEXT NOT NULL,
    meaning TEXT NOT NULL CHECK (meaning IN ('none', 'numeric', 'status', 'qualitative')),
    bound TEXT CHECK (bound IN ('at_least', 'more_than', 'at_most', 'less_than', 'reach', 'between')),
    low TEXT,
    high TEXT,
    unit TEXT CHECK (unit IN ('as_indicator', 'percent', 'rank')),
    status_label TEXT,
    doubt TEXT,
    PRIMARY KEY (plan_item_id, year)
);

-- Who reports an item: its lead agency and coordinating agencies.
CREATE TABLE plan_item_assignments (
    plan_item_id INTEGER NOT NULL REFERENCES plan_items (id),
    unit_id INTEGER NOT NULL REFERENCES org_units (id),
    role TEXT NOT NULL CHECK (role IN ('lead', 'coordinating')),
    PRIMARY KEY (plan_item_id, unit_id)
);
CREATE INDEX plan_item_assignments_unit ON plan_item_assignments (unit_id);
