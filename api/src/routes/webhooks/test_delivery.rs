use actix_web::{HttpResponse, post, web};
use chitieu_connector::Outcome;
use chitieu_schema::webhooks;
use chrono::SecondsFormat;
use serde::Serialize;
use utoipa::ToSchema;

use super::visible_webhook;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;
use crate::sync::SyncService;

/// What came of a test delivery.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"delivered": true, "webhookId": "msg_test_3_1796648400123456", "detail": "HTTP 204"}))]
pub struct TestDeliveryView {
    /// Whether the receiver answered 2xx.
    pub delivered: bool,
    /// The `webhook-id` the test went out with.
    pub webhook_id: String,
    /// The receiver's status, or why nothing was answered (a refused connection, a timeout).
    pub detail: String,
}

/// Send a test delivery now.
///
/// Posts a `webhook.test` event (signed like every delivery, whatever event types the
/// subscription chose, and even when it is disabled) and answers what the receiver said. It is
/// not retried and not kept.
#[utoipa::path(
    tag = "Webhooks",
    params(("id" = i64, Path, description = "The subscription's id", example = 3)),
    responses(
        (status = 200, description = "What the receiver answered", body = TestDeliveryView),
        (status = 404, description = "No such subscription in the caller's part of the tree", body = crate::problem::Problem,
            content_type = "application/problem+json"),
    )
)]
#[post("/webhooks/{id}/test")]
pub async fn test_webhook(
    state: web::Data<AppState>,
    sync: web::Data<SyncService>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let (webhook, secrets) = state
        .db(move |conn| {
            let webhook = visible_webhook(conn, &caller, id)?;
            let secrets = webhooks::secrets(conn, id)?
                .ok_or_else(|| chitieu_schema::StoreError::not_found("webhook", id.to_string()))?;
            Ok::<_, ApiError>((webhook, secrets))
        })
        .await?;
    let message_id = format!("msg_test_{id}_{}", chrono::Utc::now().timestamp_micros());
    let body = serde_json::json!({
        "type": "webhook.test",
        "timestamp": chrono::Utc::now().to_rfc3339_opts(SecondsFormat::Micros, true),
        "data": {"webhookId": webhook.id, "unitCode": webhook.unit_code},
    })
    .to_string();
    let worker = &sync.worker;
    let timeout = worker.config().send_timeout;
    let outcome = chitieu_connector::webhook::send(
        worker.webhook_client(),
        &secrets,
        &message_id,
        &body,
        timeout,
    )
    .await;
    let (delivered, detail) = match outcome {
        Outcome::Delivered { receipt } => (true, receipt),
        Outcome::Retry { reason, .. } => (false, reason),
        Outcome::Rejected { message, .. } => (false, message),
    };
    Ok(HttpResponse::Ok().json(TestDeliveryView {
        delivered,
        webhook_id: message_id,
        detail,
    }))
}
