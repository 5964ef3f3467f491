//! `GET /api/v1/org-units/{code}/completeness`: which reports were expected below a unit for a
//! period, which arrived on time or late and which are missing, with one line per child (per
//! province for a national unit, per commune for a province). Readable by anyone whose scope
//! holds the unit; outside it, 404 as for a unit that does not exist.

mod show;
mod views;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(show::show_completeness);
}
