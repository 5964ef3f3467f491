use diesel::prelude::*;

use super::attention::end_claim;
use super::entry::EntryState;
use crate::db::Db;
use crate::schema::sync_outbox;
use crate::{StoreError, now_utc};

/// The claimed entry's report is no longer the approved version it was written for (it was
/// reopened): nothing is sent, and the next approval writes a new entry.
pub fn mark_superseded(
    conn: &mut Db,
    entry_id: i64,
    worker_id: &str,
    why: &str,
) -> Result<bool, StoreError> {
    end_claim(
        conn,
        entry_id,
        worker_id,
        EntryState::Superseded,
        why,
        "superseding an outbox entry",
    )
}

/// Called when a report is reopened, in the same transaction: its entries not yet sent (and
/// not in flight) will never be sent. A sent entry stays as history.
pub fn supersede_unsent(conn: &mut Db, report_id: i64) -> Result<usize, StoreError> {
    diesel::update(
        sync_outbox::table
            .filter(sync_outbox::report_id.eq(report_id))
            .filter(sync_outbox::state.eq_any([
                EntryState::Pending.as_db_str(),
                EntryState::Attention.as_db_str(),
                EntryState::Dead.as_db_str(),
            ])),
    )
    .set((
        sync_outbox::state.eq(EntryState::Superseded.as_db_str()),
        sync_outbox::last_error.eq("the report was reopened before this version was sent"),
        sync_outbox::updated_at.eq(now_utc()),
    ))
    .execute(conn)
    .map_err(StoreError::database(
        "superseding a reopened report's entries",
    ))
}
