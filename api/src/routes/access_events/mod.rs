//! `/api/v1/access-events`: the access log, for administrators.

mod kind;
mod list;

pub use kind::EventKindName;
pub use list::AccessEventResponse;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list_access_events);
}
