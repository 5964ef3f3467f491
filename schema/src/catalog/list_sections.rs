use diesel::prelude::*;

use super::lookup::require_catalog;
use super::records::{SECTION_COLUMNS, Section, SectionRow};
use crate::StoreError;
use crate::db::Db;
use crate::pagination::{Page, PageRequest};
use crate::schema::catalog_sections;

/// A catalog's sections in their order.
pub fn list_sections(
    conn: &mut Db,
    catalog_code: &str,
    request: PageRequest,
) -> Result<Page<Section>, StoreError> {
    let catalog = require_catalog(conn, catalog_code)?;
    let of_catalog = catalog_sections::catalog_id.eq(catalog.id);
    let total: i64 = catalog_sections::table
        .filter(of_catalog)
        .count()
        .get_result(conn)
        .map_err(StoreError::database("counting sections"))?;
    let rows: Vec<SectionRow> = catalog_sections::table
        .filter(of_catalog)
        .select(SECTION_COLUMNS)
        .order_by((catalog_sections::position, catalog_sections::id))
        .offset(request.offset())
        .limit(request.limit())
        .load(conn)
        .map_err(StoreError::database("listing sections"))?;
    Ok(Page {
        items: rows
            .into_iter()
            .map(|row| row.into_record(catalog_code))
            .collect(),
        request,
        total,
    })
}
