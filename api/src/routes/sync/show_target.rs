use actix_web::{HttpResponse, get, web};
use chitieu_schema::StoreError;
use chitieu_schema::sync;
use chrono::Utc;

use super::target_views::{TargetConfig, TargetDetailView};
use super::views::TargetStatusView;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;
use crate::sync::SyncService;

/// One target's entries per state, last and next run; for a `template` target, the template
/// in force and its version. Secrets are never shown (only the kind of authentication).
#[utoipa::path(
    tag = "Sync",
    params(("code" = String, Path, description = "The target's code", example = "theodoinq")),
    responses(
        (status = 200, description = "The target's status and template", body = TargetDetailView),
        (status = 403, description = "Administrators and province officers only", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No such target", body = crate::problem::Problem,
            content_type = "application/problem+json"),
    )
)]
#[get("/sync/targets/{code}")]
pub async fn show_sync_target(
    state: web::Data<AppState>,
    sync_service: web::Data<SyncService>,
    caller: Caller,
    code: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    super::require_reader(&caller)?;
    let code = code.into_inner();
    let status = state
        .db(move |conn| {
            sync::target_status(conn, Some(&code))?
                .pop()
                .ok_or_else(|| StoreError::not_found("sync target", code))
        })
        .await?;
    let next = sync_service.schedule.next_sync(Utc::now());
    let template = TargetConfig::of(&status.target).template.map(Into::into);
    Ok(HttpResponse::Ok().json(TargetDetailView {
        status: TargetStatusView::new(status, next),
        template,
    }))
}
