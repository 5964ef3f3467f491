//! DHIS2's aggregate data exchange, in one place: the `dataValueSets` model (JSON and CSV, with
//! DHIS2's field names), its ADX twin, the category option combos of a ratio, how numbers are
//! written, the import summary and the `WebMessage` that wraps it, and the translation of rows
//! into the values of a bulk import. The bulk import (`POST …/dataValueSets`), the progress
//! exports and the connector's `dhis2` profile all use these types, so they cannot drift apart.
//!
//! Facts about DHIS2's behaviour come from its source (dhis2-core 2.40.0 and 2.43.0); the
//! classes each type follows are named on it, and `docs/DHIS2.md` lists them all.

pub mod adx;
pub mod combo;
pub mod csv;
mod export;
mod model;
mod number;
mod options;
mod rows;
mod summary;
pub mod write;

pub use combo::{DEFAULT_COMBO, RatioPart};
pub use export::{ExportQuery, export_values, known_data_sets, value_parts};
pub use model::{DataValue, DataValueSet};
pub use number::machine_number;
pub use options::{AtomicModeName, IdSchemeName, ImportStrategyName};
pub use rows::{SetDefaults, to_bulk_values};
pub use summary::{
    ApiVersion, ImportConflict, ImportCount, ImportOptionsView, ImportSummary, Status, StatusRules,
    WebMessage,
};
