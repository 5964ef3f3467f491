use actix_web::{HttpResponse, get, web};
use chitieu_schema::accounts::{Username, users};

use super::access::{ensure_visible, missing};
use super::types::UserResponse;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::etag::with_etag;
use crate::state::AppState;

/// Read an account: your own, or (officers) one homed in your subtree, or (administrators) any.
#[utoipa::path(
    tag = "Accounts",
    security(("bearerAuth" = []), ("apiKey" = [])),
    params(("username" = String, Path, description = "The sign-in name", example = "lan.nguyen")),
    responses(
        (status = 200, description = "The account", body = UserResponse,
            headers(("ETag" = String))),
        (status = 401, description = "Missing or invalid credentials",
            body = crate::problem::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such account in the caller's reach",
            body = crate::problem::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/users/{username}")]
pub async fn get_user(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let raw = path.into_inner();
    let username = Username::parse(&raw).map_err(|_| missing(&raw))?;
    let user = state
        .db(move |conn| {
            let user = users::find(conn, &username)?.ok_or_else(|| missing(username.as_str()))?;
            ensure_visible(&caller, &user)?;
            Ok::<_, ApiError>(user)
        })
        .await?;
    let mut response = HttpResponse::Ok();
    with_etag(&mut response, user.version);
    Ok(response.json(UserResponse::from(user)))
}
