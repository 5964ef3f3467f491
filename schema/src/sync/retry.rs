use chrono::NaiveDateTime;
use diesel::dsl::case_when;
use diesel::prelude::*;

use super::entry::EntryState;
use crate::db::Db;
use crate::schema::sync_outbox;
use crate::{StoreError, now_utc};

/// A failed attempt worth repeating: back to pending until `next_attempt_at`, or dead when
/// the entry has had `max_attempts`. Only the worker holding the claim may record it, so a
/// worker whose lease ran out cannot push back an entry another worker now holds. Returns the
/// new state, or `None` when the claim was no longer this worker's.
///
/// The update comes first, not a read then a write: a SQLite transaction that upgrades from
/// reading to writing fails at once when another writer holds the lock, instead of waiting.
/// A report entry that goes dead raises `sync.dead` in the same transaction.
pub fn mark_retry(
    conn: &mut Db,
    entry_id: i64,
    worker_id: &str,
    next_attempt_at: NaiveDateTime,
    error: &str,
    max_attempts: i32,
) -> Result<Option<EntryState>, StoreError> {
    let state = case_when::<_, _, diesel::sql_types::Text>(
        sync_outbox::attempts.ge(max_attempts),
        EntryState::Dead.as_db_str(),
    )
    .otherwise(EntryState::Pending.as_db_str());
    conn.transaction(|conn| {
        let stored: Option<String> = diesel::update(
            sync_outbox::table
                .find(entry_id)
                .filter(sync_outbox::state.eq(EntryState::Sending.as_db_str()))
                .filter(sync_outbox::claimed_by.eq(worker_id)),
        )
        .set((
            sync_outbox::state.eq(state),
            sync_outbox::next_attempt_at.eq(next_attempt_at),
            sync_outbox::last_error.eq(error),
            sync_outbox::lease_until.eq(None::<NaiveDateTime>),
            sync_outbox::updated_at.eq(now_utc()),
        ))
        .returning(sync_outbox::state)
        .get_result(conn)
        .optional()
        .map_err(StoreError::database("recording a failed attempt"))?;
        let stored = stored.as_deref().and_then(EntryState::parse);
        if stored == Some(EntryState::Dead) {
            super::raise::raise_for_entry(conn, entry_id, EntryState::Dead)?;
        }
        Ok(stored)
    })
}
