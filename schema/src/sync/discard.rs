use diesel::prelude::*;

use super::entry::{EntryState, OutboxEntry};
use super::revive::{NEEDS_A_PERSON, acted_on};
use crate::db::Db;
use crate::schema::sync_outbox;
use crate::{StoreError, now_utc};

/// A person gives up on a dead (or refused) entry; it stays listed as discarded.
pub fn discard(conn: &mut Db, entry_id: i64) -> Result<OutboxEntry, StoreError> {
    let updated = diesel::update(
        sync_outbox::table
            .find(entry_id)
            .filter(sync_outbox::state.eq_any(NEEDS_A_PERSON)),
    )
    .set((
        sync_outbox::state.eq(EntryState::Discarded.as_db_str()),
        sync_outbox::updated_at.eq(now_utc()),
    ))
    .execute(conn)
    .map_err(StoreError::database("discarding an outbox entry"))?;
    acted_on(conn, entry_id, updated, "discarded")
}
