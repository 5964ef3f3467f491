-- Back to one numbering per catalog: fails when a catalog numbers two sections alike.
DROP INDEX indicators_number_in_section;
ALTER TABLE indicators ADD CONSTRAINT indicators_catalog_id_number_key UNIQUE (catalog_id, number);
