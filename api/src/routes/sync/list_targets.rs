use actix_web::{HttpResponse, get, web};
use chitieu_schema::sync;
use chrono::Utc;

use super::views::{JobView, SyncStatusView, TargetStatusView};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;
use crate::sync::SyncService;

/// The sync's state: every target with its entries per state, last and next run; the
/// scheduled jobs; and this process's counters.
#[utoipa::path(
    tag = "Sync",
    responses(
        (status = 200, description = "Every target, the schedule and the counters", body = SyncStatusView),
        (status = 403, description = "Administrators and province officers only", body = crate::problem::Problem,
            content_type = "application/problem+json"),
    )
)]
#[get("/sync/targets")]
pub async fn list_sync_targets(
    state: web::Data<AppState>,
    sync_service: web::Data<SyncService>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    super::require_reader(&caller)?;
    let (statuses, slots) = state
        .db(|conn| {
            let statuses = sync::target_status(conn, None)?;
            let slots = sync::last_slots(conn)?;
            Ok::<_, chitieu_schema::StoreError>((statuses, slots))
        })
        .await?;
    let now = Utc::now();
    let next = sync_service.schedule.next_sync(now);
    let jobs = sync_service
        .schedule
        .jobs
        .iter()
        .map(|job| {
            let last = slots.iter().find(|s| s.job == job.name);
            JobView::new(
                job.name.clone(),
                job.cron.clone(),
                last,
                job.next_after(now),
            )
        })
        .collect();
    Ok(HttpResponse::Ok().json(SyncStatusView {
        targets: statuses
            .into_iter()
            .map(|s| TargetStatusView::new(s, next))
            .collect(),
        jobs,
        schedule_running: sync_service.schedule_running,
        metrics: sync_service.worker.metrics().snapshot().into(),
    }))
}
