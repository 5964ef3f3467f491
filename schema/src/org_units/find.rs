//! Reading one unit by its official code.

use super::row::{OrgUnitView, row_by_code, view_of};
use crate::StoreError;
use crate::db::Db;
use crate::domain::OrgUnitCode;

pub fn find(conn: &mut Db, code: &OrgUnitCode) -> Result<OrgUnitView, StoreError> {
    let row = row_by_code(conn, code.as_str())?;
    view_of(conn, row)
}
