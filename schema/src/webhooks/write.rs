//! Creating, changing, rotating, disabling and deleting subscriptions.

use diesel::prelude::*;

use super::read::find;
use super::record::{Webhook, encode_events};
use super::secret::{Secret, new_secret};
use super::{ROTATION_GRACE, target_code};
use crate::db::Db;
use crate::events::KINDS;
use crate::messages::Message;
use crate::schema::{sync_outbox, webhooks};
use crate::{StoreError, now_utc};

/// A subscription to create; the caller has checked that it may read `unit_code`'s subtree.
#[derive(Debug, Clone, PartialEq)]
pub struct NewWebhook {
    pub unit_code: String,
    pub unit_path: String,
    pub url: String,
    pub events: Vec<String>,
    pub description: Option<String>,
    pub created_by: String,
}

/// What a change may set; `None` keeps the stored value.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WebhookChange {
    pub url: Option<String>,
    pub events: Option<Vec<String>>,
    pub description: Option<Option<String>>,
    /// Enabling again clears the reason it was disabled.
    pub enabled: Option<bool>,
}

/// An absolute `http` or `https` URL (https is the advice; plain http serves receivers on a
/// closed network), without spaces or a fragment.
pub fn check_url(url: &str) -> Result<(), StoreError> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| {
            StoreError::rejected("url", "the URL must start with https:// or http://")
        })?;
    let host = rest.split(['/', '?']).next().unwrap_or("");
    if host.is_empty() || url.len() > 2000 || url.contains(char::is_whitespace) || url.contains('#')
    {
        return Err(StoreError::rejected(
            "url",
            "the URL must name a host, hold no spaces or fragment, and be at most 2000 characters",
        ));
    }
    Ok(())
}

/// At least one event type, each known, none twice.
pub fn check_events(events: &[String]) -> Result<(), StoreError> {
    if events.is_empty() {
        return Err(StoreError::rejected(
            "events",
            Message::new("webhook-no-events"),
        ));
    }
    for (index, event) in events.iter().enumerate() {
        if !KINDS.contains(&event.as_str()) {
            return Err(StoreError::RejectedAt {
                pointer: format!("/events/{index}"),
                reason: Message::new("webhook-unknown-event")
                    .arg("event", format!("{event:?}"))
                    .arg("known", KINDS.join(", "))
                    .into(),
            });
        }
        if events[..index].contains(event) {
            return Err(StoreError::RejectedAt {
                pointer: format!("/events/{index}"),
                reason: Message::new("webhook-event-twice")
                    .arg("event", event)
                    .into(),
            });
        }
    }
    Ok(())
}

/// Stores the subscription and answers its secret, which is never shown again.
pub fn create(conn: &mut Db, new: &NewWebhook) -> Result<(Webhook, Secret), StoreError> {
    check_url(&new.url)?;
    check_events(&new.events)?;
    let secret = new_secret()?;
    let now = now_utc();
    let id: i64 = diesel::insert_into(webhooks::table)
        .values((
            webhooks::unit_code.eq(&new.unit_code),
            webhooks::unit_path.eq(&new.unit_path),
            webhooks::url.eq(&new.url),
            webhooks::events.eq(encode_events(&new.events)),
            webhooks::description.eq(&new.description),
            webhooks::secret.eq(secret.as_str()),
            webhooks::enabled.eq(true),
            webhooks::created_by.eq(&new.created_by),
            webhooks::created_at.eq(now),
            webhooks::updated_at.eq(now),
            webhooks::version.eq(1),
        ))
        .returning(webhooks::id)
        .get_result(conn)
        .map_err(StoreError::database("creating a webhook subscription"))?;
    Ok((find(conn, id)?, secret))
}

/// Applies `change` when the stored version is `expected` (any version when `None`).
pub fn update(
    conn: &mut Db,
    id: i64,
    expected: Option<i32>,
    change: &WebhookChange,
) -> Result<Webhook, StoreError> {
    conn.transaction(|conn| {
        let current = find(conn, id)?;
        check_version(current.version, expected)?;
        if let Some(url) = &change.url {
            check_url(url)?;
        }
        if let Some(events) = &change.events {
            check_events(events)?;
        }
        let enabled = change.enabled.unwrap_or(current.enabled);
        let reason = if enabled {
            None
        } else {
            current.disabled_reason.clone()
        };
        diesel::update(webhooks::table.find(id))
            .set((
                webhooks::url.eq(change.url.as_ref().unwrap_or(&current.url)),
                webhooks::events.eq(encode_events(
                    change.events.as_ref().unwrap_or(&current.events),
                )),
                webhooks::description.eq(change
                    .description
                    .clone()
                    .unwrap_or(current.description.clone())),
                webhooks::enabled.eq(enabled),
                webhooks::disabled_reason.eq(reason),
                webhooks::updated_at.eq(now_utc()),
                webhooks::version.eq(current.version + 1),
            ))
            .execute(conn)
            .map_err(StoreError::database("changing a webhook subscription"))?;
        find(conn, id)
    })
}

/// A new secret; the previous one keeps signing (a second signature) for [`ROTATION_GRACE`].
pub fn rotate_secret(conn: &mut Db, id: i64) -> Result<(Webhook, Secret), StoreError> {
    let secret = new_secret()?;
    conn.transaction(|conn| {
        let current: String = webhooks::table
            .find(id)
            .select(webhooks::secret)
            .first(conn)
            .optional()
            .map_err(StoreError::database("reading a webhook's secret"))?
            .ok_or_else(|| StoreError::not_found("webhook", id.to_string()))?;
        let now = now_utc();
        diesel::update(webhooks::table.find(id))
            .set((
                webhooks::secret.eq(secret.as_str()),
                webhooks::previous_secret.eq(current),
                webhooks::previous_secret_until.eq(now + ROTATION_GRACE),
                webhooks::updated_at.eq(now),
                webhooks::version.eq(webhooks::version + 1),
            ))
            .execute(conn)
            .map_err(StoreError::database("rotating a webhook's secret"))?;
        Ok((find(conn, id)?, secret))
    })
}

/// Stops deliveries, with the reason; its entries wait until it is enabled again.
pub fn disable(conn: &mut Db, id: i64, reason: &str) -> Result<(), StoreError> {
    diesel::update(webhooks::table.find(id).filter(webhooks::enabled.eq(true)))
        .set((
            webhooks::enabled.eq(false),
            webhooks::disabled_reason.eq(reason),
            webhooks::updated_at.eq(now_utc()),
            webhooks::version.eq(webhooks::version + 1),
        ))
        .execute(conn)
        .map_err(StoreError::database("disabling a webhook subscription"))?;
    Ok(())
}

/// Removes the subscription and its deliveries (sent or not) when the stored version is
/// `expected`.
pub fn delete(conn: &mut Db, id: i64, expected: Option<i32>) -> Result<(), StoreError> {
    conn.transaction(|conn| {
        let current = find(conn, id)?;
        check_version(current.version, expected)?;
        diesel::delete(sync_outbox::table.filter(sync_outbox::target_code.eq(target_code(id))))
            .execute(conn)
            .map_err(StoreError::database("removing a webhook's deliveries"))?;
        diesel::delete(webhooks::table.find(id))
            .execute(conn)
            .map_err(StoreError::database("removing a webhook subscription"))?;
        Ok(())
    })
}

fn check_version(current: i32, expected: Option<i32>) -> Result<(), StoreError> {
    match expected {
        Some(expected) if expected != current => {
            Err(StoreError::VersionMismatch { expected, current })
        }
        _ => Ok(()),
    }
}
