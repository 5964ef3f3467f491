use actix_web::{HttpResponse, get, web};
use chitieu_schema::accounts::{Role, users};

use super::types::UserResponse;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::pagination::{PageQuery, Paged};
use crate::state::AppState;

/// List accounts: all for administrators, those homed in their subtree for officers.
#[utoipa::path(
    tag = "Accounts",
    security(("bearerAuth" = []), ("apiKey" = [])),
    params(PageQuery),
    responses(
        (status = 200, description = "A page of accounts, by username", body = Paged<UserResponse>),
        (status = 401, description = "Missing or invalid credentials",
            body = crate::problem::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only administrators and officers list accounts",
            body = crate::problem::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/users")]
pub async fn list_users(
    caller: Caller,
    state: web::Data<AppState>,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    caller.require_role(&[Role::ProvinceOfficer, Role::CommuneOfficer])?;
    let request = query.into_inner().to_request()?;
    let scope = caller.scope();
    let page = state
        .db(move |conn| users::list(conn, scope.as_ref(), request))
        .await?;
    Ok(HttpResponse::Ok().json(Paged::from_page(page, UserResponse::from)))
}
