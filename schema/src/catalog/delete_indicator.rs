use diesel::prelude::*;

use super::guards::{check_version, referenced_meanwhile};
use super::lookup::require_indicator;
use crate::StoreError;
use crate::db::Db;
use crate::schema::indicators;

/// Deletes an indicator; refused while it has sub-indicators, which would otherwise be left
/// without their parent.
pub fn delete_indicator(
    conn: &mut Db,
    code: &str,
    expected_version: Option<i32>,
) -> Result<(), StoreError> {
    conn.write_transaction(|conn| {
        let current = require_indicator(conn, code)?;
        check_version(expected_version, current.version)?;
        let children: Vec<String> = indicators::table
            .filter(indicators::parent_id.eq(current.id))
            .select(indicators::code)
            .order_by(indicators::code)
            .load(conn)
            .map_err(StoreError::database("finding sub-indicators"))?;
        if !children.is_empty() {
            return Err(StoreError::conflict(
                crate::messages::Message::new("catalog-indicator-has-children")
                    .arg("code", code)
                    .arg("count", children.len())
                    .arg("children", children.join(", ")),
            ));
        }
        let deleted = diesel::delete(
            indicators::table
                .find(current.id)
                .filter(indicators::version.eq(current.version)),
        )
        .execute(conn)
        .map_err(referenced_meanwhile("deleting an indicator", || {
            crate::messages::Message::new("catalog-indicator-changed-while-deleted")
                .arg("code", code)
                .into()
        }))?;
        if deleted == 0 {
            return Err(StoreError::VersionMismatch {
                expected: current.version,
                current: require_indicator(conn, code)?.version,
            });
        }
        Ok(())
    })
}
