use actix_web::{HttpResponse, get, web};
use chitieu_schema::accounts::events::{self, AccessEvent, EventFilter};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::EventKindName;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::pagination::{PageQuery, Paged};
use crate::state::AppState;

/// One entry of the access log.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"id": 42, "at": "2026-11-22T03:00:00Z", "kind": "sign_in_failed",
    "subject": "lan.nguyen", "clientIp": "203.0.113.7",
    "requestId": "5f0c6f0e-8a59-4c1b-9a57-0b1f3d2f8e11", "detail": "wrong password"}))]
pub struct AccessEventResponse {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub kind: EventKindName,
    /// A username or an API key prefix.
    pub subject: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_ip: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl From<AccessEvent> for AccessEventResponse {
    fn from(event: AccessEvent) -> Self {
        Self {
            id: event.id,
            at: event.at.and_utc(),
            kind: event.kind.into(),
            subject: event.subject,
            client_ip: event.client_ip,
            request_id: event.request_id,
            detail: event.detail,
        }
    }
}

/// Filters of the access log.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct EventQuery {
    /// Only events of this kind.
    pub kind: Option<EventKindName>,
    /// Only events about this username or key prefix.
    #[param(example = "lan.nguyen")]
    pub subject: Option<String>,
}

/// The access log, newest first (administrators).
#[utoipa::path(
    tag = "Accounts",
    security(("bearerAuth" = []), ("apiKey" = [])),
    params(PageQuery, EventQuery),
    responses(
        (status = 200, description = "A page of events", body = Paged<AccessEventResponse>),
        (status = 401, description = "Missing or invalid credentials",
            body = crate::problem::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only administrators read the access log",
            body = crate::problem::Problem, content_type = "application/problem+json"),
        (status = 400, description = "Unknown kind", body = crate::problem::Problem,
            content_type = "application/problem+json"),
    )
)]
#[get("/access-events")]
pub async fn list_access_events(
    caller: Caller,
    state: web::Data<AppState>,
    page: web::Query<PageQuery>,
    filter: web::Query<EventQuery>,
) -> Result<HttpResponse, ApiError> {
    caller.require_admin()?;
    let request = page.into_inner().to_request()?;
    let filter = filter.into_inner();
    let filter = EventFilter {
        kind: filter.kind.map(Into::into),
        subject: filter.subject,
    };
    let page = state
        .db(move |conn| events::list(conn, &filter, request))
        .await?;
    Ok(HttpResponse::Ok().json(Paged::from_page(page, AccessEventResponse::from)))
}
