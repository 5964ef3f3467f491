use actix_web::{HttpResponse, put, web};
use chitieu_schema::webhooks::{self, WebhookChange};

use super::requests::{WebhookRequest, description};
use super::views::WebhookView;
use super::visible_webhook;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::etag::IfMatch;
use crate::extract::JsonBody;
use crate::routes::catalogs::respond::current;
use crate::state::AppState;

/// Change a webhook subscription.
///
/// Its URL, event types, description, and whether it is enabled (default true: enabling again
/// sends the deliveries that waited). Its unit and secret stay.
#[utoipa::path(
    tag = "Webhooks",
    params(
        ("id" = i64, Path, description = "The subscription's id", example = 3),
        ("If-Match" = String, Header, description = "The ETag of the version you read", example = "\"1\""),
    ),
    request_body(content = WebhookRequest),
    responses(
        (status = 200, description = "The subscription as it is now", body = WebhookView,
            headers(("ETag" = String, description = "Its new version"))),
        (status = 404, description = "No such subscription in the caller's part of the tree", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        crate::responses::EditPreconditions,
    )
)]
#[put("/webhooks/{id}")]
pub async fn update_webhook(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
    if_match: IfMatch,
    body: JsonBody<WebhookRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let request = body.0;
    let change = WebhookChange {
        url: Some(request.url.trim().to_owned()),
        events: Some(request.events),
        description: Some(description(request.description.as_deref())?),
        enabled: Some(request.enabled.unwrap_or(true)),
    };
    let webhook = state
        .db(move |conn| {
            visible_webhook(conn, &caller, id)?;
            Ok::<_, ApiError>(webhooks::update(conn, id, if_match.expected(), &change)?)
        })
        .await?;
    Ok(current(webhook.version, WebhookView::from(webhook)))
}
