//! Queries on indicator catalogs, sections and indicators: one file per action.

mod create_catalog;
mod create_indicator;
mod create_section;
mod delete_catalog;
mod delete_indicator;
mod delete_section;
mod find_catalog;
mod find_indicator;
mod find_section;
mod guards;
mod inputs;
mod list_catalogs;
mod list_indicators;
mod list_sections;
mod lookup;
mod placement;
mod records;
mod tree;
mod update_catalog;
mod update_indicator;
mod update_section;

pub use create_catalog::create_catalog;
pub use create_indicator::create_indicator;
pub use create_section::create_section;
pub use delete_catalog::delete_catalog;
pub use delete_indicator::delete_indicator;
pub use delete_section::delete_section;
pub use find_catalog::find_catalog;
pub use find_indicator::find_indicator;
pub use find_section::find_section;
pub use inputs::{
    CatalogChanges, IndicatorChanges, Measure, MeasureMisfit, NewCatalog, NewIndicator, NewSection,
    Position, Precision, SectionChanges,
};
pub use list_catalogs::list_catalogs;
pub use list_indicators::{IndicatorFilter, list_indicators};
pub use list_sections::list_sections;
pub use records::{Catalog, Indicator, Section};
pub use tree::{CatalogTree, IndicatorNode, SectionNode, catalog_tree};
pub use update_catalog::update_catalog;
pub use update_indicator::update_indicator;
pub use update_section::update_section;
