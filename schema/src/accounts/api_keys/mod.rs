//! API keys for other systems: one file per action.

mod create;
mod find;
mod list;
mod revoke;

pub use create::{NewApiKey, create};
pub use find::{authenticate, find, mark_used};
pub use list::list;
pub use revoke::revoke;

use chrono::NaiveDateTime;

use super::{HomeUnit, Role, units};
use crate::StoreError;
use crate::db::Db;

/// A stored key, without its secret.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiKey {
    pub id: i64,
    pub prefix: String,
    pub name: String,
    pub role: Role,
    pub home_unit: Option<HomeUnit>,
    /// The username of the creator.
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub expires_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
    pub last_used_at: Option<NaiveDateTime>,
}

impl ApiKey {
    /// Usable at `now`: not revoked and not expired.
    pub fn is_active(&self, now: NaiveDateTime) -> bool {
        self.revoked_at.is_none() && self.expires_at.is_none_or(|at| at > now)
    }
}

pub(crate) type Row = (
    i64,
    String,
    String,
    String,
    Option<i64>,
    String,
    NaiveDateTime,
    Option<NaiveDateTime>,
    Option<NaiveDateTime>,
    Option<NaiveDateTime>,
);

/// The columns of [`Row`]: `api_keys` joined with the creator in `users`.
macro_rules! key_columns {
    () => {
        (
            crate::schema::api_keys::id,
            crate::schema::api_keys::prefix,
            crate::schema::api_keys::name,
            crate::schema::api_keys::role,
            crate::schema::api_keys::home_unit_id,
            crate::schema::users::username,
            crate::schema::api_keys::created_at,
            crate::schema::api_keys::expires_at,
            crate::schema::api_keys::revoked_at,
            crate::schema::api_keys::last_used_at,
        )
    };
}
pub(crate) use key_columns;

pub(crate) fn from_row(conn: &mut Db, row: Row) -> Result<ApiKey, StoreError> {
    let (id, prefix, name, role, unit, created_by, created_at, expires_at, revoked_at, used) = row;
    Ok(ApiKey {
        id,
        role: Role::from_db_str(&role).map_err(|e| StoreError::Conflict {
            detail: format!("stored API key {prefix} is unreadable: {e}").into(),
        })?,
        prefix,
        name,
        home_unit: units::unit_by_id(conn, unit)?,
        created_by,
        created_at,
        expires_at,
        revoked_at,
        last_used_at: used,
    })
}
