use actix_web::{HttpResponse, get, web};
use chitieu_schema::events::{self, Event};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::auth::Caller;
use crate::error::ApiError;
use crate::routes::org_units::listing_root;
use crate::state::AppState;

/// Which events, from where.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventQuery {
    /// Only events of this unit and the units below it (default: the caller's part of the tree).
    #[param(example = "31001")]
    pub unit: Option<String>,
    /// The cursor: events after this one (`nextCursor` of the previous page); from the oldest
    /// kept when absent.
    #[param(minimum = 0, example = 0)]
    pub after: Option<i64>,
    /// Events per page (default 100, at most 500).
    #[param(minimum = 1, maximum = 500, example = 100)]
    pub limit: Option<i64>,
}

/// Something that happened to a report, a delivery or a plan.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"id": 42, "type": "report.returned", "occurredAt": "2026-12-07T13:00:00Z",
    "unitCode": "31001-VHXH", "planCode": "TT-18-2025", "period": "2026Q1",
    "data": {"state": "returned", "version": 5, "by": "xa.officer", "reason": "Số sáng kiến chưa khớp với biên bản"}}))]
pub struct EventView {
    /// Increasing; the cursor of the feed.
    pub id: i64,
    /// `report.submitted`, `report.returned`, `report.approved`, `report.reopened`,
    /// `deadline.approaching` or `deadline.missed` (raised once per owed report by the
    /// deadline watch, before and after the deadline), `sync.attention` or `sync.dead` (a
    /// report's delivery upstream refused, or past its last attempt), `plan.imported`.
    #[serde(rename = "type")]
    pub kind: String,
    pub occurred_at: DateTime<Utc>,
    pub unit_code: String,
    pub plan_code: Option<String>,
    pub period: Option<String>,
    /// For a report event: the new state and version, who acted, and the reason of a return or
    /// reopening; for a deadline event: the report's state (`null` when it is not opened); for
    /// a sync event: the target, the entry id, its attempts and its error; for a plan import:
    /// the catalog and the number of items.
    #[schema(value_type = Object)]
    pub data: serde_json::Value,
}

impl From<Event> for EventView {
    fn from(event: Event) -> Self {
        Self {
            id: event.id,
            kind: event.kind,
            occurred_at: event.occurred_at.and_utc(),
            unit_code: event.unit_code,
            plan_code: event.plan_code,
            period: event.period,
            data: serde_json::from_str(&event.data).unwrap_or(serde_json::Value::Null),
        }
    }
}

/// A page of the feed and where the next one starts.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct EventPage {
    pub items: Vec<EventView>,
    /// Pass as `after` for the next page; the same as `after` when there is nothing new yet.
    #[schema(example = 42)]
    pub next_cursor: i64,
}

/// Read the event feed.
///
/// Events of units in the caller's part of the tree (or under `unit`), oldest first, after the
/// cursor `after`. A reader polls with the last `nextCursor` and gets each event once, in the
/// order the changes were committed.
#[utoipa::path(
    tag = "Events",
    params(EventQuery),
    responses(
        (status = 200, description = "A page of events", body = EventPage),
        (status = 404, description = "No such unit in the caller's part of the tree", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "A limit or cursor out of range", body = crate::problem::Problem,
            content_type = "application/problem+json"),
    )
)]
#[get("/events")]
pub async fn list_events(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<EventQuery>,
) -> Result<HttpResponse, ApiError> {
    let query = query.into_inner();
    let after = query.after.unwrap_or(0);
    if after < 0 {
        return Err(ApiError::invalid(
            "after",
            chitieu_schema::messages::Message::new("invalid-after"),
        ));
    }
    let limit = query.limit.unwrap_or(100);
    if !(1..=500).contains(&limit) {
        return Err(ApiError::invalid(
            "limit",
            chitieu_schema::messages::Message::new("invalid-limit"),
        ));
    }
    let found = state
        .db(move |conn| {
            let root = listing_root(conn, &caller, query.unit.as_deref())?;
            Ok::<_, ApiError>(match root {
                Some(root) => events::list(conn, &root, after, limit)?,
                None => events::list_all(conn, after, limit)?,
            })
        })
        .await?;
    let next_cursor = found.last().map_or(after, |event| event.id);
    let items = found.into_iter().map(EventView::from).collect();
    Ok(HttpResponse::Ok().json(EventPage { items, next_cursor }))
}
