use super::lookup::{require_catalog, section_by_code};
use super::records::Section;
use crate::StoreError;
use crate::db::Db;

/// A section of a catalog; 404 when the catalog or the section does not exist.
pub fn find_section(
    conn: &mut Db,
    catalog_code: &str,
    section_code: &str,
) -> Result<Section, StoreError> {
    let catalog = require_catalog(conn, catalog_code)?;
    let section = section_by_code(conn, catalog.id, section_code)?.ok_or_else(|| {
        StoreError::not_found(
            "section",
            format!("{section_code} of catalog {catalog_code}"),
        )
    })?;
    Ok(section.into_record(catalog_code))
}
