DROP TABLE indicators;
DROP TABLE catalog_sections;
DROP TABLE catalogs;
