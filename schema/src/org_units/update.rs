//! Renaming and moving a unit. A move rewrites the paths and depths of the whole subtree with
//! one UPDATE over the subtree's path range, inside the same transaction as the rest.

use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::sql_types::{Integer, Text};

use super::create::{check_parent, existing_parent};
use super::lock::{TreeLock, lock_tree};
use super::path;
use super::row::{OrgUnitView, claim, row_by_code, view_of};
use crate::db::Db;
use crate::domain::{Name, OrgUnitCode};
use crate::schema::org_units;
use crate::{StoreError, now_utc};

/// What to change; `None` leaves a field as it is. Code and kind never change: they are the
/// unit's identity for reports and exchanges.
#[derive(Debug, Clone, Default)]
pub struct OrgUnitChanges {
    pub name: Option<Name>,
    pub parent_code: Option<OrgUnitCode>,
    pub valid_from: Option<NaiveDate>,
}

diesel::define_sql_function! {
    /// `substr(text, start)`, 1-based, the same on SQLite and PostgreSQL.
    fn substr(text: Text, start: Integer) -> Text;
}

#[derive(AsChangeset)]
#[diesel(table_name = org_units)]
struct UnitChangeset<'a> {
    name: Option<&'a str>,
    name_key: Option<String>,
    valid_from: Option<NaiveDate>,
    parent_id: Option<i64>,
    version: i32,
}

/// Applies `changes` to the unit with `code`, made against version `expected` (`None`: any).
pub fn update(
    conn: &mut Db,
    code: &OrgUnitCode,
    expected: Option<i32>,
    changes: &OrgUnitChanges,
) -> Result<OrgUnitView, StoreError> {
    conn.transaction(|conn| {
        let mode = match changes.parent_code {
            Some(_) => TreeLock::Exclusive,
            None => TreeLock::Shared,
        };
        lock_tree(conn, mode)?;
        let now = now_utc();
        let unit = claim(conn, code.as_str(), expected, now)?;
        if let (Some(from), Some(to)) = (changes.valid_from, unit.valid_to) {
            if from > to {
                return Err(StoreError::rejected(
                    "validFrom",
                    crate::messages::Message::new("org-unit-start-after-close")
                        .arg("code", code)
                        .arg("to", to),
                ));
            }
        }
        let mut new_parent_id = None;
        let is_move = changes
            .parent_code
            .as_ref()
            .is_some_and(|parent| Some(parent.as_str()) != unit.parent_code());
        if let (true, Some(parent_code)) = (is_move, &changes.parent_code) {
            let parent = existing_parent(conn, parent_code)?;
            if path::is_within(&parent.path, &unit.path) {
                return Err(StoreError::rejected(
                    "parentCode",
                    if parent.id == unit.id {
                        crate::messages::Message::new("org-unit-own-parent").arg("code", code)
                    } else {
                        crate::messages::Message::new("org-unit-under-descendant")
                            .arg("parent", parent_code)
                            .arg("code", code)
                    },
                ));
            }
            check_parent(unit.kind()?, &parent)?;
            let new_path = path::child_path(&parent.path, code);
            move_subtree(conn, &unit.path, &new_path, now)?;
            new_parent_id = Some(parent.id);
        }
        let name = changes.name.as_ref();
        diesel::update(org_units::table.filter(org_units::id.eq(unit.id)))
            .set(&UnitChangeset {
                name: name.map(Name::as_str),
                name_key: name.map(Name::key),
                valid_from: changes.valid_from,
                parent_id: new_parent_id,
                version: unit.version + 1,
            })
            .execute(conn)
            .map_err(StoreError::database("updating an organisation unit"))?;
        let row = row_by_code(conn, code.as_str())?;
        view_of(conn, row)
    })
}

/// Rewrites every path in the subtree at `old_path` to start with `new_path` instead, and
/// shifts the depths; every unit in it gets a new version, since its level changed.
fn move_subtree(
    conn: &mut Db,
    old_path: &str,
    new_path: &str,
    now: chrono::NaiveDateTime,
) -> Result<usize, StoreError> {
    let kept_from = i32::try_from(old_path.len() + 1).unwrap_or(i32::MAX);
    let depth_shift = path::depth(new_path) - path::depth(old_path);
    diesel::update(
        org_units::table
            .filter(org_units::path.ge(old_path))
            .filter(org_units::path.lt(path::upper_bound(old_path))),
    )
    .set((
        org_units::path.eq(new_path
            .to_owned()
            .into_sql::<Text>()
            .concat(substr(org_units::path, kept_from))),
        org_units::depth.eq(org_units::depth + depth_shift),
        org_units::version.eq(org_units::version + 1),
        org_units::updated_at.eq(now),
    ))
    .execute(conn)
    .map_err(StoreError::database("moving a subtree"))
}
