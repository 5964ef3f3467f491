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
