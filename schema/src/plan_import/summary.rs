//! What an import did, or would do in a dry run: the same answer either way.

use super::diagnostics::Diagnostic;
use crate::domain::{Target, ValueKind};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSummary {
    pub dry_run: bool,
    pub plan_code: String,
    pub issuing_unit_code: String,
    pub catalog_code: String,
    /// Whether the catalog is made from the table (it did not exist).
    pub catalog_created: bool,
    /// Where the indicator table's header was found.
    pub header_reference: String,
    pub sections: Vec<SectionSummary>,
    pub items: Vec<ItemSummary>,
    /// Agencies named in the table that the issuing unit did not have.
    pub proposed_units: Vec<ProposedUnit>,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionSummary {
    pub code: String,
    pub title: String,
    pub created: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemSummary {
    pub reference: String,
    pub written_number: String,
    pub number: String,
    /// The sub-item's parent number (`7` for `7.1`).
    pub parent_number: Option<String>,
    pub section: Option<String>,
    pub indicator_code: String,
    pub indicator_created: bool,
    pub name: String,
    pub unit_of_measure: Option<String>,
    pub value_kind: ValueKind,
    pub targets: Vec<(i32, Target)>,
    pub lead: Option<AgencyMatch>,
    pub coordinating: Vec<AgencyMatch>,
    pub output_product: Option<String>,
    pub note: Option<String>,
}

/// An agency as written in the table and the unit it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgencyMatch {
    pub written: String,
    pub unit_code: String,
    pub unit_name: String,
    /// A unit proposed by this import rather than an existing one.
    pub proposed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposedUnit {
    pub code: String,
    pub name: String,
    pub parent_code: String,
}
