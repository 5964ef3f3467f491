//! Creating a unit under an open parent of an allowed kind.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::lock::{TreeLock, lock_tree};
use super::path;
use super::row::{OrgUnitRow, OrgUnitView, ROW_COLUMNS, row_by_code, view_of};
use crate::db::Db;
use crate::domain::{Name, OrgUnitCode, OrgUnitKind};
use crate::schema::org_units;
use crate::{StoreError, now_utc};

/// A unit to create, parsed at the edge.
#[derive(Debug, Clone)]
pub struct NewOrgUnit {
    pub code: OrgUnitCode,
    pub name: Name,
    pub kind: OrgUnitKind,
    pub parent_code: Option<OrgUnitCode>,
    pub valid_from: Option<NaiveDate>,
}

pub fn create(conn: &mut Db, new: &NewOrgUnit) -> Result<OrgUnitView, StoreError> {
    conn.transaction(|conn| {
        lock_tree(conn, TreeLock::Shared)?;
        let parent = match &new.parent_code {
            Some(code) => Some(parent_for(conn, new.kind, code)?),
            None => None,
        };
        if parent.is_none() && !new.kind.may_sit_under(None) {
            return Err(StoreError::rejected(
                "parentCode",
                crate::messages::Message::new("org-unit-needs-parent")
                    .message("kind", new.kind.message())
                    .message("parents", new.kind.allowed_parents_message()),
            ));
        }
        let (parent_id, path) = match &parent {
            Some(parent) => (Some(parent.id), path::child_path(&parent.path, &new.code)),
            None => (None, path::root_path(&new.code)),
        };
        let now = now_utc();
        let row = diesel::insert_into(org_units::table)
            .values((
                org_units::code.eq(new.code.as_str()),
                org_units::name.eq(new.name.as_str()),
                org_units::name_key.eq(new.name.key()),
                org_units::kind.eq(new.kind.as_str()),
                org_units::parent_id.eq(parent_id),
                org_units::depth.eq(path::depth(&path)),
                org_units::path.eq(&path),
                org_units::valid_from.eq(new.valid_from),
                org_units::version.eq(1),
                org_units::created_at.eq(now),
                org_units::updated_at.eq(now),
            ))
            .returning(ROW_COLUMNS)
            .get_result::<OrgUnitRow>(conn)
            .map_err(
                |e| match StoreError::database("creating an organisation unit")(e) {
                    StoreError::Conflict { .. } => StoreError::Conflict {
                        detail: crate::messages::Message::new("org-unit-code-taken")
                            .arg("code", &new.code)
                            .into(),
                    },
                    other => other,
                },
            )?;
        view_of(conn, row)
    })
}

/// The unit a `kind` unit may be placed under, or why not (as a `parentCode` rejection).
pub(super) fn parent_for(
    conn: &mut Db,
    kind: OrgUnitKind,
    code: &OrgUnitCode,
) -> Result<OrgUnitRow, StoreError> {
    let parent = existing_parent(conn, code)?;
    check_parent(kind, &parent)?;
    Ok(parent)
}

/// The unit named as a parent; an unknown code is the request's fault, not a missing resource.
pub(super) fn existing_parent(conn: &mut Db, code: &OrgUnitCode) -> Result<OrgUnitRow, StoreError> {
    match row_by_code(conn, code.as_str()) {
        Err(StoreError::NotFound { .. }) => Err(StoreError::rejected(
            "parentCode",
            crate::messages::Message::new("org-unit-no-unit-with-code").arg("code", code),
        )),
        found => found,
    }
}

/// Whether a `kind` unit may sit under `parent`: the level rules, and only under open units.
pub(super) fn check_parent(kind: OrgUnitKind, parent: &OrgUnitRow) -> Result<(), StoreError> {
    let parent_kind = parent.kind()?;
    if !kind.may_sit_under(Some(parent_kind)) {
        return Err(StoreError::rejected(
            "parentCode",
            crate::messages::Message::new("org-unit-wrong-parent")
                .message("kind", kind.message())
                .message("parentKind", parent_kind.message())
                .arg("parent", &parent.code)
                .message("parents", kind.allowed_parents_message()),
        ));
    }
    if let Some(closed_on) = parent.valid_to {
        return Err(StoreError::rejected(
            "parentCode",
            crate::messages::Message::new("org-unit-parent-closed")
                .arg("parent", &parent.code)
                .arg("closedOn", closed_on),
        ));
    }
    Ok(())
}
