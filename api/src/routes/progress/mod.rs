//! `/api/v1/org-units/{code}/progress`: a unit's progress against a plan for a period, as JSON
//! and as files at `progress.csv`, `progress.xlsx`, `progress.html`, `progress.dhis2.json` and
//! `progress.adx.xml`.
//!
//! # Who may do what
//! Anyone who may read the unit and the plan; otherwise 404, as if neither existed.

mod downloads;
pub mod export;
mod show;
pub mod views;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(show::show_progress)
        .service(downloads::progress_csv)
        .service(downloads::progress_xlsx)
        .service(downloads::progress_html)
        .service(downloads::progress_dhis2)
        .service(downloads::progress_adx);
}
