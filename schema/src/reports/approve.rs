//! Approval up the tree: a unit's report waits for the reports of its child units that report
//! in the same plan and period, unless the approver says why it should not wait.

use std::collections::HashMap;

use diesel::prelude::*;

use super::context::Located;
use crate::StoreError;
use crate::db::Db;
use crate::schema::{org_units, plan_item_assignments, plan_items, reports};

/// A child unit's report that holds up an approval: missing (`state` is `None`) or not
/// approved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChildReport {
    pub unit_code: String,
    pub state: Option<String>,
}

/// The child units with assignments in the plan whose report for the period is missing or
/// not approved.
pub(super) fn pending_children(
    conn: &mut Db,
    located: &Located,
) -> Result<Vec<ChildReport>, StoreError> {
    let children: Vec<(i64, String)> = org_units::table
        .filter(org_units::parent_id.eq(located.unit.id))
        .filter(
            org_units::id.eq_any(
                plan_item_assignments::table
                    .inner_join(plan_items::table)
                    .filter(plan_items::plan_id.eq(located.plan.id))
                    .select(plan_item_assignments::unit_id),
            ),
        )
        .order(org_units::code)
        .select((org_units::id, org_units::code))
        .load(conn)
        .map_err(StoreError::database("reading the child units that report"))?;
    if children.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i64> = children.iter().map(|c| c.0).collect();
    let states: HashMap<i64, String> = reports::table
        .filter(reports::plan_id.eq(located.plan.id))
        .filter(reports::period.eq(&located.row.period))
        .filter(reports::unit_id.eq_any(&ids))
        .select((reports::unit_id, reports::state))
        .load::<(i64, String)>(conn)
        .map_err(StoreError::database("reading the child units' reports"))?
        .into_iter()
        .collect();
    Ok(children
        .into_iter()
        .filter_map(|(id, code)| match states.get(&id) {
            Some(state) if state == "approved" => None,
            state => Some(ChildReport {
                unit_code: code,
                state: state.cloned(),
            }),
        })
        .collect())
}

/// 409 naming the pending child reports, unless there are none or `override_reason` is given.
pub(super) fn check_children_approved(
    conn: &mut Db,
    located: &Located,
    override_reason: Option<&str>,
) -> Result<(), StoreError> {
    let pending = pending_children(conn, located)?;
    if pending.is_empty() || override_reason.is_some() {
        return Ok(());
    }
    // Each child as "31001-VHXH (submitted)": the state is a machine word, as in the API.
    let listed: Vec<String> = pending
        .iter()
        .map(|child| match &child.state {
            Some(state) => format!("{} ({state})", child.unit_code),
            None => format!("{} (missing)", child.unit_code),
        })
        .collect();
    Err(StoreError::conflict(
        crate::messages::Message::new("report-children-not-approved")
            .arg("children", listed.join(", ")),
    ))
}
