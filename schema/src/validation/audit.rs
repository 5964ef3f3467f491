//! Changes to a plan's rules in the audit trail, beside the reports' changes: who created,
//! replaced or deleted a rule, or switched a built-in one off or on, when, with the rule before
//! and after as JSON. An entry is filed under the plan's issuing unit and the plan, with no
//! period, so the trail's reader shows it to whoever reads that unit.

use diesel::prelude::*;
use serde_json::json;

use super::records::RuleRow;
use crate::StoreError;
use crate::audit::{self, NewAuditEntry};
use crate::db::Db;
use crate::reports::Actor;
use crate::schema::{org_units, plans};

/// The actions of rule changes in the trail.
pub const RULE_CREATED: &str = "validation_rule_created";
pub const RULE_CHANGED: &str = "validation_rule_changed";
pub const RULE_DELETED: &str = "validation_rule_deleted";
pub const BUILT_IN_SWITCHED: &str = "built_in_rule_switched";

/// A stored rule as the trail keeps it: its fields as the API names them, and its version.
pub(super) fn snapshot(row: &RuleRow) -> String {
    json!({
        "code": row.code,
        "name": row.name,
        "description": row.description,
        "leftSide": row.left_expression,
        "operator": row.operator,
        "rightSide": row.right_expression,
        "importance": row.importance,
        "missingValueStrategy": row.missing_value_strategy,
        "version": row.version,
    })
    .to_string()
}

/// A built-in rule's switch as the trail keeps it.
pub(super) fn switch_snapshot(code: &str, enabled: bool) -> String {
    json!({"code": code, "enabled": enabled}).to_string()
}

/// Appends one rule change of the plan `plan_id`; call it inside the change's transaction.
pub(super) fn record(
    conn: &mut Db,
    actor: &Actor,
    action: &'static str,
    plan_id: i64,
    old_value: Option<String>,
    new_value: Option<String>,
) -> Result<(), StoreError> {
    let (plan_code, unit_code): (String, String) = plans::table
        .inner_join(org_units::table)
        .filter(plans::id.eq(plan_id))
        .select((plans::code, org_units::code))
        .first(conn)
        .map_err(StoreError::database(
            "reading a rule's plan for the audit trail",
        ))?;
    audit::append(
        conn,
        &[NewAuditEntry {
            actor: actor.subject.clone(),
            request_id: actor.request_id.clone(),
            action,
            unit_code,
            plan_code,
            period: String::new(),
            indicator_code: None,
            old_value,
            new_value,
            reason: None,
        }],
    )
}
