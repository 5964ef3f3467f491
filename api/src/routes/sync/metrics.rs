use actix_web::{HttpResponse, get, web};

use crate::sync::SyncService;

/// This process's sync counters in the Prometheus text format: entries sent, attempts failed
/// (to be retried), entries delivered after a retry, refused (attention) and dead.
#[utoipa::path(
    tag = "Operations",
    responses((status = 200, description = "Prometheus text format 0.0.4", body = String,
        content_type = "text/plain; version=0.0.4",
        example = "# TYPE chitieu_sync_sent_total counter\nchitieu_sync_sent_total 512\n"))
)]
#[get("/metrics")]
pub async fn prometheus_metrics(sync: web::Data<SyncService>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4")
        .body(sync.worker.metrics().snapshot().to_prometheus())
}
