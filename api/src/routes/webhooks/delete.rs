use actix_web::{HttpResponse, delete, web};
use chitieu_schema::webhooks;

use super::visible_webhook;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::etag::IfMatch;
use crate::state::AppState;

/// Delete a webhook subscription and its deliveries, sent or not.
#[utoipa::path(
    tag = "Webhooks",
    params(
        ("id" = i64, Path, description = "The subscription's id", example = 3),
        ("If-Match" = String, Header, description = "The ETag of the version you read", example = "\"1\""),
    ),
    responses(
        (status = 204, description = "The subscription is deleted"),
        (status = 404, description = "No such subscription in the caller's part of the tree", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        crate::responses::EditPreconditions,
    )
)]
#[delete("/webhooks/{id}")]
pub async fn delete_webhook(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
    if_match: IfMatch,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    state
        .db(move |conn| {
            visible_webhook(conn, &caller, id)?;
            Ok::<_, ApiError>(webhooks::delete(conn, id, if_match.expected())?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
