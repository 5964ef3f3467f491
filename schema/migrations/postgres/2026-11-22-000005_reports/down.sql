DROP TABLE idempotency_keys;
DROP TABLE audit_entries;
DROP TABLE report_sections;
DROP TABLE report_values;
DROP TABLE reports;
