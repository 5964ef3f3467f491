use chitieu_schema::accounts::api_keys::ApiKey;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::RoleName;

/// A key, without its secret.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"prefix": "3f9a1c0e5b7d2a64", "name": "Hệ thống báo cáo xã 01001",
    "role": "integrator", "homeUnitCode": "01001", "createdBy": "lan.nguyen",
    "createdAt": "2026-11-22T03:00:00Z", "expiresAt": "2027-11-22T00:00:00Z",
    "active": true}))]
pub struct ApiKeyResponse {
    /// The public part of the key; names it in URLs and in the access log.
    pub prefix: String,
    pub name: String,
    pub role: RoleName,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub home_unit_code: Option<String>,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revoked_at: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_used_at: Option<DateTime<Utc>>,
    /// Neither revoked nor expired.
    pub active: bool,
}

impl From<ApiKey> for ApiKeyResponse {
    fn from(key: ApiKey) -> Self {
        Self {
            active: key.is_active(chitieu_schema::now_utc()),
            prefix: key.prefix,
            name: key.name,
            role: key.role.into(),
            home_unit_code: key.home_unit.map(|u| u.code),
            created_by: key.created_by,
            created_at: key.created_at.and_utc(),
            expires_at: key.expires_at.map(|t| t.and_utc()),
            revoked_at: key.revoked_at.map(|t| t.and_utc()),
            last_used_at: key.last_used_at.map(|t| t.and_utc()),
        }
    }
}

/// A new key: the secret is in `apiKey`, shown this once and never again.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CreatedApiKey {
    #[serde(flatten)]
    pub key: ApiKeyResponse,
    /// Send it as `X-API-Key`, or exchange it at `/api/v1/auth/token`. Store it now: it
    /// cannot be shown again.
    #[schema(example = "ctk_3f9a1c0e5b7d2a64_9c1e…")]
    pub api_key: String,
}

/// A key to create. The home unit defaults to the creator's.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({"name": "Hệ thống báo cáo xã 01001", "role": "integrator",
    "homeUnitCode": "01001", "expiresAt": "2027-11-22T00:00:00Z"}))]
pub struct CreateApiKeyRequest {
    /// What the key is for, e.g. the system that holds it.
    pub name: String,
    pub role: RoleName,
    #[serde(default)]
    pub home_unit_code: Option<String>,
    /// When the key stops working; absent: never (until revoked).
    #[serde(default)]
    pub expires_at: Option<DateTime<Utc>>,
}
