use super::lookup::require_catalog;
use super::records::Catalog;
use crate::StoreError;
use crate::db::Db;

/// The catalog with this code; 404 when there is none.
pub fn find_catalog(conn: &mut Db, code: &str) -> Result<Catalog, StoreError> {
    require_catalog(conn, code)?.into_record()
}
