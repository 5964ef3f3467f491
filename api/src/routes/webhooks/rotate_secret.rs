use actix_web::{HttpResponse, post, web};
use chitieu_schema::webhooks;

use super::views::WebhookWithSecret;
use super::visible_webhook;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::routes::catalogs::respond::current;
use crate::state::AppState;

/// Rotate a subscription's signing secret.
///
/// Answers a new secret, shown this once. For 24 hours deliveries carry two signatures, space
/// delimited in `webhook-signature` (the new secret's first, then the previous one's), so the
/// receiver can switch to the new secret without losing a delivery.
#[utoipa::path(
    tag = "Webhooks",
    params(("id" = i64, Path, description = "The subscription's id", example = 3)),
    responses(
        (status = 200, description = "The subscription, with its new secret", body = WebhookWithSecret,
            headers(("ETag" = String, description = "Its new version"))),
        (status = 404, description = "No such subscription in the caller's part of the tree", body = crate::problem::Problem,
            content_type = "application/problem+json"),
    )
)]
#[post("/webhooks/{id}/rotate-secret")]
pub async fn rotate_webhook_secret(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let (webhook, secret) = state
        .db(move |conn| {
            visible_webhook(conn, &caller, id)?;
            Ok::<_, ApiError>(webhooks::rotate_secret(conn, id)?)
        })
        .await?;
    let version = webhook.version;
    Ok(current(version, WebhookWithSecret::new(webhook, &secret)))
}
