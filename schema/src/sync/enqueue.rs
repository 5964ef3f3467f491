//! Writing the outbox entries of an approval, inside the approval's own transaction.

use diesel::prelude::*;

use super::entry::EntryState;
use crate::db::Db;
use crate::domain::Period;
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
///
/// A report DHIS2 cannot hold (an ad-hoc period: DHIS2 has no period id for arbitrary dates)
/// gets its entry for a `dhis2` target in state `attention` at once, with the reason, instead
/// of failing at every attempt.
pub fn enqueue(conn: &mut Db, approved: &ApprovedVersion) -> Result<usize, StoreError> {
    let targets: Vec<(String, String)> = sync_targets::table
        .filter(sync_targets::enabled.eq(true))
        .order(sync_targets::code)
        .select((sync_targets::code, sync_targets::profile))
        .load(conn)
        .map_err(StoreError::database("reading the enabled sync targets"))?;
    let now = now_utc();
    let dhis2_refusal = Period::parse(&approved.period)
        .ok()
        .filter(|period| !dhis2_can_represent(period))
        .map(|_| DHIS2_AD_HOC_REFUSAL);
    for (target, profile) in &targets {
        let refusal = dhis2_refusal.filter(|_| profile == "dhis2");
        let state = match refusal {
            Some(_) => EntryState::Attention,
            None => EntryState::Pending,
        };
        diesel::insert_into(sync_outbox::table)
            .values((
                sync_outbox::target_code.eq(target),
                sync_outbox::report_id.eq(Some(approved.report_id)),
                sync_outbox::unit_code.eq(&approved.unit_code),
                sync_outbox::plan_code.eq(&approved.plan_code),
                sync_outbox::period.eq(&approved.period),
                sync_outbox::report_version.eq(approved.version),
                sync_outbox::idempotency_key.eq(idempotency_key(approved, target)),
                sync_outbox::state.eq(state.as_db_str()),
                sync_outbox::last_error.eq(refusal),
                sync_outbox::attempts.eq(0),
                sync_outbox::next_attempt_at.eq(now),
                sync_outbox::created_at.eq(now),
                sync_outbox::updated_at.eq(now),
            ))
            .returning(sync_outbox::id)
            .get_result::<i64>(conn)
            .map_err(StoreError::database("writing an outbox entry"))
            .and_then(|id| super::raise::raise_for_entry(conn, id, state))?;
    }
    Ok(targets.len())
}

/// Why a report of an ad-hoc period cannot go to DHIS2.
pub const DHIS2_AD_HOC_REFUSAL: &str = "DHIS2 has no period id for an ad-hoc period \
    (2026-03-15..2026-03-20): it takes days (20260315), weeks, months (202603), quarters \
    (2026Q1), half-years (2026S1) and years (2026). Report it in one of those, or discard \
    this entry";

/// Whether DHIS2 has a period id for `period` (every type but ad hoc).
pub fn dhis2_can_represent(period: &Period) -> bool {
    !matches!(period, Period::AdHoc { .. })
}
