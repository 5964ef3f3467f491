-- Plans number their items per section (1, 2, 3 under I; 1, 2 under II): an indicator's
-- number is unique within its section, no longer within its whole catalog. Items outside any
-- section share one numbering (section 0 never exists).
ALTER TABLE indicators DROP CONSTRAINT indicators_catalog_id_number_key;
CREATE UNIQUE INDEX indicators_number_in_section
    ON indicators (catalog_id, COALESCE(section_id, 0), number);
