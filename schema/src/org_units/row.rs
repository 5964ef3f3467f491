//! The stored shape of a unit and the view handed to callers, with the codes of the units it
//! succeeded and that succeeded it.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::path;
use crate::StoreError;
use crate::db::Db;
use crate::domain::OrgUnitKind;
use crate::schema::{org_unit_successions, org_units};

#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = org_units)]
pub struct OrgUnitRow {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub kind: String,
    pub parent_id: Option<i64>,
    pub path: String,
    pub depth: i32,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    pub closure_reason: Option<String>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl OrgUnitRow {
    /// The kind as a domain value; the CHECK constraint keeps unknown kinds out of the table.
    pub fn kind(&self) -> Result<OrgUnitKind, StoreError> {
        OrgUnitKind::parse(&self.kind).map_err(|invalid| StoreError::Conflict {
            detail: format!(
                "unit {} has a stored kind that is not known: {invalid}",
                self.code
            )
            .into(),
        })
    }

    pub fn parent_code(&self) -> Option<&str> {
        path::parent_code(&self.path)
    }

    pub fn is_closed(&self) -> bool {
        self.valid_to.is_some()
    }
}

/// A unit as callers see it: its row and its successions, by code.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgUnitView {
    pub row: OrgUnitRow,
    /// Units that took over from this one when it closed, by code.
    pub successors: Vec<String>,
    /// Units this one took over from, by code.
    pub predecessors: Vec<String>,
}

/// The columns of [`OrgUnitRow`], for `.select(...)` and `.returning(...)` alike (the enum
/// connection cannot return `as_returning()`).
pub(super) type RowColumns = (
    org_units::id,
    org_units::code,
    org_units::name,
    org_units::kind,
    org_units::parent_id,
    org_units::path,
    org_units::depth,
    org_units::valid_from,
    org_units::valid_to,
    org_units::closure_reason,
    org_units::version,
    org_units::created_at,
    org_units::updated_at,
);

pub(super) const ROW_COLUMNS: RowColumns = (
    org_units::id,
    org_units::code,
    org_units::name,
    org_units::kind,
    org_units::parent_id,
    org_units::path,
    org_units::depth,
    org_units::valid_from,
    org_units::valid_to,
    org_units::closure_reason,
    org_units::version,
    org_units::created_at,
    org_units::updated_at,
);

/// The unit with `code`, or `NotFound`.
pub(super) fn row_by_code(conn: &mut Db, code: &str) -> Result<OrgUnitRow, StoreError> {
    org_units::table
        .filter(org_units::code.eq(code))
        .select(ROW_COLUMNS)
        .first::<OrgUnitRow>(conn)
        .optional()
        .map_err(StoreError::database("reading an organisation unit"))?
        .ok_or_else(|| StoreError::not_found("organisation unit", code))
}

/// Adds the successions of each row, with two queries for the whole batch.
pub(super) fn with_successions(
    conn: &mut Db,
    rows: Vec<OrgUnitRow>,
) -> Result<Vec<OrgUnitView>, StoreError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let successors: Vec<(i64, String)> = org_unit_successions::table
        .inner_join(org_units::table.on(org_units::id.eq(org_unit_successions::successor_id)))
        .filter(org_unit_successions::predecessor_id.eq_any(&ids))
        .select((org_unit_successions::predecessor_id, org_units::code))
        .order(org_units::code)
        .load(conn)
        .map_err(StoreError::database("reading successors"))?;
    let predecessors: Vec<(i64, String)> = org_unit_successions::table
        .inner_join(org_units::table.on(org_units::id.eq(org_unit_successions::predecessor_id)))
        .filter(org_unit_successions::successor_id.eq_any(&ids))
        .select((org_unit_successions::successor_id, org_units::code))
        .order(org_units::code)
        .load(conn)
        .map_err(StoreError::database("reading predecessors"))?;
    let mut successors_of = group(successors);
    let mut predecessors_of = group(predecessors);
    Ok(rows
        .into_iter()
        .map(|row| OrgUnitView {
            successors: successors_of.remove(&row.id).unwrap_or_default(),
            predecessors: predecessors_of.remove(&row.id).unwrap_or_default(),
            row,
        })
        .collect())
}

pub(super) fn view_of(conn: &mut Db, row: OrgUnitRow) -> Result<OrgUnitView, StoreError> {
    let code = row.code.clone();
    with_successions(conn, vec![row])?
        .pop()
        .ok_or_else(|| StoreError::not_found("organisation unit", code))
}

fn group(pairs: Vec<(i64, String)>) -> HashMap<i64, Vec<String>> {
    let mut grouped: HashMap<i64, Vec<String>> = HashMap::new();
    for (id, code) in pairs {
        grouped.entry(id).or_default().push(code);
    }
    grouped
}

/// Turns "no row changed" after a versioned update into the precise reason.
pub(super) fn stale_or_missing(
    conn: &mut Db,
    code: &str,
    expected: Option<i32>,
) -> Result<StoreError, StoreError> {
    let row = row_by_code(conn, code)?;
    Ok(StoreError::VersionMismatch {
        expected: expected.unwrap_or(row.version),
        current: row.version,
    })
}

/// Takes the write lock on a unit for a change made against version `expected` (`None`: any
/// version), so concurrent editors queue here instead of overwriting each other.
pub(super) fn claim(
    conn: &mut Db,
    code: &str,
    expected: Option<i32>,
    now: NaiveDateTime,
) -> Result<OrgUnitRow, StoreError> {
    let mut query = diesel::update(org_units::table)
        .filter(org_units::code.eq(code))
        .into_boxed();
    if let Some(version) = expected {
        query = query.filter(org_units::version.eq(version));
    }
    let claimed = query
        .set(org_units::updated_at.eq(now))
        .returning(ROW_COLUMNS)
        .get_result::<OrgUnitRow>(conn)
        .optional()
        .map_err(StoreError::database("locking an organisation unit"))?;
    match claimed {
        Some(row) => Ok(row),
        None => Err(stale_or_missing(conn, code, expected)?),
    }
}
