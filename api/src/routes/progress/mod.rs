//! `/api/v1/org-units/{code}/progress`: a unit's progress against a plan for a period, as JSON
//! or as an export (CSV, XLSX, printable HTML, DHIS2 dataValueSets, ADX).
//!
//! # Who may do what
//! Anyone who may read the unit and the plan; otherwise 404, as if neither existed.

pub mod export;
mod show;
pub mod views;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(show::show_progress);
}
