//! Appending to the chain inside the caller's transaction. Appends are serialised so two
//! writers never chain onto the same previous entry: PostgreSQL takes a transaction-scoped
//! advisory lock; SQLite has one writer at a time, and a write that changes nothing takes its
//! write lock before the last hash is read.

use diesel::prelude::*;

use super::entry::NewAuditEntry;
use super::hash::{GENESIS_HASH, entry_hash};
use crate::db::Db;
use crate::schema::audit_entries;
use crate::{StoreError, now_utc};

/// "audit" in ASCII: the advisory lock key of the audit chain.
const AUDIT_LOCK_KEY: i64 = 0x61_7564_6974;

/// Entries per multi-row INSERT: 13 columns × 2,000 stays below SQLite's 32,766 bound
/// parameters (PostgreSQL allows 65,535).
const INSERT_CHUNK: usize = 2_000;

/// Appends `entries` in order; call it inside the transaction that makes the change. The
/// chain is computed in memory and written with multi-row INSERTs, so a bulk import of
/// thousands of changes costs a few statements.
pub fn append(conn: &mut Db, entries: &[NewAuditEntry]) -> Result<(), StoreError> {
    if entries.is_empty() {
        return Ok(());
    }
    lock_chain(conn)?;
    let mut prev_hash = audit_entries::table
        .order(audit_entries::id.desc())
        .select(audit_entries::hash)
        .first::<String>(conn)
        .optional()
        .map_err(StoreError::database("reading the last audit entry"))?
        .unwrap_or_else(|| GENESIS_HASH.to_owned());
    let at = now_utc();
    let mut rows = Vec::with_capacity(entries.len());
    for entry in entries {
        let hash = entry_hash(
            at,
            &entry.actor,
            entry.request_id.as_deref(),
            entry.action,
            &entry.unit_code,
            &entry.plan_code,
            &entry.period,
            entry.indicator_code.as_deref(),
            entry.old_value.as_deref(),
            entry.new_value.as_deref(),
            entry.reason.as_deref(),
            &prev_hash,
        );
        let previous = std::mem::replace(&mut prev_hash, hash.clone());
        rows.push((
            audit_entries::at.eq(at),
            audit_entries::actor.eq(&entry.actor),
            audit_entries::request_id.eq(&entry.request_id),
            audit_entries::action.eq(entry.action),
            audit_entries::unit_code.eq(&entry.unit_code),
            audit_entries::plan_code.eq(&entry.plan_code),
            audit_entries::period.eq(&entry.period),
            audit_entries::indicator_code.eq(&entry.indicator_code),
            audit_entries::old_value.eq(&entry.old_value),
            audit_entries::new_value.eq(&entry.new_value),
            audit_entries::reason.eq(&entry.reason),
            audit_entries::prev_hash.eq(previous),
            audit_entries::hash.eq(hash),
        ));
    }
    // Multi-row INSERTs do not compile on the MultiConnection enum: use the inner connection.
    // Rows are inserted in order, so ids follow the chain.
    for chunk in rows.chunks(INSERT_CHUNK) {
        match conn {
            Db::Postgresql(pg) => diesel::insert_into(audit_entries::table)
                .values(chunk)
                .execute(pg),
            Db::Sqlite(sqlite) => diesel::insert_into(audit_entries::table)
                .values(chunk)
                .execute(sqlite),
        }
        .map_err(StoreError::database("appending audit entries"))?;
    }
    Ok(())
}

/// Serialises writers of the chain until the end of the transaction; report writes take it
/// first, before reading anything, so SQLite never has to upgrade a read snapshot.
pub fn lock_chain(conn: &mut Db) -> Result<(), StoreError> {
    match conn {
        Db::Postgresql(pg) => {
            diesel::sql_query(format!("SELECT pg_advisory_xact_lock({AUDIT_LOCK_KEY})"))
                .execute(pg)
                .map(|_| ())
                .map_err(StoreError::database("locking the audit chain"))
        }
        Db::Sqlite(sqlite) => diesel::sql_query("UPDATE audit_entries SET id = id WHERE id = -1")
            .execute(sqlite)
            .map(|_| ())
            .map_err(StoreError::database("locking the audit chain")),
    }
}
