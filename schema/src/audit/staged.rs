//! Appending many entries with set-based SQL, for bulk imports: the entries are first copied
//! into a TEMP table of the writer's own connection, outside the write lock (a TEMP table is
//! private to its connection and writing it takes no lock on the shared database); then, in the
//! caller's short transaction, the chain's head is read, the keyed hashes are computed in memory
//! (the chain continues from the head, known only under the lock), written next to the staged
//! rows, and every entry moves into `audit_entries` with one `INSERT … SELECT` in order, each
//! `prev_hash` the hash of the row before it (`LAG`).

use diesel::prelude::*;
use diesel::sql_types::{Text, Timestamp};

use super::append::lock_chain;
use super::entry::NewAuditEntry;
use super::hash::{GENESIS_HASH, entry_hash};
use crate::db::Db;
use crate::schema::audit_entries;
use crate::{StoreError, now_utc};

diesel::table! {
    /// TEMP: the entries of one bulk write, in chain order (`seq` from 0).
    audit_staged (seq) {
        seq -> BigInt,
        actor -> Text,
        request_id -> Nullable<Text>,
        action -> Text,
        unit_code -> Text,
        plan_code -> Text,
        period -> Text,
        indicator_code -> Nullable<Text>,
        old_value -> Nullable<Text>,
        new_value -> Nullable<Text>,
        reason -> Nullable<Text>,
    }
}

diesel::table! {
    /// TEMP: the keyed hash of each staged entry, written under the lock.
    audit_staged_hashes (seq) {
        seq -> BigInt,
        hash -> Text,
    }
}

const SQLITE_TABLES: &str = "\
    CREATE TEMP TABLE IF NOT EXISTS audit_staged (seq INTEGER PRIMARY KEY, actor TEXT NOT NULL, \
     request_id TEXT, action TEXT NOT NULL, unit_code TEXT NOT NULL, plan_code TEXT NOT NULL, \
     period TEXT NOT NULL, indicator_code TEXT, old_value TEXT, new_value TEXT, reason TEXT); \
    CREATE TEMP TABLE IF NOT EXISTS audit_staged_hashes (seq INTEGER PRIMARY KEY, \
     hash TEXT NOT NULL);";

const POSTGRES_TABLES: &str = "\
    CREATE TEMP TABLE IF NOT EXISTS audit_staged (seq BIGINT PRIMARY KEY, actor TEXT NOT NULL, \
     request_id TEXT, action TEXT NOT NULL, unit_code TEXT NOT NULL, plan_code TEXT NOT NULL, \
     period TEXT NOT NULL, indicator_code TEXT, old_value TEXT, new_value TEXT, reason TEXT); \
    CREATE TEMP TABLE IF NOT EXISTS audit_staged_hashes (seq BIGINT PRIMARY KEY, \
     hash TEXT NOT NULL);";

/// Entries per multi-row INSERT: 11 columns × 2,500 stays below SQLite's 32,766 bound
/// parameters.
const STAGE_CHUNK: usize = 2_500;
/// Hashes per multi-row INSERT: 2 columns.
const HASH_CHUNK: usize = 10_000;

/// Entries copied into the connection's staging table, waiting for [`append_staged`].
pub struct StagedEntries {
    entries: Vec<NewAuditEntry>,
}

