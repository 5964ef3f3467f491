use diesel::prelude::*;

use super::lookup::require_plan;
use crate::StoreError;
use crate::db::Db;
use crate::schema::{plan_items, plans, reports};

/// Deletes a plan. Refused while it has items or reports: removing them must be deliberate.
pub fn delete_plan(
    conn: &mut Db,
    code: &str,
    expected_version: Option<i32>,
) -> Result<(), StoreError> {
    conn.write_transaction(|conn| {
        let current = require_plan(conn, code)?;
        if let Some(expected) = expected_version.filter(|v| *v != current.version) {
            return Err(StoreError::VersionMismatch {
                expected,
                current: current.version,
            });
        }
        let items: i64 = plan_items::table
            .filter(plan_items::plan_id.eq(current.id))
            .count()
            .get_result(conn)
            .map_err(StoreError::database("counting a plan's items"))?;
        let report_count: i64 = reports::table
            .filter(reports::plan_id.eq(current.id))
            .count()
            .get_result(conn)
            .map_err(StoreError::database("counting a plan's reports"))?;
        if items > 0 || report_count > 0 {
            return Err(StoreError::conflict(
                crate::messages::Message::new("plan-not-empty")
                    .arg("code", code)
                    .arg("items", items)
                    .arg("reports", report_count),
            ));
        }
        let deleted = diesel::delete(
            plans::table
                .find(current.id)
                .filter(plans::version.eq(current.version)),
        )
        .execute(conn)
        .map_err(|error| match error {
            diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::ForeignKeyViolation,
                _,
            ) => StoreError::conflict(
                crate::messages::Message::new("plan-changed-while-deleted").arg("code", code),
            ),
            error => StoreError::database("deleting a plan")(error),
        })?;
        if deleted == 0 {
            return Err(StoreError::VersionMismatch {
                expected: current.version,
                current: require_plan(conn, code)?.version,
            });
        }
        Ok(())
    })
}
