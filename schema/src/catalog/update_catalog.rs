use diesel::prelude::*;

use super::guards::check_version;
use super::inputs::CatalogChanges;
use super::lookup::require_catalog;
use super::records::{CATALOG_COLUMNS, Catalog, CatalogRow};
use crate::db::Db;
use crate::schema::catalogs;
use crate::{StoreError, now_utc};

/// Changes the catalog's own fields. The version moves only when something actually changed,
/// so a repeated PATCH does not invalidate other editors' copies.
pub fn update_catalog(
    conn: &mut Db,
    code: &str,
    expected_version: Option<i32>,
    changes: CatalogChanges,
) -> Result<Catalog, StoreError> {
    conn.write_transaction(|conn| {
        let current = require_catalog(conn, code)?;
        check_version(expected_version, current.version)?;
        let name = changes
            .name
            .map_or(current.name.clone(), |n| n.into_string());
        let description = changes
            .description
            .map_or(current.description.clone(), |d| d.into_option());
        let level = changes.level.map_or(current.level.clone(), |level| {
            level.map(|kind| kind.as_str().to_owned())
        });
        if name == current.name && description == current.description && level == current.level {
            return current.into_record();
        }
        // Guarded by the version read, so a concurrent edit is refused rather than overwritten.
        let row: Option<CatalogRow> = diesel::update(
            catalogs::table
                .find(current.id)
                .filter(catalogs::version.eq(current.version)),
        )
        .set((
            catalogs::name.eq(name),
            catalogs::description.eq(description),
            catalogs::level.eq(level),
            catalogs::version.eq(current.version + 1),
            catalogs::updated_at.eq(now_utc()),
        ))
        .returning(CATALOG_COLUMNS)
        .get_result(conn)
        .optional()
        .map_err(StoreError::database("updating a catalog"))?;
        match row {
            Some(row) => row.into_record(),
            None => Err(StoreError::VersionMismatch {
                expected: current.version,
                current: require_catalog(conn, code)?.version,
            }),
        }
    })
}
