use diesel::prelude::*;

use super::guards::check_version;
use super::inputs::SectionChanges;
use super::lookup::{require_catalog, section_by_code, section_by_id};
use super::records::{SECTION_COLUMNS, Section, SectionRow};
use crate::StoreError;
use crate::db::Db;
use crate::schema::catalog_sections;

/// Changes a section's title or position; the version moves only on a real change.
pub fn update_section(
    conn: &mut Db,
    catalog_code: &str,
    section_code: &str,
    expected_version: Option<i32>,
    changes: SectionChanges,
) -> Result<Section, StoreError> {
    conn.write_transaction(|conn| {
        let catalog = require_catalog(conn, catalog_code)?;
        let current = section_by_code(conn, catalog.id, section_code)?.ok_or_else(|| {
            StoreError::not_found(
                "section",
                format!("{section_code} of catalog {catalog_code}"),
            )
        })?;
        check_version(expected_version, current.version)?;
        let title = changes
            .title
            .map_or(current.title.clone(), |t| t.into_string());
        let position = changes.position.map_or(current.position, |p| p.get());
        if title == current.title && position == current.position {
            return Ok(current.into_record(catalog_code));
        }
        // Guarded by the version read, so a concurrent edit is refused rather than overwritten.
        let row: Option<SectionRow> = diesel::update(
            catalog_sections::table
                .find(current.id)
                .filter(catalog_sections::version.eq(current.version)),
        )
        .set((
            catalog_sections::title.eq(title),
            catalog_sections::position.eq(position),
            catalog_sections::version.eq(current.version + 1),
        ))
        .returning(SECTION_COLUMNS)
        .get_result(conn)
        .optional()
        .map_err(StoreError::database("updating a section"))?;
        match row {
            Some(row) => Ok(row.into_record(catalog_code)),
            None => Err(StoreError::VersionMismatch {
                expected: current.version,
                current: section_by_id(conn, current.id)?.version,
            }),
        }
    })
}
