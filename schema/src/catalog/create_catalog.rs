use diesel::prelude::*;

use super::inputs::NewCatalog;
use super::lookup::catalog_by_code;
use super::records::{CATALOG_COLUMNS, Catalog, CatalogRow};
use crate::db::Db;
use crate::schema::catalogs;
use crate::{StoreError, now_utc};

/// Creates an empty catalog; 409 when its code is taken.
pub fn create_catalog(conn: &mut Db, new: NewCatalog) -> Result<Catalog, StoreError> {
    conn.write_transaction(|conn| {
        let code = new.code.as_str();
        if catalog_by_code(conn, code)?.is_some() {
            return Err(StoreError::conflict(
                crate::messages::Message::new("catalog-code-taken").arg("code", code),
            ));
        }
        let now = now_utc();
        let row: CatalogRow = diesel::insert_into(catalogs::table)
            .values((
                catalogs::code.eq(code),
                catalogs::name.eq(new.name.as_str()),
                catalogs::description.eq(new.description.into_option()),
                catalogs::level.eq(new.level.map(|kind| kind.as_str())),
                catalogs::version.eq(1),
                catalogs::created_at.eq(now),
                catalogs::updated_at.eq(now),
            ))
            .returning(CATALOG_COLUMNS)
            .get_result(conn)
            .map_err(StoreError::database("creating a catalog"))?;
        row.into_record()
    })
}
