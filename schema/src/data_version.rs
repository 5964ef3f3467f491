//! The data version: one number that changes in the same transaction as every write that can
//! change a progress report, a roll-up or a completeness answer. Database triggers bump it
//! (migration `*_data_version`, both backends), so every write path, present or future, keeps
//! it without calling anything; readers take it before they compute, so an answer is tagged
//! with a version no newer than the data it was computed from and is never served as current
//! once a later write has committed, on one process or several sharing the database.

use diesel::prelude::*;

use crate::StoreError;
use crate::db::Db;
use crate::schema::data_version;

/// Both numbers of the row, read together: what a request needs before anything else (see
/// [`stamp`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// The data version (see [`current`]).
    pub data: i64,
    /// Changes with every committed write to users or API keys: with `data` (which covers the
    /// home units' places in the tree) it says whether an account read earlier still holds.
    pub accounts: i64,
}

/// The data version and the accounts version in one read of one row. Read it before the
/// account and the data it will vouch for.
pub fn stamp(conn: &mut Db) -> Result<Stamp, StoreError> {
    data_version::table
        .select((data_version::version, data_version::accounts_version))
        .filter(data_version::id.eq(1))
        .first(conn)
        .map(|(data, accounts)| Stamp { data, accounts })
        .map_err(StoreError::database("reading the data version"))
}

/// The current data version. Read it before computing the answer it will tag.
pub fn current(conn: &mut Db) -> Result<i64, StoreError> {
    data_version::table
        .select(data_version::version)
        .filter(data_version::id.eq(1))
        .first(conn)
        .map_err(StoreError::database("reading the data version"))
}

#[cfg(test)]
mod tests;
