use actix_web::{HttpResponse, get, web};

use super::views::WebhookView;
use super::visible_webhook;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::routes::catalogs::respond::current;
use crate::state::AppState;

/// Read a webhook subscription (without its secret).
#[utoipa::path(
    tag = "Webhooks",
    params(("id" = i64, Path, description = "The subscription's id", example = 3)),
    responses(
        (status = 200, description = "The subscription", body = WebhookView,
            headers(("ETag" = String, description = "Its version, for If-Match"))),
        (status = 404, description = "No such subscription in the caller's part of the tree", body = crate::problem::Problem,
            content_type = "application/problem+json"),
    )
)]
#[get("/webhooks/{id}")]
pub async fn get_webhook(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let webhook = state
        .db(move |conn| visible_webhook(conn, &caller, id))
        .await?;
    Ok(current(webhook.version, WebhookView::from(webhook)))
}
