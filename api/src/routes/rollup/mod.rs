//! `/api/v1/org-units/{code}/rollup`: any indicators of any unit over its subtree for any
//! period, computed from the stored values on each request (no batch rebuild step).
//!
//! # Who may do what
//! Anyone who may read the unit; a unit outside the caller's part of the tree is 404, as if it
//! did not exist. Values of units below it count whatever the caller's own scope is inside it.

mod show;
mod views;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(show::show_rollup);
}
