//! A subscription's deliveries (its outbox entries), to see why one failed, and to send a dead
//! or refused one again.

use actix_web::{HttpResponse, get, post, web};
use chitieu_schema::StoreError;
use chitieu_schema::sync::{self, EntryFilter, OutboxEntry};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::visible_webhook;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::pagination::{PageQuery, Paged};
use crate::routes::sync::list_entries::entry_state_param;
use crate::routes::sync::views::EntryStateName;
use crate::state::AppState;

/// One event on its way to one subscription.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"id": 812, "webhookId": "msg_42_3", "eventId": 42, "type": "report.returned",
    "unitCode": "31001-CA", "state": "pending", "attempts": 2,
    "nextAttemptAt": "2026-12-07T13:01:10Z", "lastAttemptAt": "2026-12-07T13:00:40Z",
    "lastError": "the receiver answered HTTP 503", "createdAt": "2026-12-07T13:00:00Z", "sentAt": null}))]
pub struct WebhookDeliveryView {
    pub id: i64,
    /// The `webhook-id` header: the same at every attempt.
    pub webhook_id: String,
    pub event_id: Option<i64>,
    /// The event type.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub unit_code: String,
    pub state: EntryStateName,
    pub attempts: i32,
    pub next_attempt_at: DateTime<Utc>,
    pub last_attempt_at: Option<DateTime<Utc>>,
    /// The last failure: the receiver's status, or why there was no answer.
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

impl From<OutboxEntry> for WebhookDeliveryView {
    fn from(e: OutboxEntry) -> Self {
        let kind = e
            .payload
            .as_deref()
            .and_then(|body| serde_json::from_str::<serde_json::Value>(body).ok())
            .and_then(|body| body["type"].as_str().map(str::to_owned));
        Self {
            id: e.id,
            webhook_id: e.idempotency_key,
            event_id: e.event_id,
            kind,
            unit_code: e.unit_code,
            state: e.state.into(),
            attempts: e.attempts,
            next_attempt_at: e.next_attempt_at.and_utc(),
            last_attempt_at: e.last_attempt_at.map(|t| t.and_utc()),
            last_error: e.last_error,
            created_at: e.created_at.and_utc(),
            sent_at: e.sent_at.map(|t| t.and_utc()),
        }
    }
}

/// Which deliveries to list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DeliveriesQuery {
    /// Only deliveries in this state.
    #[param(example = "dead", value_type = Option<EntryStateName>)]
    pub state: Option<String>,
}

/// List a subscription's deliveries, oldest first.
#[utoipa::path(
    tag = "Webhooks",
    params(("id" = i64, Path, description = "The subscription's id", example = 3), DeliveriesQuery, PageQuery),
    responses(
        (status = 200, description = "A page of deliveries", body = Paged<WebhookDeliveryView>),
        (status = 404, description = "No such subscription in the caller's part of the tree", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "An unknown state, or a page out of range", body = crate::problem::Problem,
            content_type = "application/problem+json"),
    )
)]
#[get("/webhooks/{id}/deliveries")]
pub async fn list_webhook_deliveries(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
    query: web::Query<DeliveriesQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let request = page.into_inner().to_request()?;
    let entry_state = entry_state_param(query.into_inner().state.as_deref())?;
    let found = state
        .db(move |conn| {
            visible_webhook(conn, &caller, id)?;
            let filter = EntryFilter {
                state: entry_state,
                webhook_id: Some(id),
                ..EntryFilter::default()
            };
            Ok::<_, ApiError>(sync::list_entries(conn, &filter, request)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(Paged::from_page(found, WebhookDeliveryView::from)))
}

/// Send a dead or refused delivery again.
///
/// It is pending at once with its attempts counted from zero (enable the subscription first if
/// it was turned off); other states are a conflict.
#[utoipa::path(
    tag = "Webhooks",
    params(
        ("id" = i64, Path, description = "The subscription's id", example = 3),
        ("deliveryId" = i64, Path, description = "The delivery's id", example = 812),
    ),
    responses(
        (status = 200, description = "The delivery, pending again", body = WebhookDeliveryView),
        (status = 404, description = "No such subscription in the caller's part of the tree, or no such delivery of it", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 409, description = "The delivery is not dead nor refused", body = crate::problem::Problem,
            content_type = "application/problem+json"),
    )
)]
#[post("/webhooks/{id}/deliveries/{deliveryId}/retry")]
pub async fn retry_webhook_delivery(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(i64, i64)>,
) -> Result<HttpResponse, ApiError> {
    let (id, delivery) = path.into_inner();
    let retried = state
        .db(move |conn| {
            visible_webhook(conn, &caller, id)?;
            let entry = sync::find_entry(conn, delivery)?;
            if entry.webhook_id != Some(id) {
                return Err(StoreError::not_found("outbox entry", delivery.to_string()).into());
            }
            Ok::<_, ApiError>(sync::retry_entry(conn, delivery)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(WebhookDeliveryView::from(retried)))
}
