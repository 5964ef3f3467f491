//! Writing the outbox entries of an approval, inside the approval's own transaction.

use diesel::prelude::*;

use super::entry::EntryState;
use crate::db::Db;
use crate::schema::{sync_outbox, sync_targets};
use crate::{StoreError, now_utc};

/// The report version an approval produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApprovedVersion {
    pub report_id: i64,
    pub unit_code: String,
    pub plan_code: String,
    pub period: String,
    pub version: i32,
}

/// `chitieu:<unit>:<plan>:<period>:v<version>:<target>`: the same on every attempt and every
/// replica, and new for a corrected report approved again.
pub fn idempotency_key(approved: &ApprovedVersion, target_code: &str) -> String {
    format!(
        "chitieu:{}:{}:{}:v{}:{}",
        approved.unit_code, approved.plan_code, approved.period, approved.version, target_code
    )
}

/// One pending entry per enabled target, due now. Call it inside the transaction that
/// approves, so an approval and its entries are stored together or not at all. Returns the
/// number of entries written.
pub fn enqueue(conn: &mut Db, approved: &ApprovedVersion) -> Result<usize, StoreError> {
    let targets: Vec<String> = sync_targets::table
        .filter(sync_targets::enabled.eq(true))
        .order(sync_targets::code)
        .select(sync_targets::code)
        .load(conn)
        .map_err(StoreError::database("reading the enabled sync targets"))?;
    let now = now_utc();
    for target in &targets {
        diesel::insert_into(sync_outbox::table)
            .values((
                sync_outbox::target_code.eq(target),
                sync_outbox::report_id.eq(approved.report_id),
                sync_outbox::unit_code.eq(&approved.unit_code),
                sync_outbox::plan_code.eq(&approved.plan_code),
                sync_outbox::period.eq(&approved.period),
                sync_outbox::report_version.eq(approved.version),
                sync_outbox::idempotency_key.eq(idempotency_key(approved, target)),
                sync_outbox::state.eq(EntryState::Pending.as_db_str()),
                sync_outbox::attempts.eq(0),
                sync_outbox::next_attempt_at.eq(now),
                sync_outbox::created_at.eq(now),
                sync_outbox::updated_at.eq(now),
            ))
            .execute(conn)
            .map_err(StoreError::database("writing an outbox entry"))?;
    }
    Ok(targets.len())
}
