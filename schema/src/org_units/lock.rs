//! Keeping the materialised paths consistent under concurrent writers.
//!
//! A move rewrites a range of paths with one UPDATE whose snapshot starts with the statement,
//! so on PostgreSQL a child inserted under a moving unit by a concurrent transaction would keep
//! its old path, and two crossed moves could each pass the "not under itself" check. Writers
//! that read paths therefore take a transaction-scoped advisory lock first: shared for creates
//! (which do not disturb each other), exclusive for moves and closures (rare, administrative).
//! SQLite has one writer at a time, but a transaction that reads before it writes may find at
//! its first write that another writer committed meanwhile, and fail at once (SQLITE_BUSY)
//! instead of waiting: so there the lock is a write that changes nothing, taking the database's
//! write lock (waiting up to busy_timeout) before anything is read.

use diesel::RunQueryDsl;

use crate::StoreError;
use crate::db::Db;

/// "org_tree" in ASCII: the advisory lock key of the organisation tree.
const TREE_LOCK_KEY: i64 = 0x6f72_675f_7472_6565;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TreeLock {
    /// Adds units without moving any.
    Shared,
    /// Rewrites paths or closes units.
    Exclusive,
}

/// Takes the tree lock until the end of the current transaction.
pub(super) fn lock_tree(conn: &mut Db, mode: TreeLock) -> Result<(), StoreError> {
    match conn {
        Db::Postgresql(pg) => {
            let function = match mode {
                TreeLock::Shared => "pg_advisory_xact_lock_shared",
                TreeLock::Exclusive => "pg_advisory_xact_lock",
            };
            diesel::sql_query(format!("SELECT {function}({TREE_LOCK_KEY})"))
                .execute(pg)
                .map(|_| ())
                .map_err(StoreError::database("locking the organisation tree"))
        }
        Db::Sqlite(sqlite) => diesel::sql_query("UPDATE org_units SET id = id WHERE id = -1")
            .execute(sqlite)
            .map(|_| ())
            .map_err(StoreError::database("locking the organisation tree")),
    }
}
