//! Subscriptions as callers see them; the secret only in the answers that make one.

use chitieu_schema::webhooks::{Secret, Webhook};
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

/// A webhook subscription.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"id": 3, "unitCode": "31001", "url": "https://vanban.xa31001.gov.vn/hooks/chitieu",
    "events": ["report.returned", "report.approved", "deadline.approaching"],
    "description": "Hệ thống văn bản của xã", "enabled": true, "disabledReason": null,
    "previousSecretValidUntil": null, "createdBy": "xa.officer",
    "createdAt": "2026-12-07T13:00:00Z", "updatedAt": "2026-12-07T13:00:00Z", "version": 1}))]
pub struct WebhookView {
    pub id: i64,
    /// The unit whose subtree the subscription covers.
    pub unit_code: String,
    pub url: String,
    /// The event types delivered.
    pub events: Vec<String>,
    pub description: Option<String>,
    /// False after the receiver answered `410 Gone`, after a delivery went dead, or when
    /// switched off; deliveries wait until it is enabled again.
    pub enabled: bool,
    pub disabled_reason: Option<String>,
    /// After a rotation, until when the previous secret signs too (a second `v1,` signature).
    pub previous_secret_valid_until: Option<DateTime<Utc>>,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The ETag's version.
    pub version: i32,
}

impl From<Webhook> for WebhookView {
    fn from(w: Webhook) -> Self {
        Self {
            id: w.id,
            unit_code: w.unit_code,
            url: w.url,
            events: w.events,
            description: w.description,
            enabled: w.enabled,
            disabled_reason: w.disabled_reason,
            previous_secret_valid_until: w.previous_secret_until.map(|t| t.and_utc()),
            created_by: w.created_by,
            created_at: w.created_at.and_utc(),
            updated_at: w.updated_at.and_utc(),
            version: w.version,
        }
    }
}

/// A subscription with its signing secret, shown this once.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct WebhookWithSecret {
    #[serde(flatten)]
    pub webhook: WebhookView,
    /// `whsec_` and the base64 of 32 random bytes: verify deliveries with it (any Standard
    /// Webhooks library takes it as it is). It is not shown again.
    #[schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwNbf0eOvDKsU=")]
    pub secret: String,
}

impl WebhookWithSecret {
    pub fn new(webhook: Webhook, secret: &Secret) -> Self {
        Self {
            webhook: webhook.into(),
            secret: secret.as_str().to_owned(),
        }
    }
}
