use actix_web::{HttpResponse, web};

use crate::sync::SyncService;

/// `GET /metrics`: this process's sync counters in the Prometheus text format (entries sent,
/// attempts failed and to be retried, entries delivered after a retry, refused, dead). Served
/// outside the OpenAPI document, like Swagger UI: it is for scrapers, not API clients.
pub async fn prometheus_metrics(sync: web::Data<SyncService>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4")
        .body(sync.worker.metrics().snapshot().to_prometheus())
}
