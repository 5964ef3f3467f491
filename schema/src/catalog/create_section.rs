use diesel::prelude::*;

use super::inputs::NewSection;
use super::lookup::{require_catalog, section_by_code};
use super::records::{SECTION_COLUMNS, Section, SectionRow};
use crate::StoreError;
use crate::db::Db;
use crate::schema::catalog_sections;

/// Adds a section to a catalog; 409 when the catalog already has a section with this numeral.
pub fn create_section(
    conn: &mut Db,
    catalog_code: &str,
    new: NewSection,
) -> Result<Section, StoreError> {
    conn.write_transaction(|conn| {
        let catalog = require_catalog(conn, catalog_code)?;
        let code = new.code.as_str();
        if section_by_code(conn, catalog.id, code)?.is_some() {
            return Err(StoreError::conflict(
                crate::messages::Message::new("catalog-section-exists")
                    .arg("catalog", catalog_code)
                    .arg("code", code),
            ));
        }
        let position = new
            .position
            .map_or(i32::from(new.code.value()), |p| p.get());
        let row: SectionRow = diesel::insert_into(catalog_sections::table)
            .values((
                catalog_sections::catalog_id.eq(catalog.id),
                catalog_sections::code.eq(code),
                catalog_sections::title.eq(new.title.as_str()),
                catalog_sections::position.eq(position),
                catalog_sections::version.eq(1),
            ))
            .returning(SECTION_COLUMNS)
            .get_result(conn)
            .map_err(StoreError::database("creating a section"))?;
        Ok(row.into_record(catalog_code))
    })
}
