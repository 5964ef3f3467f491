use actix_web::{HttpResponse, get, web};
use chitieu_schema::accounts::{Role, api_keys};

use super::types::ApiKeyResponse;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::pagination::{PageQuery, Paged};
use crate::state::AppState;

/// List API keys (never their secrets), newest first: all for administrators, those homed in
/// their subtree for officers.
#[utoipa::path(
    tag = "API keys",
    security(("bearerAuth" = []), ("apiKey" = [])),
    params(PageQuery),
    responses(
        (status = 200, description = "A page of keys", body = Paged<ApiKeyResponse>),
        (status = 401, description = "Missing or invalid credentials",
            body = crate::problem::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only administrators and officers list keys",
            body = crate::problem::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/api-keys")]
pub async fn list_api_keys(
    caller: Caller,
    state: web::Data<AppState>,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    caller.require_role(&[Role::ProvinceOfficer, Role::CommuneOfficer])?;
    let request = query.into_inner().to_request()?;
    let scope = caller.scope();
    let page = state
        .db(move |conn| api_keys::list(conn, scope.as_ref(), request))
        .await?;
    Ok(HttpResponse::Ok().json(Paged::from_page(page, ApiKeyResponse::from)))
}
