use super::lookup::{indicator_record, require_indicator};
use super::records::Indicator;
use crate::StoreError;
use crate::db::Db;

/// The indicator with this global code; 404 when there is none.
pub fn find_indicator(conn: &mut Db, code: &str) -> Result<Indicator, StoreError> {
    let row = require_indicator(conn, code)?;
    indicator_record(conn, row.id)
}