impl StagedEntries {
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Copies `entries` into the connection's staging table (emptied first). Call it outside the
/// write transaction: it takes no lock on the shared database.
pub fn stage(conn: &mut Db, entries: Vec<NewAuditEntry>) -> Result<StagedEntries, StoreError> {
    clear_staged(conn)?;
    let rows: Vec<_> = entries
        .iter()
        .enumerate()
        .map(|(seq, entry)| {
            (
                audit_staged::seq.eq(seq as i64),
                audit_staged::actor.eq(&entry.actor),
                audit_staged::request_id.eq(&entry.request_id),
                audit_staged::action.eq(entry.action),
                audit_staged::unit_code.eq(&entry.unit_code),
                audit_staged::plan_code.eq(&entry.plan_code),
                audit_staged::period.eq(&entry.period),
                audit_staged::indicator_code.eq(&entry.indicator_code),
                audit_staged::old_value.eq(&entry.old_value),
                audit_staged::new_value.eq(&entry.new_value),
                audit_staged::reason.eq(&entry.reason),
            )
        })
        .collect();
    for chunk in rows.chunks(STAGE_CHUNK) {
        match conn {
            Db::Postgresql(pg) => diesel::insert_into(audit_staged::table)
                .values(chunk)
                .execute(pg),
            Db::Sqlite(sqlite) => diesel::insert_into(audit_staged::table)
                .values(chunk)
                .execute(sqlite),
        }
        .map_err(StoreError::database("staging audit entries"))?;
    }
    Ok(StagedEntries { entries })
}

/// Appends the staged entries to the chain; call it inside the transaction that makes the
/// change. The connection's staging table must still hold what [`stage`] put there.
pub fn append_staged(conn: &mut Db, staged: &StagedEntries) -> Result<(), StoreError> {
    if staged.entries.is_empty() {
        return Ok(());
    }
    lock_chain(conn)?;
    let head = audit_entries::table
        .order(audit_entries::id.desc())
        .select(audit_entries::hash)
        .first::<String>(conn)
        .optional()
        .map_err(StoreError::database("reading the last audit entry"))?
        .unwrap_or_else(|| GENESIS_HASH.to_owned());
    let at = now_utc();
    let mut prev_hash = head.clone();
    let mut hashes = Vec::with_capacity(staged.entries.len());
    for (seq, entry) in staged.entries.iter().enumerate() {
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
        prev_hash.clone_from(&hash);
        hashes.push((
            audit_staged_hashes::seq.eq(seq as i64),
            audit_staged_hashes::hash.eq(hash),
        ));
    }
    for chunk in hashes.chunks(HASH_CHUNK) {
        match conn {
            Db::Postgresql(pg) => diesel::insert_into(audit_staged_hashes::table)
                .values(chunk)
                .execute(pg),
            Db::Sqlite(sqlite) => diesel::insert_into(audit_staged_hashes::table)
                .values(chunk)
                .execute(sqlite),
        }
        .map_err(StoreError::database("staging audit hashes"))?;
    }
    // Rows go in in `seq` order, so ids follow the chain.
    const MOVE: &str = "INSERT INTO audit_entries (at, actor, request_id, action, unit_code, \
         plan_code, period, indicator_code, old_value, new_value, reason, prev_hash, hash) \
         SELECT {at}, a.actor, a.request_id, a.action, a.unit_code, a.plan_code, a.period, \
         a.indicator_code, a.old_value, a.new_value, a.reason, \
         COALESCE(LAG(h.hash) OVER (ORDER BY a.seq), {head}), h.hash \
         FROM audit_staged a JOIN audit_staged_hashes h ON h.seq = a.seq ORDER BY a.seq";
    let moved = match conn {
        Db::Postgresql(pg) => diesel::sql_query(MOVE.replace("{at}", "$1").replace("{head}", "$2"))
            .bind::<Timestamp, _>(at)
            .bind::<Text, _>(&head)
            .execute(pg),
        Db::Sqlite(sqlite) => diesel::sql_query(MOVE.replace("{at}", "?").replace("{head}", "?"))
            .bind::<Timestamp, _>(at)
            .bind::<Text, _>(&head)
            .execute(sqlite),
    }
    .map_err(StoreError::database("appending audit entries"))?;
    if moved != staged.entries.len() {
        return Err(StoreError::Conflict {
            detail: format!(
                "{moved} of {} staged audit entries were appended: the staging table was \
                 changed",
                staged.entries.len()
            )
            .into(),
        });
    }
    Ok(())
}

/// Empties the connection's staging tables (creating them on first use).
pub fn clear_staged(conn: &mut Db) -> Result<(), StoreError> {
    use diesel::connection::SimpleConnection;
    let sql = match conn {
        Db::Postgresql(_) => {
            format!("{POSTGRES_TABLES} TRUNCATE audit_staged, audit_staged_hashes;")
        }
        Db::Sqlite(_) => {
            format!("{SQLITE_TABLES} DELETE FROM audit_staged; DELETE FROM audit_staged_hashes;")
        }
    };
    conn.batch_execute(&sql)
        .map_err(StoreError::database("preparing the audit staging tables"))
}
