use diesel::prelude::*;

use super::guards::{check_version, referenced_meanwhile};
use super::lookup::{require_catalog, section_by_code, section_by_id};
use crate::StoreError;
use crate::db::Db;
use crate::schema::{catalog_sections, indicators};

/// Deletes a section; refused while indicators are filed under it.
pub fn delete_section(
    conn: &mut Db,
    catalog_code: &str,
    section_code: &str,
    expected_version: Option<i32>,
) -> Result<(), StoreError> {
    conn.write_transaction(|conn| {
        let catalog = require_catalog(conn, catalog_code)?;
        let current = section_by_code(conn, catalog.id, section_code)?.ok_or_else(|| {
            StoreError::not_found(
                "section",
                format!("{section_code} of catalog {catalog_code}"),
            )
        })?;
        check_version(expected_version, current.version)?;
        let indicator_count: i64 = indicators::table
            .filter(indicators::section_id.eq(current.id))
            .count()
            .get_result(conn)
            .map_err(StoreError::database("counting a section's indicators"))?;
        if indicator_count > 0 {
            return Err(StoreError::conflict(
                crate::messages::Message::new("catalog-section-not-empty")
                    .arg("section", section_code)
                    .arg("catalog", catalog_code)
                    .arg("count", indicator_count),
            ));
        }
        let deleted = diesel::delete(
            catalog_sections::table
                .find(current.id)
                .filter(catalog_sections::version.eq(current.version)),
        )
        .execute(conn)
        .map_err(referenced_meanwhile("deleting a section", || {
            crate::messages::Message::new("catalog-section-changed-while-deleted")
                .arg("section", section_code)
                .arg("catalog", catalog_code)
                .into()
        }))?;
        if deleted == 0 {
            return Err(StoreError::VersionMismatch {
                expected: current.version,
                current: section_by_id(conn, current.id)?.version,
            });
        }
        Ok(())
    })
}
