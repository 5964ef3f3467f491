use actix_web::{HttpRequest, HttpResponse, delete, web};
use chitieu_schema::accounts::api_keys;

use crate::auth::{Caller, origin_of};
use crate::error::ApiError;
use crate::state::AppState;

/// Revoke an API key: it is refused from its next request on. Revoking a revoked key changes
/// nothing.
#[utoipa::path(
    tag = "API keys",
    security(("bearerAuth" = []), ("apiKey" = [])),
    params(("prefix" = String, Path, description = "The key's public prefix",
        example = "3f9a1c0e5b7d2a64")),
    responses(
        (status = 204, description = "Revoked"),
        (status = 401, description = "Missing or invalid credentials",
            body = crate::problem::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed to revoke this key",
            body = crate::problem::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such key in the caller's reach",
            body = crate::problem::Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/api-keys/{prefix}")]
pub async fn revoke_api_key(
    req: HttpRequest,
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let prefix = path.into_inner();
    let origin = origin_of(&req);
    state
        .db(move |conn| {
            let missing = || {
                ApiError::from(chitieu_schema::StoreError::not_found(
                    "API key",
                    prefix.as_str(),
                ))
            };
            let key = api_keys::find(conn, &prefix)?.ok_or_else(missing)?;
            // Keys homed outside the caller's subtree are answered as missing.
            let visible = caller.is_admin()
                || key
                    .home_unit
                    .as_ref()
                    .is_some_and(|u| caller.can_read_path(&u.path));
            if !visible {
                return Err(missing());
            }
            caller.ensure_may_grant(key.role, key.home_unit.as_ref())?;
            api_keys::revoke(conn, &prefix, &origin)?;
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
