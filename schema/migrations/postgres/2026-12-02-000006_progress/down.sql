DROP INDEX reports_period_range;
ALTER TABLE indicators DROP COLUMN period_aggregation;
