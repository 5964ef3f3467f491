use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;

use super::views::SyncRunView;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::parse_optional_json;
use crate::sync::SyncService;

/// Which target to run; an empty body runs every enabled target.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct SyncRunRequest {
    #[schema(example = "theodoinq")]
    pub target: Option<String>,
}

/// Run a sync now: send every entry that is due, and answer with what became of them. Entries
/// that failed wait for their backoff; the worker or a later run sends them.
#[utoipa::path(
    tag = "Sync",
    request_body(content = Option<SyncRunRequest>, example = json!({"target": "theodoinq"})),
    responses(
        (status = 202, description = "The run is over; failed entries wait for their retry", body = SyncRunView),
        (status = 403, description = "Only administrators run the sync", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 400, description = "The body is not JSON or names an unknown member", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No such target", body = crate::problem::Problem,
            content_type = "application/problem+json"),
    )
)]
#[post("/sync/runs")]
pub async fn run_sync_now(
    sync: web::Data<SyncService>,
    caller: Caller,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    caller.require_admin()?;
    // No body runs every target; anything else must be a `SyncRunRequest`, so a
    // misspelt member is refused instead of silently running every target.
    let request: SyncRunRequest = parse_optional_json(&body)?;
    let target = request.target;
    if let Some(code) = target.clone() {
        let pool = sync.worker.pool().clone();
        web::block(move || {
            let mut conn = pool.get().map_err(|e| ApiError::Unavailable(e.into()))?;
            chitieu_schema::sync::find_target(&mut conn, &code).map_err(ApiError::from)
        })
        .await
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("blocking task failed: {e}")))??;
    }
    let summary = sync
        .worker
        .run_once(target.as_deref())
        .await
        .map_err(|e| ApiError::Internal(e.into()))?;
    Ok(HttpResponse::Accepted().json(SyncRunView::new(target, summary)))
}
