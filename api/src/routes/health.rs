//! Liveness and readiness for load balancers and orchestrators.

use actix_web::{HttpResponse, get};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::ApiError;
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct HealthStatus {
    #[schema(example = "ok")]
    pub status: &'static str,
    /// The database backend in use, on readiness checks.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "sqlite")]
    pub database: Option<String>,
}

/// The process is up.
#[utoipa::path(
    tag = "Operations",
    responses((status = 200, description = "The process is up", body = HealthStatus,
        example = json!({"status": "ok"})))
)]
#[get("/health/live")]
pub async fn live() -> HttpResponse {
    HttpResponse::Ok().json(HealthStatus {
        status: "ok",
        database: None,
    })
}

/// The process can serve: the database answers.
#[utoipa::path(
    tag = "Operations",
    responses(
        (status = 200, description = "Ready to serve", body = HealthStatus,
            example = json!({"status": "ok", "database": "sqlite"})),
        (status = 503, description = "The database does not answer", body = crate::problem::Problem,
            content_type = "application/problem+json")
    )
)]
#[get("/health/ready")]
pub async fn ready(state: actix_web::web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let backend = state
        .db(|conn| {
            conn.ping().map_err(|e| ApiError::Unavailable(e.into()))?;
            Ok::<_, ApiError>(conn.backend().to_string())
        })
        .await?;
    Ok(HttpResponse::Ok().json(HealthStatus {
        status: "ok",
        database: Some(backend),
    }))
}
