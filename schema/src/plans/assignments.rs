//! Who reports what: the lead and coordinating units of plan items.
//!
//! Assigning a unit to an item makes it responsible for reporting that indicator in that plan:
//! [`assigned_items`] is the list a unit must report, used by the reports to know which values
//! to expect from whom. Assigned units must exist, be open, and lie in the issuing unit's
//! subtree (the issuing unit itself included).

use diesel::prelude::*;

use super::inputs::Assignees;
use super::lookup::{UnitRef, unit_by_code};
use super::records::{AssignmentRole, PlanRow};
use crate::StoreError;
use crate::accounts::SubtreeRange;
use crate::db::Db;
use crate::schema::{indicators, org_units, plan_item_assignments, plan_items, plans};

/// An indicator a unit must report in a plan, and in which role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignedItem {
    pub plan_item_id: i64,
    pub indicator_id: i64,
    pub indicator_code: String,
    pub role: AssignmentRole,
    pub position: i32,
}

/// The items of plan `plan_id` that unit `unit_id` is assigned to (as lead or coordinating
/// agency), in the plan's order: the indicators the unit must report in that plan. Only direct
/// assignments count; a unit above an assigned one reports by aggregating its children.
pub fn assigned_items(
    conn: &mut Db,
    unit_id: i64,
    plan_id: i64,
) -> Result<Vec<AssignedItem>, StoreError> {
    let rows: Vec<(i64, i64, String, String, i32)> = plan_item_assignments::table
        .inner_join(plan_items::table.inner_join(indicators::table))
        .filter(plan_item_assignments::unit_id.eq(unit_id))
        .filter(plan_items::plan_id.eq(plan_id))
        .select((
            plan_items::id,
            indicators::id,
            indicators::code,
            plan_item_assignments::role,
            plan_items::position,
        ))
        .order_by((plan_items::position, plan_items::id))
        .load(conn)
        .map_err(StoreError::database("reading a unit's assigned items"))?;
    rows.into_iter()
        .map(
            |(plan_item_id, indicator_id, indicator_code, role, position)| {
                Ok(AssignedItem {
                    plan_item_id,
                    indicator_id,
                    indicator_code,
                    role: AssignmentRole::from_db(&role, "plan_item_assignments.role")?,
                    position,
                })
            },
        )
        .collect()
}

/// Whether plan `plan_code` assigns an item to some unit inside `range` (a caller's scope):
/// such callers may read the plan although its issuing unit is above them.
pub fn plan_assigns_within(
    conn: &mut Db,
    plan_code: &str,
    range: &SubtreeRange,
) -> Result<bool, StoreError> {
    let count: i64 = plan_item_assignments::table
        .inner_join(org_units::table)
        .inner_join(plan_items::table.inner_join(plans::table))
        .filter(plans::code.eq(plan_code))
        .filter(org_units::path.ge(range.lower()))
        .filter(org_units::path.lt(range.upper()))
        .count()
        .get_result(conn)
        .map_err(StoreError::database("checking a plan's assignments"))?;
    Ok(count > 0)
}

/// The ids of plans assigning some item to a unit inside `range`.
pub(crate) fn plans_assigning_within(
    conn: &mut Db,
    range: &SubtreeRange,
) -> Result<Vec<i64>, StoreError> {
    plan_item_assignments::table
        .inner_join(org_units::table)
        .inner_join(plan_items::table)
        .filter(org_units::path.ge(range.lower()))
        .filter(org_units::path.lt(range.upper()))
        .select(plan_items::plan_id)
        .distinct()
        .load(conn)
        .map_err(StoreError::database("finding plans assigned to a subtree"))
}

/// Checks each named unit against the plan's issuing unit; errors name the request field.
pub(crate) fn resolve_assignees(
    conn: &mut Db,
    plan: &PlanRow,
    assignees: &Assignees,
) -> Result<Vec<(i64, AssignmentRole)>, StoreError> {
    let issuing_path: String = org_units::table
        .find(plan.issuing_unit_id)
        .select(org_units::path)
        .first(conn)
        .map_err(StoreError::database("reading a plan's issuing unit"))?;
    let range = SubtreeRange::of(&issuing_path);
    let mut resolved = Vec::new();
    if let Some(lead) = &assignees.lead {
        let unit = assignable(conn, &range, lead.as_str())
            .map_err(|reason| StoreError::rejected("leadUnitCode", reason))??;
        resolved.push((unit.id, AssignmentRole::Lead));
    }
    for (index, code) in assignees.coordinating.iter().enumerate() {
        let pointer = format!("/coordinatingUnitCodes/{index}");
        let unit = assignable(conn, &range, code.as_str()).map_err(|reason| {
            StoreError::RejectedAt {
                pointer: pointer.clone(),
                reason: reason.into(),
            }
        })??;
        if resolved.iter().any(|(id, _)| *id == unit.id) {
            return Err(StoreError::RejectedAt {
                pointer,
                reason: crate::messages::Message::new("plan-unit-already-assigned")
                    .arg("code", code)
                    .into(),
            });
        }
        resolved.push((unit.id, AssignmentRole::Coordinating));
    }
    Ok(resolved)
}

/// `Err(reason)` when the unit cannot be assigned; the inner result carries database errors.
/// A unit outside the issuing unit's subtree gets the same reason as a code that names no unit
/// (and is not said to be closed), so the answer does not reveal which units exist elsewhere.
fn assignable(
    conn: &mut Db,
    range: &SubtreeRange,
    code: &str,
) -> Result<Result<UnitRef, StoreError>, String> {
    let unit = match unit_by_code(conn, code) {
        Ok(Some(unit)) if range.contains(&unit.path) => unit,
        Ok(_) => return Err(not_assignable(code)),
        Err(error) => return Ok(Err(error)),
    };
    if unit.valid_to.is_some() {
        return Err(format!("unit {code} is closed"));
    }
    Ok(Ok(unit))
}

fn not_assignable(code: &str) -> String {
    format!(
        "there is no unit {code} under the plan's issuing unit; only units of its subtree can be \
         assigned"
    )
}

/// Replaces an item's assignments with `resolved`.
pub(crate) fn put_assignments(
    conn: &mut Db,
    item_id: i64,
    resolved: &[(i64, AssignmentRole)],
) -> Result<(), StoreError> {
    remove_assignments(conn, item_id)?;
    for (unit_id, role) in resolved {
        diesel::insert_into(plan_item_assignments::table)
            .values((
                plan_item_assignments::plan_item_id.eq(item_id),
                plan_item_assignments::unit_id.eq(unit_id),
                plan_item_assignments::role.eq(role.as_db_str()),
            ))
            .execute(conn)
            .map_err(StoreError::database("assigning a unit"))?;
    }
    Ok(())
}

pub(crate) fn remove_assignments(conn: &mut Db, item_id: i64) -> Result<(), StoreError> {
    diesel::delete(
        plan_item_assignments::table.filter(plan_item_assignments::plan_item_id.eq(item_id)),
    )
    .execute(conn)
    .map_err(StoreError::database("removing assignments"))?;
    Ok(())
}
