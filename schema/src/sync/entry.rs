//! An outbox entry as stored and as callers get it.

use std::fmt;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::StoreError;
use crate::schema::sync_outbox;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntryState {
    /// Waiting for its `next_attempt_at`.
    Pending,
    /// Claimed by a worker until its lease runs out.
    Sending,
    /// Stored upstream; the receipt is kept.
    Sent,
    /// Refused by the upstream (a 4xx): a person must look, then retry or discard it.
    Attention,
    /// Past the attempt limit.
    Dead,
    /// Given up on by a person.
    Discarded,
    /// The report was reopened after this version was approved: a later approval brings a
    /// new entry.
    Superseded,
}

impl EntryState {
    pub const ALL: [EntryState; 7] = [
        EntryState::Pending,
        EntryState::Sending,
        EntryState::Sent,
        EntryState::Attention,
        EntryState::Dead,
        EntryState::Discarded,
        EntryState::Superseded,
    ];

    pub fn as_db_str(self) -> &'static str {
        match self {
            EntryState::Pending => "pending",
            EntryState::Sending => "sending",
            EntryState::Sent => "sent",
            EntryState::Attention => "attention",
            EntryState::Dead => "dead",
            EntryState::Discarded => "discarded",
            EntryState::Superseded => "superseded",
        }
    }

    pub fn parse(raw: &str) -> Option<EntryState> {
        EntryState::ALL.into_iter().find(|s| s.as_db_str() == raw)
    }
}

impl fmt::Display for EntryState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_db_str())
    }
}

#[derive(Debug, Clone, PartialEq, Queryable)]
pub(super) struct OutboxRow {
    pub id: i64,
    pub target_code: String,
    pub report_id: Option<i64>,
    pub unit_code: String,
    pub plan_code: String,
    pub period: String,
    pub report_version: i32,
    pub idempotency_key: String,
    pub state: String,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub claimed_by: Option<String>,
    pub lease_until: Option<NaiveDateTime>,
    pub last_attempt_at: Option<NaiveDateTime>,
    pub last_error: Option<String>,
    pub receipt: Option<String>,
    pub created_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
    pub updated_at: NaiveDateTime,
    pub template_version: Option<String>,
    pub webhook_id: Option<i64>,
    pub event_id: Option<i64>,
    pub payload: Option<String>,
}

pub(super) type OutboxColumns = (
    sync_outbox::id,
    sync_outbox::target_code,
    sync_outbox::report_id,
    sync_outbox::unit_code,
    sync_outbox::plan_code,
    sync_outbox::period,
    sync_outbox::report_version,
    sync_outbox::idempotency_key,
    sync_outbox::state,
    sync_outbox::attempts,
    sync_outbox::next_attempt_at,
    sync_outbox::claimed_by,
    sync_outbox::lease_until,
    sync_outbox::last_attempt_at,
    sync_outbox::last_error,
    sync_outbox::receipt,
    sync_outbox::created_at,
    sync_outbox::sent_at,
    sync_outbox::updated_at,
    sync_outbox::template_version,
    sync_outbox::webhook_id,
    sync_outbox::event_id,
    sync_outbox::payload,
);

pub(super) const OUTBOX_COLUMNS: OutboxColumns = (
    sync_outbox::id,
    sync_outbox::target_code,
    sync_outbox::report_id,
    sync_outbox::unit_code,
    sync_outbox::plan_code,
    sync_outbox::period,
    sync_outbox::report_version,
    sync_outbox::idempotency_key,
    sync_outbox::state,
    sync_outbox::attempts,
    sync_outbox::next_attempt_at,
    sync_outbox::claimed_by,
    sync_outbox::lease_until,
    sync_outbox::last_attempt_at,
    sync_outbox::last_error,
    sync_outbox::receipt,
    sync_outbox::created_at,
    sync_outbox::sent_at,
    sync_outbox::updated_at,
    sync_outbox::template_version,
    sync_outbox::webhook_id,
    sync_outbox::event_id,
    sync_outbox::payload,
);

/// One report version on its way to one target.
#[derive(Debug, Clone, PartialEq)]
pub struct OutboxEntry {
    pub id: i64,
    pub target_code: String,
    pub report_id: Option<i64>,
    pub unit_code: String,
    pub plan_code: String,
    pub period: String,
    pub report_version: i32,
    pub idempotency_key: String,
    pub state: EntryState,
    /// Attempts so far, counted when an entry is claimed (so a worker that dies mid-send
    /// counts too).
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub claimed_by: Option<String>,
    pub lease_until: Option<NaiveDateTime>,
    pub last_attempt_at: Option<NaiveDateTime>,
    pub last_error: Option<String>,
    pub receipt: Option<String>,
    pub created_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
    pub updated_at: NaiveDateTime,
    /// The version of the template a `template` target's delivery was sent with.
    pub template_version: Option<String>,
    /// The subscription of a webhook delivery (`None`: a report on its way to a sync target).
    pub webhook_id: Option<i64>,
    /// The event a webhook delivery carries.
    pub event_id: Option<i64>,
    /// The exact body of a webhook delivery, the same at every attempt.
    pub payload: Option<String>,
}

impl TryFrom<OutboxRow> for OutboxEntry {
    type Error = StoreError;

    fn try_from(row: OutboxRow) -> Result<Self, StoreError> {
        let state = EntryState::parse(&row.state).ok_or_else(|| StoreError::Conflict {
            detail: format!(
                "outbox entry {} has an unknown stored state {:?}",
                row.id, row.state
            )
            .into(),
        })?;
        Ok(OutboxEntry {
            id: row.id,
            target_code: row.target_code,
            report_id: row.report_id,
            unit_code: row.unit_code,
            plan_code: row.plan_code,
            period: row.period,
            report_version: row.report_version,
            idempotency_key: row.idempotency_key,
            state,
            attempts: row.attempts,
            next_attempt_at: row.next_attempt_at,
            claimed_by: row.claimed_by,
            lease_until: row.lease_until,
            last_attempt_at: row.last_attempt_at,
            last_error: row.last_error,
            receipt: row.receipt,
            created_at: row.created_at,
            sent_at: row.sent_at,
            updated_at: row.updated_at,
            template_version: row.template_version,
            webhook_id: row.webhook_id,
            event_id: row.event_id,
            payload: row.payload,
        })
    }
}

pub(super) fn entries_from_rows(rows: Vec<OutboxRow>) -> Result<Vec<OutboxEntry>, StoreError> {
    rows.into_iter().map(OutboxEntry::try_from).collect()
}
