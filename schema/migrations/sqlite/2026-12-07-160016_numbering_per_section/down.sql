-- Back to one numbering per catalog: fails when a catalog numbers two sections alike.
PRAGMA foreign_keys = OFF;
BEGIN;
DROP INDEX indicators_number_in_section;
CREATE UNIQUE INDEX indicators_number_in_catalog ON indicators (catalog_id, number);
COMMIT;
PRAGMA foreign_keys = ON;
