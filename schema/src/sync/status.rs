//! How far each target is: entries per state and when it was last tried.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use diesel::dsl::{count_star, max};
use diesel::prelude::*;

use super::entry::EntryState;
use super::targets::{StoredTarget, list_targets};
use crate::StoreError;
use crate::db::Db;
use crate::schema::sync_outbox;

#[derive(Debug, Clone, PartialEq)]
pub struct TargetStatus {
    pub target: StoredTarget,
    /// Entries per state; states without entries are absent.
    pub counts: BTreeMap<&'static str, i64>,
    /// Pending entries that have failed at least once.
    pub retrying: i64,
    pub last_attempt_at: Option<NaiveDateTime>,
    pub last_sent_at: Option<NaiveDateTime>,
}

impl TargetStatus {
    pub fn count(&self, state: EntryState) -> i64 {
        self.counts.get(state.as_db_str()).copied().unwrap_or(0)
    }
}

/// Every target (or the one named), with its counts.
pub fn target_status(conn: &mut Db, only: Option<&str>) -> Result<Vec<TargetStatus>, StoreError> {
    let targets = list_targets(conn)?;
    let counted: Vec<(String, String, i64)> = sync_outbox::table
        .group_by((sync_outbox::target_code, sync_outbox::state))
        .select((sync_outbox::target_code, sync_outbox::state, count_star()))
        .load(conn)
        .map_err(StoreError::database("counting outbox entries per target"))?;
    let times: Vec<(String, Option<NaiveDateTime>, Option<NaiveDateTime>)> = sync_outbox::table
        .group_by(sync_outbox::target_code)
        .select((
            sync_outbox::target_code,
            max(sync_outbox::last_attempt_at),
            max(sync_outbox::sent_at),
        ))
        .load(conn)
        .map_err(StoreError::database("reading the last attempts per target"))?;
    let retrying: Vec<(String, i64)> = sync_outbox::table
        .filter(sync_outbox::state.eq(EntryState::Pending.as_db_str()))
        .filter(sync_outbox::attempts.gt(0))
        .group_by(sync_outbox::target_code)
        .select((sync_outbox::target_code, count_star()))
        .load(conn)
        .map_err(StoreError::database("counting retried entries per target"))?;
    Ok(targets
        .into_iter()
        .filter(|t| only.is_none_or(|code| code == t.code))
        .map(|target| {
            let counts = counted
                .iter()
                .filter(|(code, _, _)| *code == target.code)
                .filter_map(|(_, state, n)| EntryState::parse(state).map(|s| (s.as_db_str(), *n)))
                .collect();
            let (last_attempt_at, last_sent_at) = times
                .iter()
                .find(|(code, _, _)| *code == target.code)
                .map_or((None, None), |(_, attempt, sent)| (*attempt, *sent));
            let retrying = retrying
                .iter()
                .find(|(code, _)| *code == target.code)
                .map_or(0, |(_, n)| *n);
            TargetStatus {
                target,
                counts,
                retrying,
                last_attempt_at,
                last_sent_at,
            }
        })
        .collect())
}
