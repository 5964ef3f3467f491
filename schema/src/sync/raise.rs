//! The feed events of report entries that need a person: `sync.attention` when a target
//! refuses one, `sync.dead` when one is past its attempt limit. Webhook deliveries raise
//! nothing: a failing receiver must not feed events to itself.

use diesel::prelude::*;
use serde_json::json;

use super::entry::EntryState;
use crate::StoreError;
use crate::db::Db;
use crate::events;
use crate::schema::sync_outbox;

/// Raises the event of `state` for entry `entry_id` when it is a report's entry. Call it in
/// the transaction that moved the entry to `state`.
pub(super) fn raise_for_entry(
    conn: &mut Db,
    entry_id: i64,
    state: EntryState,
) -> Result<(), StoreError> {
    let kind = match state {
        EntryState::Attention => events::SYNC_ATTENTION,
        EntryState::Dead => events::SYNC_DEAD,
        _ => return Ok(()),
    };
    type Row = (
        String,
        String,
        String,
        String,
        i32,
        i32,
        Option<String>,
        Option<i64>,
    );
    let row: Option<Row> = sync_outbox::table
        .find(entry_id)
        .select((
            sync_outbox::target_code,
            sync_outbox::unit_code,
            sync_outbox::plan_code,
            sync_outbox::period,
            sync_outbox::report_version,
            sync_outbox::attempts,
            sync_outbox::last_error,
            sync_outbox::webhook_id,
        ))
        .first(conn)
        .optional()
        .map_err(StoreError::database(
            "reading an outbox entry for its event",
        ))?;
    let Some((target, unit, plan, period, version, attempts, error, None)) = row else {
        return Ok(());
    };
    events::append_at_unit(
        conn,
        kind,
        &unit,
        Some(plan),
        Some(period),
        json!({"entryId": entry_id, "target": target, "version": version,
            "attempts": attempts, "error": error}),
    )
}
