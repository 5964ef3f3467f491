use diesel::prelude::*;

use super::entries::find_entry;
use super::entry::{EntryState, OutboxEntry};
use crate::db::Db;
use crate::schema::sync_outbox;
use crate::{StoreError, now_utc};

/// A person sends a dead (or refused) entry again: pending now, with its attempts counted
/// from zero. Other states are a conflict.
pub fn retry_entry(conn: &mut Db, entry_id: i64) -> Result<OutboxEntry, StoreError> {
    conn.transaction(|conn| {
        let entry = find_entry(conn, entry_id)?;
        if !matches!(entry.state, EntryState::Dead | EntryState::Attention) {
            return Err(StoreError::Conflict {
                detail: format!(
                    "outbox entry {entry_id} is {}: only a dead entry or one needing attention \
                     can be retried",
                    entry.state
                ),
            });
        }
        let now = now_utc();
        diesel::update(sync_outbox::table.find(entry_id))
            .set((
                sync_outbox::state.eq(EntryState::Pending.as_db_str()),
                sync_outbox::attempts.eq(0),
                sync_outbox::next_attempt_at.eq(now),
                sync_outbox::claimed_by.eq(None::<String>),
                sync_outbox::updated_at.eq(now),
            ))
            .execute(conn)
            .map_err(StoreError::database("retrying an outbox entry"))?;
        find_entry(conn, entry_id)
    })
}
