//! Queries on indicator catalogs, sections and indicators: one file per action.
