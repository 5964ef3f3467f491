//! Walking the chain from the first entry and recomputing every keyed hash, then holding the
//! chain against the checkpoints kept outside the database and the stored values against the
//! trail.
//!
//! What this proves: nobody without the audit key edited, inserted, removed or reordered an
//! entry up to the newest checkpoint, nor removed entries a checkpoint saw; every stored value
//! is the one the trail last recorded. What it cannot prove: that entries written after the
//! newest checkpoint were not removed (a checkpoint bounds that window), anything about a
//! holder of the key (who can rewrite the chain and sign checkpoints), or that the checkpoint
//! file was not replaced as a whole by an older copy (keep copies elsewhere).

use std::collections::HashMap;

use diesel::prelude::*;

use super::checkpoint::Checkpoint;
use super::entry::{AuditEntry, ENTRY_COLUMNS};
use super::hash::{GENESIS_HASH, entry_hash};
use super::reconcile::{UnaccountedValue, reconcile};
use crate::StoreError;
use crate::db::Db;
use crate::schema::audit_entries;

/// The outcome: valid with the number of entries, or the first broken link; the checkpoints
/// and values checked, and the values the trail does not account for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    pub entries: i64,
    pub broken: Option<BrokenLink>,
    pub checkpoints: usize,
    pub values: i64,
    pub unaccounted: Vec<UnaccountedValue>,
}

impl Verification {
    pub fn is_valid(&self) -> bool {
        self.broken.is_none() && self.unaccounted.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenLink {
    pub id: i64,
    pub reason: String,
}

const BATCH: i64 = 1000;

/// Recomputes the chain in id order, in batches, stopping at the first broken link; checks
/// every line of `checkpoint_lines` (a checkpoint file) against it; reconciles the values.
pub fn verify(conn: &mut Db, checkpoint_lines: &[String]) -> Result<Verification, StoreError> {
    let mut checkpoints = Vec::new();
    for (index, line) in checkpoint_lines.iter().enumerate() {
        match Checkpoint::parse_line(line).filter(Checkpoint::is_authentic) {
            Some(checkpoint) => checkpoints.push(checkpoint),
            None => {
                let reason = format!(
                    "checkpoint line {} is not authentic under the audit key: it was edited or \
                     written with another key",
                    index + 1
                );
                return finish(conn, 0, Some(BrokenLink { id: 0, reason }), 0);
            }
        }
    }
    let (entries, broken) = walk(conn, &checkpoints)?;
    finish(conn, entries, broken, checkpoints.len())
}

fn finish(
    conn: &mut Db,
    entries: i64,
    broken: Option<BrokenLink>,
    checkpoints: usize,
) -> Result<Verification, StoreError> {
    let (values, unaccounted) = reconcile(conn)?;
    Ok(Verification {
        entries,
        broken,
        checkpoints,
        values,
        unaccounted,
    })
}

/// The chain's intact length and first broken link, checkpoints included.
fn walk(
    conn: &mut Db,
    checkpoints: &[Checkpoint],
) -> Result<(i64, Option<BrokenLink>), StoreError> {
    let wanted: HashMap<i64, &Checkpoint> = checkpoints.iter().map(|c| (c.last_id, c)).collect();
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
            let missing = checkpoints.iter().find(|c| c.last_id > last_id);
            return Ok((count, missing.map(|c| tail_removed(c, last_id, count))));
        }
        for entry in batch {
            let seen = wanted.get(&entry.id);
            let broken = check(&entry, &expected_prev).or_else(|| {
                seen.filter(|c| c.head != entry.hash || c.entries != count + 1)
                    .map(|c| {
                        format!(
                            "the checkpoint of {} saw {} entries ending with hash {} here; the \
                             chain now has {} with hash {}: the chain was replaced",
                            c.at,
                            c.entries,
                            c.head,
                            count + 1,
                            entry.hash
                        )
                    })
            });
            if let Some(reason) = broken {
                let id = entry.id;
                return Ok((count, Some(BrokenLink { id, reason })));
            }
            count += 1;
            last_id = entry.id;
            expected_prev = entry.hash;
        }
    }
}

fn tail_removed(checkpoint: &Checkpoint, last_id: i64, count: i64) -> BrokenLink {
    BrokenLink {
        id: checkpoint.last_id,
        reason: format!(
            "the checkpoint of {} saw {} entries up to id {}, but the chain now ends with {} \
             entries at id {}: the newest entries were removed",
            checkpoint.at,
            checkpoint.entries,
            checkpoint.last_id,
            count,
            last_id.max(0)
        ),
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
