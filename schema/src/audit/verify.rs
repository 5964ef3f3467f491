//! Walking the chain from the first entry and recomputing every hash.

use diesel::prelude::*;

use super::entry::{AuditEntry, ENTRY_COLUMNS};
use super::hash::{GENESIS_HASH, entry_hash};
use crate::StoreError;
use crate::db::Db;
use crate::schema::audit_entries;

/// The outcome: valid with the number of entries, or the first broken link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    pub entries: i64,
    pub broken: Option<BrokenLink>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenLink {
    pub id: i64,
    pub reason: String,
}

const BATCH: i64 = 1000;

/// Recomputes the chain in id order, in batches, stopping at the first broken link.
pub fn verify(conn: &mut Db) -> Result<Verification, StoreError> {
    let mut expected_prev = GENESIS_HASH.to_owned();
    let mut last_id = i64::MIN;
    let mut count = 0;
    loop {
        let batch: Vec<AuditEntry> = audit_entries::table
            .filter(audit_entries::id.gt(last_id))
            .order(audit_entries::id)
            .limit(BATCH)
            .select(ENTRY_COLUMNS)
            .load(conn)
            .map_err(StoreError::database("reading the audit trail"))?;
        if batch.is_empty() {
            return Ok(Verification {
                entries: count,
                broken: None,
            });
        }
        for entry in batch {
            if let Some(reason) = check(&entry, &expected_prev) {
                return Ok(Verification {
                    entries: count,
                    broken: Some(BrokenLink {
                        id: entry.id,
                        reason,
                    }),
                });
            }
            count += 1;
            last_id = entry.id;
            expected_prev = entry.hash;
        }
    }
}

fn check(entry: &AuditEntry, expected_prev: &str) -> Option<String> {
    if entry.prev_hash != expected_prev {
        return Some(format!(
            "prev_hash {} does not match the hash of the entry before it ({expected_prev}): an \
             entry was removed, inserted or reordered",
            entry.prev_hash
        ));
    }
    let recomputed = entry_hash(
        entry.at,
        &entry.actor,
        entry.request_id.as_deref(),
        &entry.action,
        &entry.unit_code,
        &entry.plan_code,
        &entry.period,
        entry.indicator_code.as_deref(),
        entry.old_value.as_deref(),
        entry.new_value.as_deref(),
        entry.reason.as_deref(),
        &entry.prev_hash,
    );
    (recomputed != entry.hash).then(|| {
        format!(
            "the stored hash {} does not match the entry's content (recomputed {recomputed}): \
             the entry was edited",
            entry.hash
        )
    })
}
