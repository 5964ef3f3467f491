//! The chain of units above one: read from its materialised path, in one query.

use diesel::prelude::*;

use super::path;
use super::row::{OrgUnitRow, OrgUnitView, ROW_COLUMNS, row_by_code, with_successions};
use crate::StoreError;
use crate::db::Db;
use crate::domain::OrgUnitCode;
use crate::schema::org_units;

/// The ancestors of the unit with `code`, root first, ending with its parent.
pub fn ancestors(conn: &mut Db, code: &OrgUnitCode) -> Result<Vec<OrgUnitView>, StoreError> {
    let unit = row_by_code(conn, code.as_str())?;
    let codes = path::ancestor_codes(&unit.path);
    if codes.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<OrgUnitRow> = org_units::table
        .filter(org_units::code.eq_any(&codes))
        .order(org_units::depth)
        .select(ROW_COLUMNS)
        .load(conn)
        .map_err(StoreError::database("reading ancestors"))?;
    with_successions(conn, rows)
}
