use actix_web::{HttpResponse, post, web};
use chitieu_schema::webhooks::{self, NewWebhook};

use super::requests::{NewWebhookRequest, description};
use super::views::WebhookWithSecret;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::JsonBody;
use crate::routes::catalogs::respond::created;
use crate::routes::org_units::{code_in_path, readable_path};
use crate::state::AppState;

/// Subscribe to events.
///
/// Events of the chosen types about `unitCode` and the units below it are delivered to `url`
/// as signed `POST`s (Standard Webhooks: `webhook-id`, `webhook-timestamp`,
/// `webhook-signature`), retried with backoff until the receiver answers 2xx. The answer
/// carries the signing `secret`, which is not shown again (rotate it to get a new one).
///
/// Who may: whoever may read the unit.
#[utoipa::path(
    tag = "Webhooks",
    request_body(content = NewWebhookRequest),
    responses(
        (status = 201, description = "The subscription, with its secret", body = WebhookWithSecret,
            headers(("ETag" = String, description = "Its version, for If-Match"),
                ("Location" = String, description = "Its URL"))),
        (status = 404, description = "No such unit in the caller's part of the tree", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid: the URL, or an unknown event type", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:invalid-field", "title": "A field is invalid", "status": 422,
                "detail": "/events/1: unknown event type \"report.deleted\"",
                "errors": [{"pointer": "/events/1", "detail": "unknown event type \"report.deleted\""}]})),
    )
)]
#[post("/webhooks")]
pub async fn create_webhook(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<NewWebhookRequest>,
) -> Result<HttpResponse, ApiError> {
    let request = body.0;
    let description = description(request.description.as_deref())?;
    let (webhook, secret) = state
        .db(move |conn| {
            let unit = code_in_path(&request.unit_code)?;
            let unit_path = readable_path(conn, &caller, &unit)?;
            let new = NewWebhook {
                unit_code: unit.as_str().to_owned(),
                unit_path,
                url: request.url.trim().to_owned(),
                events: request.events,
                description,
                created_by: caller.subject().to_owned(),
            };
            Ok::<_, ApiError>(webhooks::create(conn, &new)?)
        })
        .await?;
    let location = format!("/api/v1/webhooks/{}", webhook.id);
    let version = webhook.version;
    Ok(created(
        location,
        version,
        WebhookWithSecret::new(webhook, &secret),
    ))
}
