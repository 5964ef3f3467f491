use diesel::prelude::*;

use super::assignments::remove_assignments;
use super::lookup::{indicator_by_code, require_item, require_plan};
use super::targets::remove_all_targets;
use crate::StoreError;
use crate::db::Db;
use crate::schema::{plan_items, report_values, reports};

/// Removes an item with its targets and assignments. Refused while reports of the plan hold a
/// value for its indicator.
pub fn delete_item(
    conn: &mut Db,
    plan_code: &str,
    indicator_code: &str,
    expected_version: Option<i32>,
) -> Result<(), StoreError> {
    conn.write_transaction(|conn| {
        let plan = require_plan(conn, plan_code)?;
        let (item_id, version) = require_item(conn, &plan, indicator_code)?;
        if let Some(expected) = expected_version.filter(|v| *v != version) {
            return Err(StoreError::VersionMismatch {
                expected,
                current: version,
            });
        }
        if let Some((indicator_id, _)) = indicator_by_code(conn, indicator_code)? {
            let values: i64 = report_values::table
                .inner_join(reports::table)
                .filter(reports::plan_id.eq(plan.id))
                .filter(report_values::indicator_id.eq(indicator_id))
                .count()
                .get_result(conn)
                .map_err(StoreError::database("counting reported values"))?;
            if values > 0 {
                return Err(StoreError::conflict(
                    crate::messages::Message::new("plan-item-has-values")
                        .arg("plan", plan_code)
                        .arg("count", values)
                        .arg("indicator", indicator_code),
                ));
            }
        }
        remove_all_targets(conn, item_id)?;
        remove_assignments(conn, item_id)?;
        let deleted = diesel::delete(
            plan_items::table
                .find(item_id)
                .filter(plan_items::version.eq(version)),
        )
        .execute(conn)
        .map_err(StoreError::database("deleting a plan item"))?;
        if deleted == 0 {
            return Err(StoreError::VersionMismatch {
                expected: version,
                current: require_item(conn, &plan, indicator_code)?.1,
            });
        }
        Ok(())
    })
}
