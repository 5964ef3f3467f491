use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, post, web};
use chitieu_schema::accounts::api_keys::{self, NewApiKey};
use chitieu_schema::accounts::{Role, find_unit};
use chitieu_schema::domain::{Name, OrgUnitCode};
use chrono::Utc;

use super::types::{ApiKeyResponse, CreateApiKeyRequest, CreatedApiKey};
use crate::auth::{Caller, Identity, origin_of};
use crate::error::ApiError;
use crate::extract::JsonBody;
use crate::state::AppState;
use crate::validation::FieldErrors;

/// Create an API key. The secret is in the answer once and is never shown again.
///
/// Administrators and officers create keys, with a role not above their own and a home unit in
/// their subtree (by default their own home unit). Keys cannot create keys.
#[utoipa::path(
    tag = "API keys",
    security(("bearerAuth" = []), ("apiKey" = [])),
    request_body = CreateApiKeyRequest,
    responses(
        (status = 201, description = "Created; `apiKey` holds the secret", body = CreatedApiKey),
        (status = 401, description = "Missing or invalid credentials",
            body = crate::problem::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Outside the caller's subtree or above the caller's role",
            body = crate::problem::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = crate::problem::Problem,
            content_type = "application/problem+json"),
    )
)]
#[post("/api-keys")]
pub async fn create_api_key(
    req: HttpRequest,
    caller: Caller,
    state: web::Data<AppState>,
    JsonBody(body): JsonBody<CreateApiKeyRequest>,
) -> Result<HttpResponse, ApiError> {
    let Identity::User { id: creator, .. } = caller.identity().clone() else {
        return Err(ApiError::said(
            crate::error::SaidKind::Forbidden,
            chitieu_schema::messages::Message::new("access-key-creates-key"),
        ));
    };
    caller.require_role(&[Role::ProvinceOfficer, Role::CommuneOfficer])?;
    let mut errors = FieldErrors::new();
    let name = errors.check("/name", Name::parse(&body.name));
    let unit_code = body
        .home_unit_code
        .as_deref()
        .and_then(|c| errors.check("/homeUnitCode", OrgUnitCode::parse(c)));
    if body.expires_at.is_some_and(|at| at <= Utc::now()) {
        errors.add("/expiresAt", "must be in the future");
    }
    let name = errors.finish(|| name)?;
    let role = Role::from(body.role);
    let expires_at = body.expires_at.map(|at| at.naive_utc());
    let origin = origin_of(&req);
    let (key, secret) = state
        .db(move |conn| {
            let home_unit = match &unit_code {
                Some(code) => Some(find_unit(conn, code)?.ok_or_else(|| {
                    if caller.is_admin() {
                        ApiError::invalid(
                            "/homeUnitCode",
                            chitieu_schema::messages::Message::new("api-key-no-unit")
                                .arg("code", code),
                        )
                    } else {
                        crate::auth::unit_outside_your_tree(code)
                    }
                })?),
                None if role.needs_home_unit() => caller.home_unit().cloned(),
                None => None,
            };
            if role.needs_home_unit() && home_unit.is_none() {
                return Err(ApiError::invalid(
                    "/homeUnitCode",
                    chitieu_schema::messages::Message::new("account-needs-home-unit"),
                ));
            }
            caller.ensure_may_grant(role, home_unit.as_ref())?;
            let new = NewApiKey {
                name,
                role,
                home_unit,
                created_by: creator,
                expires_at,
            };
            Ok(api_keys::create(conn, new, &origin)?)
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((header::LOCATION, format!("/api/v1/api-keys/{}", key.prefix)))
        .json(CreatedApiKey {
            api_key: secret.reveal().to_owned(),
            key: ApiKeyResponse::from(key),
        }))
}
