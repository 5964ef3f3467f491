use diesel::prelude::*;

use super::guards::{check_version, referenced_meanwhile};
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
    conn.write_transaction(|conn| {
        let current = require_catalog(conn, code)?;
        check_version(expected_version, current.version)?;
        let indicator_count: i64 = indicators::table
            .filter(indicators::catalog_id.eq(current.id))
            .count()
            .get_result(conn)
            .map_err(StoreError::database("counting a catalog's indicators"))?;
        if indicator_count > 0 {
            return Err(StoreError::conflict(
                crate::messages::Message::new("catalog-not-empty")
                    .arg("code", code)
                    .arg("count", indicator_count),
            ));
        }
        diesel::delete(catalog_sections::table.filter(catalog_sections::catalog_id.eq(current.id)))
            .execute(conn)
            .map_err(referenced_meanwhile(
                "deleting a catalog's sections",
                || {
                    crate::messages::Message::new("catalog-changed-while-deleted")
                        .arg("code", code)
                        .into()
                },
            ))?;
        let deleted = diesel::delete(
            catalogs::table
                .find(current.id)
                .filter(catalogs::version.eq(current.version)),
        )
        .execute(conn)
        .map_err(referenced_meanwhile("deleting a catalog", || {
            crate::messages::Message::new("catalog-changed-while-deleted")
                .arg("code", code)
                .into()
        }))?;
        if deleted == 0 {
            return Err(StoreError::VersionMismatch {
                expected: current.version,
                current: require_catalog(conn, code)?.version,
            });
        }
        Ok(())
    })
}
