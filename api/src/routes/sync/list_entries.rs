use actix_web::{HttpResponse, get, web};
use chitieu_schema::sync::{self, EntryFilter, EntryState};
use serde::Deserialize;
use utoipa::IntoParams;

use super::views::SyncEntryView;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::pagination::{PageQuery, Paged};
use crate::state::AppState;

/// Which entries to list.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct EntriesQuery {
    /// Only entries in this state.
    #[param(example = "dead", value_type = Option<super::views::EntryStateName>)]
    pub state: Option<String>,
    #[param(example = "theodoinq")]
    pub target: Option<String>,
    pub page: Option<u32>,
    pub page_size: Option<u32>,
}

/// List outbox entries, oldest first: typically the dead ones, or those needing attention
/// with the upstream's message.
#[utoipa::path(
    tag = "Sync",
    params(EntriesQuery),
    responses(
        (status = 200, description = "A page of entries", body = Paged<SyncEntryView>),
        (status = 403, description = "Administrators and province officers only", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "An unknown state, or an invalid page", body = crate::problem::Problem,
            content_type = "application/problem+json"),
    )
)]
#[get("/sync/entries")]
pub async fn list_sync_entries(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<EntriesQuery>,
) -> Result<HttpResponse, ApiError> {
    super::require_reader(&caller)?;
    let query = query.into_inner();
    let entry_state = entry_state_param(query.state.as_deref())?;
    let request = PageQuery {
        page: query.page,
        page_size: query.page_size,
    }
    .to_request()?;
    let filter = EntryFilter {
        state: entry_state,
        target_code: query.target,
        report_id: None,
        webhook_id: None,
    };
    let page = state
        .db(move |conn| sync::list_entries(conn, &filter, request))
        .await?;
    Ok(HttpResponse::Ok().json(Paged::from_page(page, SyncEntryView::from)))
}

/// The `state` query parameter of an entry listing, checked.
pub(crate) fn entry_state_param(raw: Option<&str>) -> Result<Option<EntryState>, ApiError> {
    raw.map(|raw| {
        EntryState::parse(raw).ok_or_else(|| {
            ApiError::invalid(
                "state",
                chitieu_schema::messages::Message::new("invalid-outbox-state"),
            )
        })
    })
    .transpose()
}
