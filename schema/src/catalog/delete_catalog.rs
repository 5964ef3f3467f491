use diesel::prelude::*;

use super::inputs::check_version;
use super::lookup::require_catalog;
use crate::StoreError;
use crate::db::Db;
use crate::schema::{catalog_sections, catalogs, indicators};

/// Deletes a catalog and its sections. Refused while it has indicators: plans and reports
/// refer to them, so removing them must be a deliberate step of its own.
pub fn delete_catalog(
    conn: &mut Db,
    code: &str,
    expected_version: Option<i32>,
) -> Result<(), StoreError> {
    conn.transaction(|conn| {
        let current = require_catalog(conn, code)?;
        check_version(expected_version, current.version)?;
        let indicator_count: i64 = indicators::table
            .filter(indicators::catalog_id.eq(current.id))
            .count()
            .get_result(conn)
            .map_err(StoreError::database("counting a catalog's indicators"))?;
        if indicator_count > 0 {
            return Err(StoreError::Conflict {
                detail: format!(
                    "catalog {code} still has {indicator_count} indicator(s); delete them first"
                ),
            });
        }
        diesel::delete(catalog_sections::table.filter(catalog_sections::catalog_id.eq(current.id)))
            .execute(conn)
            .map_err(StoreError::database("deleting a catalog's sections"))?;
        diesel::delete(catalogs::table.find(current.id))
            .execute(conn)
            .map_err(StoreError::database("deleting a catalog"))?;
        Ok(())
    })
}
