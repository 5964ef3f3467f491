use diesel::prelude::*;

use super::{COLUMNS, Row, User, from_row};
use crate::StoreError;
use crate::accounts::{PasswordHash, Username};
use crate::db::Db;
use crate::schema::users;

pub fn find(conn: &mut Db, username: &Username) -> Result<Option<User>, StoreError> {
    let row = users::table
        .filter(users::username.eq(username.as_str()))
        .select(COLUMNS)
        .first::<Row>(conn)
        .optional()
        .map_err(StoreError::database("reading a user"))?;
    row.map(|row| from_row(conn, row)).transpose()
}

/// The user and their password hash, for signing in.
pub fn find_with_password(
    conn: &mut Db,
    username: &Username,
) -> Result<Option<(User, PasswordHash)>, StoreError> {
    let Some(user) = find(conn, username)? else {
        return Ok(None);
    };
    let hash = users::table
        .find(user.id)
        .select(users::password_hash)
        .first::<String>(conn)
        .map_err(StoreError::database("reading a password hash"))?;
    Ok(Some((user, PasswordHash::from_stored(hash))))
}

/// How many users exist, to know whether a bootstrap administrator is needed.
pub fn count(conn: &mut Db) -> Result<i64, StoreError> {
    users::table
        .count()
        .get_result(conn)
        .map_err(StoreError::database("counting users"))
}
