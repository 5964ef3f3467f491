use diesel::prelude::*;

use super::entries::find_entry;
use super::entry::{EntryState, OutboxEntry};
use crate::db::Db;
use crate::schema::sync_outbox;
use crate::{StoreError, now_utc};

/// The states a person may act on: dead, or refused by the upstream.
pub(super) const NEEDS_A_PERSON: [&str; 2] = ["dead", "attention"];

/// A person sends a dead (or refused) entry again: pending now, with its attempts counted
/// from zero. Other states are a conflict.
pub fn retry_entry(conn: &mut Db, entry_id: i64) -> Result<OutboxEntry, StoreError> {
    let now = now_utc();
    // One guarded statement rather than a read then a write, so it never races the worker.
    let updated = diesel::update(
        sync_outbox::table
            .find(entry_id)
            .filter(sync_outbox::state.eq_any(NEEDS_A_PERSON)),
    )
    .set((
        sync_outbox::state.eq(EntryState::Pending.as_db_str()),
        sync_outbox::attempts.eq(0),
        sync_outbox::next_attempt_at.eq(now),
        sync_outbox::claimed_by.eq(None::<String>),
        sync_outbox::updated_at.eq(now),
    ))
    .execute(conn)
    .map_err(StoreError::database("retrying an outbox entry"))?;
    acted_on(conn, entry_id, updated, "retried")
}

/// The entry after a guarded change: a conflict naming its state when the change did not
/// apply, not found when there is no such entry.
pub(super) fn acted_on(
    conn: &mut Db,
    entry_id: i64,
    updated: usize,
    verb: &str,
) -> Result<OutboxEntry, StoreError> {
    let entry = find_entry(conn, entry_id)?;
    if updated == 0 {
        return Err(StoreError::conflict(
            crate::messages::Message::new("outbox-entry-not-revivable")
                .arg("id", entry_id)
                .arg("state", entry.state)
                .arg("verb", verb),
        ));
    }
    Ok(entry)
}
