use actix_web::{HttpResponse, post, web};
use chitieu_schema::sync;

use super::views::SyncEntryView;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;

/// Send a dead entry (or one that needed attention) again: pending now, its attempts counted from zero.
#[utoipa::path(
    tag = "Sync",
    params(("id" = i64, Path, description = "The entry's id", example = 42)),
    responses(
        (status = 200, description = "The entry is pending", body = SyncEntryView),
        (status = 403, description = "Only administrators act on entries", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No such entry", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 409, description = "The entry is neither dead nor waiting for attention", body = crate::problem::Problem,
            content_type = "application/problem+json"),
    )
)]
#[post("/sync/entries/{id}/retry")]
pub async fn retry_sync_entry(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    caller.require_admin()?;
    let id = id.into_inner();
    let entry = state.db(move |conn| sync::retry_entry(conn, id)).await?;
    Ok(HttpResponse::Ok().json(SyncEntryView::from(entry)))
}
