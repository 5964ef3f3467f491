//! One row per scheduled job and slot: every replica's scheduler fires, and the replica whose
//! insert takes the row runs the slot.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::Db;
use crate::schema::sync_job_slots;
use crate::{StoreError, now_utc};

#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct JobSlot {
    pub job: String,
    /// The instant the slot was due, UTC.
    pub slot: NaiveDateTime,
    pub claimed_by: String,
    pub claimed_at: NaiveDateTime,
    pub finished_at: Option<NaiveDateTime>,
}

/// Whether this replica took the slot (false: another one has it, or had it).
pub fn claim_slot(
    conn: &mut Db,
    job: &str,
    slot: NaiveDateTime,
    worker_id: &str,
) -> Result<bool, StoreError> {
    let values = (
        sync_job_slots::job.eq(job),
        sync_job_slots::slot.eq(slot),
        sync_job_slots::claimed_by.eq(worker_id),
        sync_job_slots::claimed_at.eq(now_utc()),
    );
    // `on_conflict` exists per backend only, not on the MultiConnection enum.
    let inserted = match conn {
        Db::Postgresql(c) => diesel::insert_into(sync_job_slots::table)
            .values(values)
            .on_conflict_do_nothing()
            .execute(c),
        Db::Sqlite(c) => diesel::insert_into(sync_job_slots::table)
            .values(values)
            .on_conflict_do_nothing()
            .execute(c),
    }
    .map_err(StoreError::database("claiming a scheduled slot"))?;
    Ok(inserted == 1)
}

pub fn finish_slot(conn: &mut Db, job: &str, slot: NaiveDateTime) -> Result<(), StoreError> {
    diesel::update(sync_job_slots::table.find((job, slot)))
        .set(sync_job_slots::finished_at.eq(now_utc()))
        .execute(conn)
        .map(|_| ())
        .map_err(StoreError::database("finishing a scheduled slot"))
}

/// The latest claimed slot of each job.
pub fn last_slots(conn: &mut Db) -> Result<Vec<JobSlot>, StoreError> {
    let all: Vec<JobSlot> = sync_job_slots::table
        .order((sync_job_slots::job, sync_job_slots::slot.desc()))
        .load(conn)
        .map_err(StoreError::database("reading the scheduled slots"))?;
    let mut latest: Vec<JobSlot> = Vec::new();
    for slot in all {
        if latest.last().is_none_or(|last| last.job != slot.job) {
            latest.push(slot);
        }
    }
    Ok(latest)
}
