//! One outbox entry per subscription that wants an event, written with the event.

use chrono::{NaiveDateTime, SecondsFormat};
use diesel::prelude::*;
use serde_json::json;

use super::record::{WEBHOOK_COLUMNS, Webhook, WebhookRow};
use super::target_code;
use crate::db::Db;
use crate::events::NewEvent;
use crate::schema::{sync_outbox, webhooks};
use crate::sync::EntryState;
use crate::{StoreError, now_utc};

/// The `webhook-id` of an event's delivery to a subscription: the same at every attempt, and
/// without a full stop (the signed content is `id.timestamp.body`).
pub fn message_id(event_id: i64, webhook_id: i64) -> String {
    format!("msg_{event_id}_{webhook_id}")
}

/// The body: the specification's `type`, `timestamp` (when the event occurred) and `data`,
/// which is the event as the feed lists it. Only the event's own unit is named: a
/// subscription sees nothing of units outside its subtree.
fn payload(event_id: i64, occurred_at: NaiveDateTime, event: &NewEvent) -> String {
    json!({
        "type": event.kind,
        "timestamp": occurred_at.and_utc().to_rfc3339_opts(SecondsFormat::Micros, true),
        "data": {
            "id": event_id,
            "unitCode": event.unit_code,
            "planCode": event.plan_code,
            "period": event.period,
            "data": event.data,
        },
    })
    .to_string()
}

/// Writes a pending entry for each enabled subscription whose subtree holds the event's unit
/// and which wants its type. Call it in the transaction that appends the event. Returns the
/// number of entries written.
pub fn fan_out(
    conn: &mut Db,
    event_id: i64,
    occurred_at: NaiveDateTime,
    event: &NewEvent,
) -> Result<usize, StoreError> {
    let candidates: Vec<WebhookRow> = webhooks::table
        .filter(webhooks::enabled.eq(true))
        .filter(webhooks::unit_path.le(event.unit_path.clone()))
        .select(WEBHOOK_COLUMNS)
        .load(conn)
        .map_err(StoreError::database("reading the webhook subscriptions"))?;
    let wanting: Vec<Webhook> = candidates
        .into_iter()
        .map(Webhook::from)
        .filter(|w| w.wants(event.kind, &event.unit_path))
        .collect();
    if wanting.is_empty() {
        return Ok(0);
    }
    let body = payload(event_id, occurred_at, event);
    let now = now_utc();
    for webhook in &wanting {
        diesel::insert_into(sync_outbox::table)
            .values((
                sync_outbox::target_code.eq(target_code(webhook.id)),
                sync_outbox::unit_code.eq(&event.unit_code),
                sync_outbox::plan_code.eq(event.plan_code.as_deref().unwrap_or("")),
                sync_outbox::period.eq(event.period.as_deref().unwrap_or("")),
                sync_outbox::report_version.eq(0),
                sync_outbox::idempotency_key.eq(message_id(event_id, webhook.id)),
                sync_outbox::state.eq(EntryState::Pending.as_db_str()),
                sync_outbox::attempts.eq(0),
                sync_outbox::next_attempt_at.eq(now),
                sync_outbox::created_at.eq(now),
                sync_outbox::updated_at.eq(now),
                sync_outbox::webhook_id.eq(webhook.id),
                sync_outbox::event_id.eq(event_id),
                sync_outbox::payload.eq(&body),
            ))
            .execute(conn)
            .map_err(StoreError::database("writing a webhook delivery"))?;
    }
    Ok(wanting.len())
}
