//! What a target's configuration looks like through the API: its profile, how it
//! authenticates (the kind only: secrets are never stored, only the names of the variables or
//! files that hold them) and, for a `template` target, the template in force and its version.

use std::collections::BTreeMap;

use chitieu_connector::template::TemplateSpec;
use chitieu_schema::sync::StoredTarget;
use serde::Serialize;
use utoipa::ToSchema;

use super::views::TargetStatusView;

/// The parts of a stored target the views show, read from its stored JSON. A part that does
/// not read (it was stored by another version) is shown as absent rather than failing the list.
pub struct TargetConfig {
    pub auth_type: String,
    pub template: Option<TemplateSpec>,
}

impl TargetConfig {
    pub fn of(target: &StoredTarget) -> Self {
        let auth: serde_json::Value = serde_json::from_str(&target.auth_json).unwrap_or_default();
        Self {
            auth_type: auth["type"].as_str().unwrap_or("unknown").to_owned(),
            template: target
                .template_json
                .as_deref()
                .and_then(|json| serde_json::from_str(json).ok()),
        }
    }
}

/// A `template` target's request as stored: what the next delivery renders.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"method": "PUT",
    "path": "/report_api/api/rp_objidx_data?grant_id={{ unit.code }}&action=input",
    "headers": {"x-check-auth": "true"}, "contentType": "application/json",
    "body": "[{%- for row in outline -%}…{%- endfor -%}]", "bodyFile": "report-api.json.j2",
    "answer": {"stored": ["2xx"], "retry": [408, 429, "5xx"], "receipt": "/data/id",
        "refusal": {"pointer": "/success", "equals": false, "message": "/message"}}}))]
pub struct TemplateView {
    pub method: String,
    /// Below the target's base URL, with placeholders.
    pub path: String,
    /// Extra headers (templates too); never credentials.
    pub headers: BTreeMap<String, String>,
    pub content_type: String,
    /// The body template as stored (a `bodyFile` is read in when the file is loaded).
    pub body: Option<String>,
    /// Where the body was read from, relative to the targets file.
    pub body_file: Option<String>,
    /// Which answers mean stored, replayed, retry or refused; the receipt's JSON pointer and
    /// the rule that turns a 200 into a refusal.
    #[schema(value_type = Object)]
    pub answer: serde_json::Value,
}

impl From<TemplateSpec> for TemplateView {
    fn from(spec: TemplateSpec) -> Self {
        Self {
            answer: serde_json::to_value(&spec.answer).unwrap_or_default(),
            method: spec.method,
            path: spec.path,
            headers: spec.headers,
            content_type: spec.content_type,
            body: spec.body,
            body_file: spec.body_file,
        }
    }
}

/// One target: how far it is, and for a `template` target the template in force.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TargetDetailView {
    #[serde(flatten)]
    pub status: TargetStatusView,
    /// The request of a `template` target; null for the built-in profiles.
    pub template: Option<TemplateView>,
}

/// What a reload of the targets file stored.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"path": "/etc/chitieu/targets.json", "stored": 1, "targets": [
    {"code": "report-api", "profile": "template", "authType": "bearer",
     "templateVersion": "sha256:3f1c9a0b7d2e4f61", "baseUrl": "https://theodoinq.example.vn",
     "enabled": true, "pending": 0, "retrying": 0, "sending": 0, "sent": 12, "attention": 0,
     "dead": 0, "discarded": 0, "superseded": 0, "lastRunAt": null, "lastSentAt": null,
     "nextRunAt": "2026-12-02T12:00:00Z"}]}))]
pub struct TargetsReloadView {
    /// The targets file read (`CHITIEU_SYNC_TARGETS_FILE`).
    pub path: String,
    /// How many targets the file holds; each was stored.
    pub stored: usize,
    /// Every target as it now stands (targets no longer in the file stay, as at start-up).
    pub targets: Vec<TargetStatusView>,
}
