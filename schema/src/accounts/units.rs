use diesel::prelude::*;

use crate::StoreError;
use crate::db::Db;
use crate::domain::OrgUnitCode;
use crate::schema::org_units;

/// The unit an account belongs to: its scope is the subtree under `path`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HomeUnit {
    pub id: i64,
    pub code: String,
    pub path: String,
}

/// The unit with `code`, if it exists.
pub fn find_unit(conn: &mut Db, code: &OrgUnitCode) -> Result<Option<HomeUnit>, StoreError> {
    org_units::table
        .filter(org_units::code.eq(code.as_str()))
        .select((org_units::id, org_units::code, org_units::path))
        .first::<(i64, String, String)>(conn)
        .optional()
        .map(|row| row.map(|(id, code, path)| HomeUnit { id, code, path }))
        .map_err(StoreError::database("reading an organisation unit"))
}

/// The unit with `id`, which must exist (foreign keys guarantee it for stored references).
pub(crate) fn unit_by_id(conn: &mut Db, id: Option<i64>) -> Result<Option<HomeUnit>, StoreError> {
    let Some(id) = id else { return Ok(None) };
    org_units::table
        .find(id)
        .select((org_units::id, org_units::code, org_units::path))
        .first::<(i64, String, String)>(conn)
        .optional()
        .map(|row| row.map(|(id, code, path)| HomeUnit { id, code, path }))
        .map_err(StoreError::database("reading a home unit"))
}
