use diesel::prelude::*;

use super::entry::EntryState;
use crate::db::Db;
use crate::schema::sync_outbox;
use crate::{StoreError, now_utc};

/// The upstream refused the entry for good (a 4xx): it waits for a person, with the
/// upstream's own message. Returns whether this worker still held the claim.
pub fn mark_attention(
    conn: &mut Db,
    entry_id: i64,
    worker_id: &str,
    message: &str,
) -> Result<bool, StoreError> {
    conn.transaction(|conn| {
        let held = end_claim(
            conn,
            entry_id,
            worker_id,
            EntryState::Attention,
            message,
            "recording a refused delivery",
        )?;
        if held {
            super::raise::raise_for_entry(conn, entry_id, EntryState::Attention)?;
        }
        Ok(held)
    })
}

/// Ends this worker's claim on an entry in `state`, with `message` as its last error. Returns
/// whether the worker still held the claim (a lease that ran out lets another worker take it).
pub(super) fn end_claim(
    conn: &mut Db,
    entry_id: i64,
    worker_id: &str,
    state: EntryState,
    message: &str,
    context: &'static str,
) -> Result<bool, StoreError> {
    let updated = diesel::update(
        sync_outbox::table
            .find(entry_id)
            .filter(sync_outbox::state.eq(EntryState::Sending.as_db_str()))
            .filter(sync_outbox::claimed_by.eq(worker_id)),
    )
    .set((
        sync_outbox::state.eq(state.as_db_str()),
        sync_outbox::last_error.eq(message),
        sync_outbox::lease_until.eq(None::<chrono::NaiveDateTime>),
        sync_outbox::updated_at.eq(now_utc()),
    ))
    .execute(conn)
    .map_err(StoreError::database(context))?;
    Ok(updated == 1)
}
