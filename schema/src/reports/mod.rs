//! Reports: one per (unit, plan, period), with values per assigned indicator, a narrative, and
//! a workflow draft → submitted → approved (or returned, and reopened from approved). Every
//! write is one transaction that also appends its audit entries. One file per action.
//!
//! Plans, items and assignments are read with queries of this module's own ([`context`]), so
//! it does not depend on the plans module.

mod approve;
mod bulk;
mod context;
mod document;
mod find;
pub mod idempotency;
mod key;
mod list;
mod narrative;
mod open;
mod record;
mod state;
mod transition;
mod validation;
mod values;

pub use approve::ChildReport;
pub use bulk::{
    AtomicMode, BulkInput, BulkValue, Conflict, ImportCount, ImportOptions, ImportStatus,
    ImportStrategy, ImportSummary, UnitAccess, import_values,
};
pub use context::{UnitRef, unit_ref};
pub use document::{
    DocumentDetails, UnitNames, document_details, set_document_details, unit_names,
};
pub use find::{find, stored_version};
pub use key::{Actor, ReportKey};
pub use list::{ReportFilter, list};
pub use narrative::{NarrativeSection, SectionCode, set_narrative};
pub use open::{Opened, open};
pub use record::{Report, ReportSummary, StoredValue};
pub use state::ReportState;
pub use transition::{Transition, transition};
pub use validation::judge;
pub use values::{ValueEntry, ValueProblem, ValuesOutcome, set_values};
