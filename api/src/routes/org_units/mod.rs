//! `/api/v1/org-units`: the organisation tree.

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(_cfg: &mut ServiceConfig) {}
