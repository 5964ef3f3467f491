use actix_web::{HttpResponse, post, web};
use chitieu_connector::SyncError;
use chitieu_connector::targets_reload::Reloaded;
use chitieu_schema::sync;
use chrono::Utc;

use super::target_views::TargetsReloadView;
use super::views::TargetStatusView;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::problem::FieldError;
use crate::state::AppState;
use crate::sync::SyncService;

/// Reload the targets file now.
///
/// Reads the targets file again and stores what it holds, as the file watch does when the
/// file changes: the next delivery of every replica uses it. A file that does not load (a
/// template that does not parse, a target that makes no sense) is refused with 422 naming the
/// target, the template's part, line and column, and the targets in force stay as they were.
#[utoipa::path(
    tag = "Sync",
    responses(
        (status = 200, description = "The file was read and its targets stored", body = TargetsReloadView),
        (status = 403, description = "Only administrators reload the targets", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 409, description = "No targets file is configured (CHITIEU_SYNC_TARGETS_FILE)",
            body = crate::problem::Problem, content_type = "application/problem+json"),
        (status = 422, description = "The file does not load; the targets in force are unchanged. \
            `errors[0].pointer` is the target in the file (`/targets/1/template`), its detail names \
            the target, the template's part, line and column",
            body = crate::problem::Problem, content_type = "application/problem+json",
            example = json!({"type": "urn:chitieu:problem:invalid-field", "title": "Invalid field",
                "status": 422, "detail": "/targets/1/template: target report-api: template body, line 3, column 14: syntax error: unexpected end of input",
                "errors": [{"pointer": "/targets/1/template",
                    "detail": "target report-api: template body, line 3, column 14: syntax error: unexpected end of input"}]})),
    )
)]
#[post("/sync/targets/reload")]
pub async fn reload_sync_targets(
    state: web::Data<AppState>,
    sync_service: web::Data<SyncService>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    caller.require_admin()?;
    let Some(watcher) = sync_service.targets.as_ref() else {
        return Err(ApiError::Conflict(
            "no targets file is configured (CHITIEU_SYNC_TARGETS_FILE): targets come from the \
             database only"
                .to_owned(),
        ));
    };
    let path = watcher.path().to_owned();
    // Forced: an operator who asks expects the file stored, even when the watch thinks it
    // unchanged (the database may have been changed by a replica with another file).
    let stored = match watcher.reload(sync_service.worker.pool(), true).await {
        Ok(Reloaded::Stored(count)) => count,
        Ok(Reloaded::Unchanged) => 0,
        Err(error) => return Err(refused(error)),
    };
    let statuses = state.db(|conn| sync::target_status(conn, None)).await?;
    let next = sync_service.schedule.next_sync(Utc::now());
    Ok(HttpResponse::Ok().json(TargetsReloadView {
        path,
        stored,
        targets: statuses
            .into_iter()
            .map(|s| TargetStatusView::new(s, next))
            .collect(),
    }))
}

/// A file that does not load is the operator's to mend: 422 pointing into the file. Only a
/// failure to store it is the server's.
fn refused(error: SyncError) -> ApiError {
    match error {
        SyncError::TargetTemplate {
            index, code, error, ..
        } => ApiError::Invalid(vec![FieldError::new(
            format!("/targets/{index}/template"),
            format!("target {code}: {error}"),
        )]),
        file @ (SyncError::TargetsJson { .. } | SyncError::TargetsFile { .. }) => {
            ApiError::Invalid(vec![FieldError::new(
                "/targets",
                chitieu_connector::worker::error_chain(&file),
            )])
        }
        other => ApiError::Internal(other.into()),
    }
}
