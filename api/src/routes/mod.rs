//! Every route of the API, registered through utoipa-actix-web so the OpenAPI document
//! cannot drift from the code.

pub mod catalogs;
pub mod health;
pub mod org_units;

use utoipa_actix_web::scope;
use utoipa_actix_web::service_config::ServiceConfig;

/// Registers all routes; used by the server and by `openapi::document`.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(health::live).service(health::ready).service(
        scope("/api/v1")
            .configure(org_units::configure)
            .configure(catalogs::configure),
    );
}
