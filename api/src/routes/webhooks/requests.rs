//! What callers send to create or replace a subscription.

use serde::Deserialize;
use utoipa::ToSchema;

/// A new subscription.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({"unitCode": "31001", "url": "https://vanban.xa31001.gov.vn/hooks/chitieu",
    "events": ["report.returned", "report.approved", "deadline.approaching"],
    "description": "Hệ thống văn bản của xã"}))]
pub struct NewWebhookRequest {
    /// The unit whose subtree is covered; it must be in the caller's part of the tree.
    pub unit_code: String,
    /// An absolute `https://` (or `http://`) URL; redirects are not followed.
    pub url: String,
    /// Event types: `report.submitted`, `report.returned`, `report.approved`,
    /// `report.reopened`, `deadline.approaching`, `deadline.missed`, `sync.attention`,
    /// `sync.dead`, `plan.imported`.
    pub events: Vec<String>,
    pub description: Option<String>,
}

/// A subscription's parts that can change (its unit stays).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({"url": "https://vanban.xa31001.gov.vn/hooks/chitieu",
    "events": ["report.returned"], "description": null, "enabled": true}))]
pub struct WebhookRequest {
    pub url: String,
    pub events: Vec<String>,
    pub description: Option<String>,
    /// Default true: enabling again clears the reason it was disabled, and the deliveries that
    /// waited go out.
    pub enabled: Option<bool>,
}

/// The description, NFC and trimmed (empty is none).
pub fn description(raw: Option<&str>) -> Result<Option<String>, crate::error::ApiError> {
    let mut errors = crate::validation::FieldErrors::new();
    let parsed = errors.check(
        "/description",
        chitieu_schema::domain::OptionalText::parse(raw),
    );
    Ok(errors.finish(|| parsed)?.into_option())
}
