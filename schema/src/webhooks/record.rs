//! A subscription as stored and as callers get it (the secrets apart).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::secret::Secret;
use crate::schema::webhooks;

/// A subscription, without its secrets.
#[derive(Debug, Clone, PartialEq)]
pub struct Webhook {
    pub id: i64,
    pub unit_code: String,
    pub unit_path: String,
    pub url: String,
    /// The event types delivered, in the order given.
    pub events: Vec<String>,
    pub description: Option<String>,
    pub enabled: bool,
    /// Why deliveries stopped (the receiver answered 410 Gone, or an entry went dead).
    pub disabled_reason: Option<String>,
    /// When the previous secret stops signing, during a rotation's grace.
    pub previous_secret_until: Option<NaiveDateTime>,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub version: i32,
}

impl Webhook {
    /// Whether an event of `kind` at the unit at `unit_path` goes to this subscription.
    pub fn wants(&self, kind: &str, unit_path: &str) -> bool {
        self.enabled
            && unit_path.starts_with(&self.unit_path)
            && self.events.iter().any(|e| e == kind)
    }
}

/// What signs a subscription's deliveries now.
#[derive(Debug, Clone)]
pub struct WebhookSecrets {
    pub url: String,
    pub enabled: bool,
    pub current: Secret,
    /// The secret before the last rotation, while its grace lasts.
    pub previous: Option<Secret>,
}

impl WebhookSecrets {
    pub fn all(&self) -> Vec<&Secret> {
        std::iter::once(&self.current)
            .chain(self.previous.as_ref())
            .collect()
    }
}

#[derive(Debug, Clone, Queryable)]
pub(super) struct WebhookRow {
    pub id: i64,
    pub unit_code: String,
    pub unit_path: String,
    pub url: String,
    pub events: String,
    pub description: Option<String>,
    pub previous_secret_until: Option<NaiveDateTime>,
    pub enabled: bool,
    pub disabled_reason: Option<String>,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub version: i32,
}

pub(super) type WebhookColumns = (
    webhooks::id,
    webhooks::unit_code,
    webhooks::unit_path,
    webhooks::url,
    webhooks::events,
    webhooks::description,
    webhooks::previous_secret_until,
    webhooks::enabled,
    webhooks::disabled_reason,
    webhooks::created_by,
    webhooks::created_at,
    webhooks::updated_at,
    webhooks::version,
);

pub(super) const WEBHOOK_COLUMNS: WebhookColumns = (
    webhooks::id,
    webhooks::unit_code,
    webhooks::unit_path,
    webhooks::url,
    webhooks::events,
    webhooks::description,
    webhooks::previous_secret_until,
    webhooks::enabled,
    webhooks::disabled_reason,
    webhooks::created_by,
    webhooks::created_at,
    webhooks::updated_at,
    webhooks::version,
);

impl From<WebhookRow> for Webhook {
    fn from(row: WebhookRow) -> Self {
        Webhook {
            id: row.id,
            unit_code: row.unit_code,
            unit_path: row.unit_path,
            url: row.url,
            events: decode_events(&row.events),
            description: row.description,
            enabled: row.enabled,
            disabled_reason: row.disabled_reason,
            previous_secret_until: row.previous_secret_until,
            created_by: row.created_by,
            created_at: row.created_at,
            updated_at: row.updated_at,
            version: row.version,
        }
    }
}

/// Event types are stored space delimited: they never hold a space.
pub(super) fn encode_events(events: &[String]) -> String {
    events.join(" ")
}

pub(super) fn decode_events(stored: &str) -> Vec<String> {
    stored.split_whitespace().map(str::to_owned).collect()
}
