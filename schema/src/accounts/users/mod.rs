//! Users: one file per action.

mod create;
mod find;
mod list;
mod update;

pub use create::{NewUser, create};
pub use find::{count, find, find_with_password};
pub use list::list;
pub use update::{UserChanges, update};

use chrono::NaiveDateTime;

use super::{HomeUnit, Role, Username, units};
use crate::StoreError;
use crate::db::Db;
use crate::schema::users;

/// A stored user, without the password hash.
#[derive(Debug, Clone, PartialEq)]
pub struct User {
    pub id: i64,
    pub username: Username,
    pub display_name: String,
    pub role: Role,
    /// `None` only for administrators.
    pub home_unit: Option<HomeUnit>,
    pub disabled: bool,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub(crate) type Row = (
    i64,
    String,
    String,
    String,
    Option<i64>,
    bool,
    i32,
    NaiveDateTime,
    NaiveDateTime,
);

#[allow(clippy::type_complexity)]
pub(crate) const COLUMNS: (
    users::id,
    users::username,
    users::display_name,
    users::role,
    users::home_unit_id,
    users::disabled,
    users::version,
    users::created_at,
    users::updated_at,
) = (
    users::id,
    users::username,
    users::display_name,
    users::role,
    users::home_unit_id,
    users::disabled,
    users::version,
    users::created_at,
    users::updated_at,
);

/// Turns a row into a user, reading its home unit.
pub(crate) fn from_row(conn: &mut Db, row: Row) -> Result<User, StoreError> {
    let (id, username, display_name, role, home_unit_id, disabled, version, created, updated) = row;
    let unreadable = |e: crate::domain::Invalid| StoreError::Conflict {
        detail: format!("stored user {username:?} is unreadable: {e}"),
    };
    Ok(User {
        id,
        username: Username::parse(&username).map_err(unreadable)?,
        display_name,
        role: Role::from_db_str(&role).map_err(unreadable)?,
        home_unit: units::unit_by_id(conn, home_unit_id)?,
        disabled,
        version,
        created_at: created,
        updated_at: updated,
    })
}
