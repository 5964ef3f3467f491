use diesel::prelude::*;

use super::records::{CATALOG_COLUMNS, Catalog, CatalogRow};
use crate::StoreError;
use crate::db::Db;
use crate::pagination::{Page, PageRequest};
use crate::schema::catalogs;

/// Catalogs in code order.
pub fn list_catalogs(conn: &mut Db, request: PageRequest) -> Result<Page<Catalog>, StoreError> {
    let total: i64 = catalogs::table
        .count()
        .get_result(conn)
        .map_err(StoreError::database("counting catalogs"))?;
    let rows: Vec<CatalogRow> = catalogs::table
        .select(CATALOG_COLUMNS)
        .order_by(catalogs::code)
        .offset(request.offset())
        .limit(request.limit())
        .load(conn)
        .map_err(StoreError::database("listing catalogs"))?;
    let items = rows
        .into_iter()
        .map(CatalogRow::into_record)
        .collect::<Result<_, _>>()?;
    Ok(Page {
        items,
        request,
        total,
    })
}
