//! Closing a unit (a merger, a split, a dissolution): it keeps its data and its past reports,
//! and names the units that take over its work from the closing date.

use std::collections::HashSet;

use chrono::NaiveDate;
use diesel::prelude::*;

use super::lock::{TreeLock, lock_tree};
use super::path;
use super::row::{OrgUnitRow, OrgUnitView, ROW_COLUMNS, claim, row_by_code, view_of};
use crate::db::Db;
use crate::domain::{Name, OrgUnitCode};
use crate::schema::{org_unit_successions, org_units};
use crate::{StoreError, now_utc};

#[derive(Debug, Clone)]
pub struct Closure {
    pub closed_on: NaiveDate,
    pub successor_codes: Vec<OrgUnitCode>,
    pub reason: Name,
}

/// Why a closure was refused: a storage error, or successors that cannot take over (by their
/// index in the request, all of them at once).
#[derive(Debug, thiserror::Error)]
pub enum CloseError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{} successor(s) cannot take over", .0.len())]
    Successors(Vec<(usize, crate::messages::Message)>),
}

impl From<diesel::result::Error> for CloseError {
    fn from(error: diesel::result::Error) -> Self {
        CloseError::Store(error.into())
    }
}

pub fn close(
    conn: &mut Db,
    code: &OrgUnitCode,
    expected: Option<i32>,
    closure: &Closure,
) -> Result<OrgUnitView, CloseError> {
    conn.transaction(|conn| {
        lock_tree(conn, TreeLock::Exclusive)?;
        let now = now_utc();
        let unit = claim(conn, code.as_str(), expected, now)?;
        if let Some(closed_on) = unit.valid_to {
            return Err(StoreError::conflict(
                crate::messages::Message::new("org-unit-already-closed")
                    .arg("code", code)
                    .arg("closedOn", closed_on),
            )
            .into());
        }
        if let Some(from) = unit.valid_from.filter(|from| *from > closure.closed_on) {
            return Err(StoreError::rejected(
                "closedOn",
                crate::messages::Message::new("org-unit-close-before-start")
                    .arg("code", code)
                    .arg("from", from),
            )
            .into());
        }
        let open_children: i64 = org_units::table
            .filter(org_units::parent_id.eq(unit.id))
            .filter(org_units::valid_to.is_null())
            .count()
            .get_result(conn)
            .map_err(StoreError::database("counting open children"))?;
        if open_children > 0 {
            return Err(StoreError::conflict(
                crate::messages::Message::new("org-unit-has-open-children")
                    .arg("code", code)
                    .arg("count", open_children),
            )
            .into());
        }
        let successors = successors_for(conn, &unit, &closure.successor_codes)?;
        diesel::update(org_units::table.filter(org_units::id.eq(unit.id)))
            .set((
                org_units::valid_to.eq(closure.closed_on),
                org_units::closure_reason.eq(closure.reason.as_str()),
                org_units::version.eq(unit.version + 1),
            ))
            .execute(conn)
            .map_err(StoreError::database("closing an organisation unit"))?;
        for successor in &successors {
            diesel::insert_into(org_unit_successions::table)
                .values((
                    org_unit_successions::predecessor_id.eq(unit.id),
                    org_unit_successions::successor_id.eq(successor.id),
                    org_unit_successions::effective_on.eq(closure.closed_on),
                ))
                .execute(conn)
                .map_err(StoreError::database("recording a succession"))?;
        }
        let row = row_by_code(conn, code.as_str())?;
        Ok(view_of(conn, row)?)
    })
}

/// The successors named, each checked: it exists, is open, is of the same kind, and is neither
/// the unit itself nor below it (those close with it or before it).
fn successors_for(
    conn: &mut Db,
    unit: &OrgUnitRow,
    codes: &[OrgUnitCode],
) -> Result<Vec<OrgUnitRow>, CloseError> {
    let wanted: Vec<&str> = codes.iter().map(OrgUnitCode::as_str).collect();
    let found: Vec<OrgUnitRow> = org_units::table
        .filter(org_units::code.eq_any(&wanted))
        .select(ROW_COLUMNS)
        .load(conn)
        .map_err(StoreError::database("reading successors"))?;
    use crate::messages::Message;
    let mut problems = Vec::new();
    let mut successors = Vec::new();
    let mut seen = HashSet::new();
    for (index, code) in codes.iter().enumerate() {
        if !seen.insert(code.as_str()) {
            problems.push((
                index,
                Message::new("org-unit-listed-twice").arg("code", code),
            ));
            continue;
        }
        let Some(successor) = found.iter().find(|row| row.code == code.as_str()) else {
            problems.push((
                index,
                Message::new("org-unit-no-unit-with-code").arg("code", code),
            ));
            continue;
        };
        if successor.id == unit.id {
            problems.push((
                index,
                Message::new("org-unit-succeeds-itself").arg("code", code),
            ));
        } else if path::is_within(&successor.path, &unit.path) {
            problems.push((
                index,
                Message::new("org-unit-succeeds-ancestor")
                    .arg("code", code)
                    .arg("unit", &unit.code),
            ));
        } else if let Some(closed_on) = successor.valid_to {
            problems.push((
                index,
                Message::new("org-unit-successor-closed")
                    .arg("code", code)
                    .arg("closedOn", closed_on),
            ));
        } else if successor.kind != unit.kind {
            problems.push((
                index,
                Message::new("org-unit-successor-kind")
                    .arg("code", code)
                    .arg("kind", &successor.kind)
                    .arg("unit", &unit.code)
                    .arg("unitKind", &unit.kind),
            ));
        } else {
            successors.push(successor.clone());
        }
    }
    if problems.is_empty() {
        Ok(successors)
    } else {
        Err(CloseError::Successors(problems))
    }
}
