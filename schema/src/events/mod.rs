//! The event feed: what happened to reports, in order, for systems that read a feed instead
//! of receiving webhooks. An event is appended in the transaction of the change it records,
//! with the unit's path so a reader sees only its part of the tree.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::Db;
use crate::org_units::path;
use crate::schema::{events, org_units};
use crate::{StoreError, now_utc};

/// The kinds of events raised today.
pub const REPORT_SUBMITTED: &str = "report.submitted";
pub const REPORT_RETURNED: &str = "report.returned";
pub const REPORT_APPROVED: &str = "report.approved";
pub const REPORT_REOPENED: &str = "report.reopened";
/// An outbox entry of a report was refused by its sync target: a person must look.
pub const SYNC_ATTENTION: &str = "sync.attention";
/// An outbox entry of a report is dead after its last allowed attempt.
pub const SYNC_DEAD: &str = "sync.dead";
/// A plan was imported from its spreadsheet.
pub const PLAN_IMPORTED: &str = "plan.imported";

/// Every kind, for subscriptions to choose from.
pub const KINDS: [&str; 9] = [
    REPORT_SUBMITTED,
    REPORT_RETURNED,
    REPORT_APPROVED,
    REPORT_REOPENED,
    DEADLINE_APPROACHING,
    DEADLINE_MISSED,
    SYNC_ATTENTION,
    SYNC_DEAD,
    PLAN_IMPORTED,
];

#[derive(Debug, Clone, PartialEq)]
pub struct NewEvent {
    pub kind: &'static str,
    pub unit_code: String,
    pub unit_path: String,
    pub plan_code: Option<String>,
    pub period: Option<String>,
    /// What the event says beyond its unit, plan and period, as JSON.
    pub data: serde_json::Value,
}

#[derive(Debug, Clone, PartialEq, Queryable)]
pub struct Event {
    pub id: i64,
    pub occurred_at: NaiveDateTime,
    pub kind: String,
    pub unit_code: String,
    pub unit_path: String,
    pub plan_code: Option<String>,
    pub period: Option<String>,
    pub data: String,
}

/// Appends `event`, and an outbox entry for each webhook subscription that wants it; call it
/// inside the transaction of the change it records.
pub fn append(conn: &mut Db, event: &NewEvent) -> Result<(), StoreError> {
    let occurred_at = now_utc();
    let id: i64 = diesel::insert_into(events::table)
        .values((
            events::occurred_at.eq(occurred_at),
            events::kind.eq(event.kind),
            events::unit_code.eq(&event.unit_code),
            events::unit_path.eq(&event.unit_path),
            events::plan_code.eq(&event.plan_code),
            events::period.eq(&event.period),
            events::data.eq(event.data.to_string()),
        ))
        .returning(events::id)
        .get_result(conn)
        .map_err(StoreError::database("appending an event"))?;
    crate::webhooks::fan_out(conn, id, occurred_at, event)?;
    Ok(())
}

/// Appends an event about the unit with `unit_code`, looking up its path; nothing when the
/// unit is unknown (an outbox entry of a unit removed since).
pub fn append_at_unit(
    conn: &mut Db,
    kind: &'static str,
    unit_code: &str,
    plan_code: Option<String>,
    period: Option<String>,
    data: serde_json::Value,
) -> Result<(), StoreError> {
    let unit_path: Option<String> = org_units::table
        .filter(org_units::code.eq(unit_code))
        .select(org_units::path)
        .first(conn)
        .optional()
        .map_err(StoreError::database("reading a unit's path for an event"))?;
    let Some(unit_path) = unit_path else {
        return Ok(());
    };
    append(
        conn,
        &NewEvent {
            kind,
            unit_code: unit_code.to_owned(),
            unit_path,
            plan_code,
            period,
            data,
        },
    )
}

/// Removes the events that occurred before `before` (the feed keeps a configured time);
/// returns how many. Webhook deliveries keep their own copy of the body.
pub fn prune(conn: &mut Db, before: NaiveDateTime) -> Result<usize, StoreError> {
    diesel::delete(events::table.filter(events::occurred_at.lt(before)))
        .execute(conn)
        .map_err(StoreError::database("removing old events"))
}

/// Up to `limit` events about units in the subtree at `root_path`, with ids after `after`,
/// oldest first.
pub fn list(
    conn: &mut Db,
    root_path: &str,
    after: i64,
    limit: i64,
) -> Result<Vec<Event>, StoreError> {
    events::table
        .filter(events::unit_path.ge(root_path))
        .filter(events::unit_path.lt(path::upper_bound(root_path)))
        .filter(events::id.gt(after))
        .order(events::id)
        .limit(limit)
        .load(conn)
        .map_err(StoreError::database("reading events"))
}

/// Every event with ids after `after` (for callers without a home unit), oldest first.
pub fn list_all(conn: &mut Db, after: i64, limit: i64) -> Result<Vec<Event>, StoreError> {
    events::table
        .filter(events::id.gt(after))
        .order(events::id)
        .limit(limit)
        .load(conn)
        .map_err(StoreError::database("reading events"))
}

pub const DEADLINE_APPROACHING: &str = "deadline.approaching";
pub const DEADLINE_MISSED: &str = "deadline.missed";

/// Appends `event` unless one of the same kind about the same unit, plan and period exists
/// already (a watch that runs every day raises each once); whether it was appended.
pub fn append_once(conn: &mut Db, event: &NewEvent) -> Result<bool, StoreError> {
    conn.transaction(|conn| {
        let mut existing = events::table
            .filter(events::kind.eq(event.kind))
            .filter(events::unit_code.eq(&event.unit_code))
            .into_boxed();
        if let Some(plan) = &event.plan_code {
            existing = existing.filter(events::plan_code.eq(plan));
        }
        if let Some(period) = &event.period {
            existing = existing.filter(events::period.eq(period));
        }
        let found = existing
            .count()
            .get_result::<i64>(conn)
            .map_err(StoreError::database("looking for an event"))?;
        if found > 0 {
            return Ok(false);
        }
        append(conn, event)?;
        Ok(true)
    })
}
