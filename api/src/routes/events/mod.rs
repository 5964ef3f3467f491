//! `/api/v1/events`: the event feed, for systems that read a feed instead of receiving
//! webhooks. Anyone signed in reads the events of units in their part of the tree.

mod list;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list_events);
}
