DROP TABLE report_acknowledged_warnings;
DROP TABLE validation_rule_switches;
DROP TABLE validation_rules;
