-- How a quarter, half-year or year is derived from the months inside it when a unit has no
-- report for the longer period itself: flows sum (counts of events, ratio components), stocks
-- take the last value (coverage, accounts), a few take the mean; text never derives.
ALTER TABLE indicators ADD COLUMN period_aggregation TEXT NOT NULL DEFAULT 'last'
    CHECK (period_aggregation IN ('sum', 'last', 'mean', 'none'));
UPDATE indicators SET period_aggregation = 'sum' WHERE value_kind = 'count';
UPDATE indicators SET period_aggregation = 'none' WHERE value_kind = 'text';

-- Roll-ups read every report whose period lies inside the one asked for.
CREATE INDEX reports_period_range ON reports (period_start, period_end);
