//! `/api/v1/access-events`: the access log, for administrators.

mod list;

pub use list::AccessEventResponse;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list_access_events);
}
