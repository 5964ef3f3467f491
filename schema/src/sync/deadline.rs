//! The deadline watch: which units owe a report for a period that is not yet approved.

use std::collections::{BTreeSet, HashMap};

use diesel::prelude::*;

use crate::StoreError;
use crate::db::Db;
use crate::domain::Period;
use crate::schema::{org_units, plan_item_assignments, plan_items, plans, reports};

/// A report a unit owes for the period: missing (`state` is `None`) or not approved yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingReport {
    pub unit_code: String,
    pub unit_name: String,
    /// The unit's place in the tree, for scope checks.
    pub unit_path: String,
    pub plan_code: String,
    pub state: Option<String>,
}

/// Units with indicators assigned in a plan valid during the period (and not closed before it
/// began) whose report for the period is missing or unapproved, by unit code.
pub fn missing_reports(conn: &mut Db, period: &Period) -> Result<Vec<MissingReport>, StoreError> {
    let expected: BTreeSet<(i64, i64)> = plan_item_assignments::table
        .inner_join(plan_items::table.inner_join(plans::table))
        .filter(plans::valid_from.le(period.end()))
        .filter(plans::valid_to.ge(period.start()))
        .select((plan_item_assignments::unit_id, plans::id))
        .distinct()
        .load::<(i64, i64)>(conn)
        .map_err(StoreError::database("reading who reports in the period"))?
        .into_iter()
        .collect();
    if expected.is_empty() {
        return Ok(Vec::new());
    }
    let plan_ids: BTreeSet<i64> = expected.iter().map(|(_, plan)| *plan).collect();
    let unit_ids: BTreeSet<i64> = expected.iter().map(|(unit, _)| *unit).collect();
    let plan_codes: HashMap<i64, String> = plans::table
        .filter(plans::id.eq_any(&plan_ids))
        .select((plans::id, plans::code))
        .load(conn)
        .map_err(StoreError::database("reading plan codes"))?
        .into_iter()
        .collect();
    let units: HashMap<i64, (String, String, String)> = org_units::table
        .filter(org_units::id.eq_any(&unit_ids))
        .filter(
            org_units::valid_to
                .is_null()
                .or(org_units::valid_to.ge(period.start())),
        )
        .select((
            org_units::id,
            org_units::code,
            org_units::name,
            org_units::path,
        ))
        .load::<(i64, String, String, String)>(conn)
        .map_err(StoreError::database("reading the reporting units"))?
        .into_iter()
        .map(|(id, code, name, path)| (id, (code, name, path)))
        .collect();
    let states: HashMap<(i64, i64), String> = reports::table
        .filter(reports::plan_id.eq_any(&plan_ids))
        .filter(reports::period.eq(period.to_string()))
        .select((reports::unit_id, reports::plan_id, reports::state))
        .load::<(i64, i64, String)>(conn)
        .map_err(StoreError::database("reading the period's reports"))?
        .into_iter()
        .map(|(unit, plan, state)| ((unit, plan), state))
        .collect();
    let mut missing: Vec<MissingReport> = expected
        .into_iter()
        .filter_map(|(unit_id, plan_id)| {
            let state = states.get(&(unit_id, plan_id));
            if state.is_some_and(|s| s == "approved") {
                return None;
            }
            let (code, name, path) = units.get(&unit_id)?;
            Some(MissingReport {
                unit_code: code.clone(),
                unit_name: name.clone(),
                unit_path: path.clone(),
                plan_code: plan_codes.get(&plan_id)?.clone(),
                state: state.cloned(),
            })
        })
        .collect();
    missing.sort_by(|a, b| (&a.unit_code, &a.plan_code).cmp(&(&b.unit_code, &b.plan_code)));
    Ok(missing)
}
