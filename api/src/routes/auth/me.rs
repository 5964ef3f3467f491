use actix_web::{HttpResponse, get};
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::{Caller, Identity, RoleName};
use crate::error::ApiError;

/// The authenticated caller, as the server sees it now.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"kind": "user", "username": "lan.nguyen", "role": "communeOfficer",
    "homeUnitCode": "01001"}))]
pub struct MeResponse {
    /// `user` or `apiKey`.
    #[schema(example = "user")]
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_prefix: Option<String>,
    pub role: RoleName,
    /// Absent for administrators without a home unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub home_unit_code: Option<String>,
}

/// Who am I: the caller's identity, role and home unit.
#[utoipa::path(
    tag = "Authentication",
    security(("bearerAuth" = []), ("apiKey" = [])),
    responses(
        (status = 200, description = "The caller", body = MeResponse),
        (status = 401, description = "Missing or invalid credentials",
            body = crate::problem::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/auth/me")]
pub async fn me(caller: Caller) -> Result<HttpResponse, ApiError> {
    let (kind, username, key_prefix) = match caller.identity() {
        Identity::User { username, .. } => ("user", Some(username.to_string()), None),
        Identity::ApiKey { prefix } => ("apiKey", None, Some(prefix.clone())),
    };
    Ok(HttpResponse::Ok().json(MeResponse {
        kind,
        username,
        key_prefix,
        role: caller.role().into(),
        home_unit_code: caller.home_unit().map(|u| u.code.clone()),
    }))
}
