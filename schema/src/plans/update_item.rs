use std::collections::BTreeMap;

use diesel::prelude::*;

use super::assignments::{put_assignments, resolve_assignees};
use super::inputs::{Assignees, ItemChanges};
use super::lookup::{item_record, require_item, require_plan};
use super::records::{PlanItem, StoredTarget};
use super::targets::{put_targets, remove_target};
use crate::StoreError;
use crate::db::Db;
use crate::domain::OrgUnitCode;
use crate::schema::plan_items;

/// Changes an item: targets year by year, its assignments, output product, note, position.
/// The version moves only when something changed.
pub fn update_item(
    conn: &mut Db,
    plan_code: &str,
    indicator_code: &str,
    expected_version: Option<i32>,
    changes: ItemChanges,
) -> Result<PlanItem, StoreError> {
    conn.write_transaction(|conn| {
        let plan = require_plan(conn, plan_code)?;
        let (item_id, version) = require_item(conn, &plan, indicator_code)?;
        if let Some(expected) = expected_version.filter(|v| *v != version) {
            return Err(StoreError::VersionMismatch {
                expected,
                current: version,
            });
        }
        let current = item_record(conn, plan.id, item_id)?;
        let mut changed = false;

        let stored: BTreeMap<i32, &StoredTarget> =
            current.targets.iter().map(|t| (t.year, t)).collect();
        let mut puts = BTreeMap::new();
        for (year, cell) in changes.targets {
            match cell {
                Some(target) => {
                    let next = StoredTarget::from_target(year, &target);
                    if stored.get(&year.get()) != Some(&&next) {
                        puts.insert(year, target);
                    }
                }
                None if stored.contains_key(&year.get()) => {
                    remove_target(conn, item_id, year)?;
                    changed = true;
                }
                None => {}
            }
        }
        if !puts.is_empty() {
            put_targets(conn, item_id, &puts)?;
            changed = true;
        }

        if changes.lead.is_some() || changes.coordinating.is_some() {
            let stored_code = |code: &String| {
                OrgUnitCode::parse(code).map_err(|invalid| StoreError::Conflict {
                    detail: format!("stored unit code {code} is invalid: {invalid}").into(),
                })
            };
            let lead = match changes.lead {
                Some(lead) => lead,
                None => current
                    .lead_unit_code
                    .as_ref()
                    .map(stored_code)
                    .transpose()?,
            };
            let coordinating = match changes.coordinating {
                Some(list) => list,
                None => current
                    .coordinating_unit_codes
                    .iter()
                    .map(stored_code)
                    .collect::<Result<_, _>>()?,
            };
            let mut sorted: Vec<String> =
                coordinating.iter().map(|c| c.as_str().to_owned()).collect();
            sorted.sort();
            let same = lead.as_ref().map(|c| c.as_str().to_owned()) == current.lead_unit_code
                && sorted == current.coordinating_unit_codes;
            if !same {
                let resolved = resolve_assignees(conn, &plan, &Assignees { lead, coordinating })?;
                put_assignments(conn, item_id, &resolved)?;
                changed = true;
            }
        }

        let output_product = changes
            .output_product
            .unwrap_or(current.output_product.clone());
        let note = changes.note.unwrap_or(current.note.clone());
        let position = changes.position.unwrap_or(current.position);
        changed |= output_product != current.output_product
            || note != current.note
            || position != current.position;
        if !changed {
            return Ok(current);
        }
        let updated = diesel::update(
            plan_items::table
                .find(item_id)
                .filter(plan_items::version.eq(version)),
        )
        .set((
            plan_items::output_product.eq(&output_product),
            plan_items::note.eq(&note),
            plan_items::position.eq(position),
            plan_items::version.eq(version + 1),
        ))
        .execute(conn)
        .map_err(StoreError::database("updating a plan item"))?;
        if updated == 0 {
            return Err(StoreError::VersionMismatch {
                expected: version,
                current: require_item(conn, &plan, indicator_code)?.1,
            });
        }
        item_record(conn, plan.id, item_id)
    })
}
