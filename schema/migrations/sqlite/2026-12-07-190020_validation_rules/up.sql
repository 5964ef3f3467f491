-- Validation rules of a plan (DHIS2's left side, operator, right side, importance and missing
-- value strategy), rule codes unique across plans because they name the rule in URLs.
CREATE TABLE validation_rules (
    id INTEGER PRIMARY KEY,
    plan_id BIGINT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    description TEXT,
    left_expression TEXT NOT NULL,
    operator TEXT NOT NULL,
    right_expression TEXT NOT NULL,
    importance TEXT NOT NULL,
    missing_value_strategy TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX validation_rules_plan ON validation_rules (plan_id);

-- Built-in rules derived from the catalog are not stored; a row here switches one off for a plan.
CREATE TABLE validation_rule_switches (
    plan_id BIGINT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    rule_code TEXT NOT NULL,
    switched_off_at TIMESTAMP NOT NULL,
    switched_off_by TEXT NOT NULL,
    PRIMARY KEY (plan_id, rule_code)
);

-- Warnings the submitter acknowledged when submitting, kept on the report (and in the audit trail).
CREATE TABLE report_acknowledged_warnings (
    report_id BIGINT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    rule_code TEXT NOT NULL,
    left_value DOUBLE PRECISION,
    right_value DOUBLE PRECISION,
    comment TEXT,
    acknowledged_at TIMESTAMP NOT NULL,
    acknowledged_by TEXT NOT NULL,
    PRIMARY KEY (report_id, rule_code)
);
