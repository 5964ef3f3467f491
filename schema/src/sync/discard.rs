use diesel::prelude::*;

use super::entries::find_entry;
use super::entry::{EntryState, OutboxEntry};
use crate::db::Db;
use crate::schema::sync_outbox;
use crate::{StoreError, now_utc};

/// A person gives up on a dead (or refused) entry; it stays listed as discarded.
pub fn discard(conn: &mut Db, entry_id: i64) -> Result<OutboxEntry, StoreError> {
    conn.transaction(|conn| {
        let entry = find_entry(conn, entry_id)?;
        if !matches!(entry.state, EntryState::Dead | EntryState::Attention) {
            return Err(StoreError::Conflict {
                detail: format!(
                    "outbox entry {entry_id} is {}: only a dead entry or one needing attention \
                     can be discarded",
                    entry.state
                ),
            });
        }
        diesel::update(sync_outbox::table.find(entry_id))
            .set((
                sync_outbox::state.eq(EntryState::Discarded.as_db_str()),
                sync_outbox::updated_at.eq(now_utc()),
            ))
            .execute(conn)
            .map_err(StoreError::database("discarding an outbox entry"))?;
        find_entry(conn, entry_id)
    })
}
