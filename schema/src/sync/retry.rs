use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::entry::EntryState;
use crate::db::Db;
use crate::schema::sync_outbox;
use crate::{StoreError, now_utc};

/// A failed attempt worth repeating: back to pending until `next_attempt_at`, or dead when
/// the entry has had `max_attempts`. Only the worker holding the claim may record it, so a
/// worker whose lease ran out cannot push back an entry another worker now holds. Returns the
/// new state, or `None` when the claim was no longer this worker's.
pub fn mark_retry(
    conn: &mut Db,
    entry_id: i64,
    worker_id: &str,
    next_attempt_at: NaiveDateTime,
    error: &str,
    max_attempts: i32,
) -> Result<Option<EntryState>, StoreError> {
    conn.transaction(|conn| {
        let attempts: Option<i32> = sync_outbox::table
            .find(entry_id)
            .filter(sync_outbox::state.eq(EntryState::Sending.as_db_str()))
            .filter(sync_outbox::claimed_by.eq(worker_id))
            .select(sync_outbox::attempts)
            .first(conn)
            .optional()
            .map_err(StoreError::database("reading an outbox entry"))?;
        let Some(attempts) = attempts else {
            return Ok(None);
        };
        let state = if attempts >= max_attempts {
            EntryState::Dead
        } else {
            EntryState::Pending
        };
        diesel::update(sync_outbox::table.find(entry_id))
            .set((
                sync_outbox::state.eq(state.as_db_str()),
                sync_outbox::next_attempt_at.eq(next_attempt_at),
                sync_outbox::last_error.eq(error),
                sync_outbox::lease_until.eq(None::<NaiveDateTime>),
                sync_outbox::updated_at.eq(now_utc()),
            ))
            .execute(conn)
            .map_err(StoreError::database("recording a failed attempt"))?;
        Ok(Some(state))
    })
}
