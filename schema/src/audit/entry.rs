use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::schema::audit_entries;

/// What happened, before it is chained: `action` is one of `report_opened`, `value_set`,
/// `narrative_set`, `submitted`, `returned`, `approved`, `reopened`, `value_deleted` (bulk
/// imports with the DELETE strategy), `warning_acknowledged` (a validation warning named on
/// submission); and changes to a plan's validation rules, filed under the plan's issuing unit
/// with an empty period: `validation_rule_created`, `validation_rule_changed`,
/// `validation_rule_deleted`, `built_in_rule_switched` (see `validation::audit`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAuditEntry {
    pub actor: String,
    pub request_id: Option<String>,
    pub action: &'static str,
    pub unit_code: String,
    pub plan_code: String,
    pub period: String,
    pub indicator_code: Option<String>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub reason: Option<String>,
}

/// A stored entry with its place in the chain.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct AuditEntry {
    pub id: i64,
    pub at: NaiveDateTime,
    pub actor: String,
    pub request_id: Option<String>,
    pub action: String,
    pub unit_code: String,
    pub plan_code: String,
    pub period: String,
    pub indicator_code: Option<String>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub reason: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

pub(super) type EntryColumns = (
    audit_entries::id,
    audit_entries::at,
    audit_entries::actor,
    audit_entries::request_id,
    audit_entries::action,
    audit_entries::unit_code,
    audit_entries::plan_code,
    audit_entries::period,
    audit_entries::indicator_code,
    audit_entries::old_value,
    audit_entries::new_value,
    audit_entries::reason,
    audit_entries::prev_hash,
    audit_entries::hash,
);

pub(super) const ENTRY_COLUMNS: EntryColumns = (
    audit_entries::id,
    audit_entries::at,
    audit_entries::actor,
    audit_entries::request_id,
    audit_entries::action,
    audit_entries::unit_code,
    audit_entries::plan_code,
    audit_entries::period,
    audit_entries::indicator_code,
    audit_entries::old_value,
    audit_entries::new_value,
    audit_entries::reason,
    audit_entries::prev_hash,
    audit_entries::hash,
);
