//! `/api/v1/catalogs` and `/api/v1/indicators`: the indicator catalog.

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(_cfg: &mut ServiceConfig) {}
