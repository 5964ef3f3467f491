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
    /// Tokens carry it; a password change or reset, disabling, or a change of role or home
    /// unit raises it, which ends every token issued before.
    pub token_generation: i32,
    /// The password was set by someone else: the owner must change it before doing anything.
    pub password_must_change: bool,
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
    i32,
    bool,
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
    users::token_generation,
    users::password_must_change,
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
    users::token_generation,
    users::password_must_change,
);

/// Turns a row into a user, reading its home unit.
pub(crate) fn from_row(conn: &mut Db, row: Row) -> Result<User, StoreError> {
    let (
        id,
        username,
        display_name,
        role,
        home_unit_id,
        disabled,
        version,
        created,
        updated,
        token_generation,
        password_must_change,
    ) = row;
    let unreadable = |e: crate::domain::Invalid| StoreError::Conflict {
        detail: format!("stored user {username:?} is unreadable: {e}").into(),
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
        token_generation,
        password_must_change,
    })
}
