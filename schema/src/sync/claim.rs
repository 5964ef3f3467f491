//! Claiming due entries: on PostgreSQL with `FOR UPDATE SKIP LOCKED`, so replicas claiming at
//! the same moment take disjoint batches; on SQLite inside an immediate transaction, which
//! holds the write lock from the first read.

use std::time::Duration;

use diesel::prelude::*;

use super::entry::{EntryState, OUTBOX_COLUMNS, OutboxEntry, OutboxRow, entries_from_rows};
use crate::db::Db;
use crate::schema::{sync_outbox, sync_targets, webhooks};
use crate::{StoreError, now_utc};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimRequest {
    /// Who claims: written on the entries, and checked when the outcome is recorded.
    pub worker_id: String,
    pub batch: i64,
    /// How long the claim holds; after that a crashed worker's entries are claimable again.
    pub lease: Duration,
    /// Only this target's entries (`None`: those of every enabled target).
    pub target_code: Option<String>,
}

/// Due entries (report deliveries and webhook deliveries alike): pending ones whose time has come, and sending ones whose lease ran out. They
/// become `sending`, leased to the worker, with one more attempt counted.
pub fn claim(conn: &mut Db, request: &ClaimRequest) -> Result<Vec<OutboxEntry>, StoreError> {
    let now = now_utc();
    let lease = chrono::Duration::from_std(request.lease).unwrap_or(chrono::Duration::minutes(5));
    let lease_until = now + lease;
    // Entries of disabled targets (and webhook subscriptions) wait until they are enabled
    // again.
    let targets: Vec<String> = match &request.target_code {
        Some(code) => vec![code.clone()],
        None => {
            let mut codes: Vec<String> = sync_targets::table
                .filter(sync_targets::enabled.eq(true))
                .select(sync_targets::code)
                .load(conn)
                .map_err(StoreError::database("reading the enabled sync targets"))?;
            let hooks: Vec<i64> = webhooks::table
                .filter(webhooks::enabled.eq(true))
                .select(webhooks::id)
                .load(conn)
                .map_err(StoreError::database("reading the enabled webhooks"))?;
            codes.extend(hooks.into_iter().map(crate::webhooks::target_code));
            codes
        }
    };
    // The same statements on both backends; only the locking differs, and `for_update` exists
    // on the PostgreSQL connection alone.
    macro_rules! due_ids {
        ($c:expr $(, $lock:ident)*) => {{
            let pending = sync_outbox::state
                .eq(EntryState::Pending.as_db_str())
                .and(sync_outbox::next_attempt_at.le(now));
            let abandoned = sync_outbox::state
                .eq(EntryState::Sending.as_db_str())
                .and(sync_outbox::lease_until.lt(now));
            sync_outbox::table
                .filter(pending.or(abandoned))
                .filter(sync_outbox::target_code.eq_any(&targets))
                .select(sync_outbox::id)
                .order((sync_outbox::next_attempt_at, sync_outbox::id))
                .limit(request.batch)
                $(.$lock())*
                .load::<i64>($c)
        }};
    }
    macro_rules! take {
        ($c:expr, $ids:expr) => {
            diesel::update(sync_outbox::table.filter(sync_outbox::id.eq_any($ids)))
                .set((
                    sync_outbox::state.eq(EntryState::Sending.as_db_str()),
                    sync_outbox::claimed_by.eq(&request.worker_id),
                    sync_outbox::lease_until.eq(lease_until),
                    sync_outbox::attempts.eq(sync_outbox::attempts + 1),
                    sync_outbox::last_attempt_at.eq(now),
                    sync_outbox::updated_at.eq(now),
                ))
                .returning(OUTBOX_COLUMNS)
                .get_results::<OutboxRow>($c)
        };
    }
    let rows = match conn {
        Db::Postgresql(c) => c.transaction(|c| {
            let ids = due_ids!(c, for_update, skip_locked)?;
            take!(c, &ids)
        }),
        Db::Sqlite(c) => c.immediate_transaction(|c| {
            let ids = due_ids!(c)?;
            take!(c, &ids)
        }),
    }
    .map_err(StoreError::database("claiming outbox entries"))?;
    let mut entries = entries_from_rows(rows)?;
    entries.sort_by_key(|e| e.id);
    Ok(entries)
}
