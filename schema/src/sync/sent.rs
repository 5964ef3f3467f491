use diesel::prelude::*;

use super::entry::EntryState;
use crate::db::Db;
use crate::schema::sync_outbox;
use crate::{StoreError, now_utc};

/// Records the upstream's receipt. Whoever holds the claim, a delivered entry is sent: a late
/// answer from a worker whose lease ran out is still the truth about the upstream. Returns
/// whether the entry changed (false when it was already sent, discarded or superseded).
/// `template_version` names the template a `template` target's request was rendered with.
pub fn mark_sent(
    conn: &mut Db,
    entry_id: i64,
    receipt: &str,
    template_version: Option<&str>,
) -> Result<bool, StoreError> {
    let now = now_utc();
    let updated = diesel::update(sync_outbox::table.find(entry_id).filter(
        sync_outbox::state.eq_any([
            EntryState::Sending.as_db_str(),
            EntryState::Pending.as_db_str(),
        ]),
    ))
    .set((
        sync_outbox::state.eq(EntryState::Sent.as_db_str()),
        sync_outbox::receipt.eq(receipt),
        sync_outbox::template_version.eq(template_version),
        sync_outbox::last_error.eq(None::<String>),
        sync_outbox::lease_until.eq(None::<chrono::NaiveDateTime>),
        sync_outbox::sent_at.eq(now),
        sync_outbox::updated_at.eq(now),
    ))
    .execute(conn)
    .map_err(StoreError::database("recording a delivery"))?;
    Ok(updated == 1)
}
