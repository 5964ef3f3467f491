//! `/api/v1/validation-rules`: a plan's validation rules (DHIS2's left side, operator, right
//! side, importance), the built-in ones derived from the catalog, and where they are judged:
//! a report (`GET /reports/…/validation`) and a subtree (`GET /org-units/{code}/validation`).
//! Submission enforces them (`POST /reports/…/submit`). One file per action.
//!
//! | Route | Who |
//! |---|---|
//! | `GET /validation-rules?plan=`, `GET /validation-rules/{code}` | whoever may read the plan |
//! | `POST`, `PUT`, `DELETE /validation-rules…`, `PUT …/built-in/{plan}/{rule}` | whoever may change the plan: administrators, officers whose part of the tree holds the issuing unit |
//! | `GET /org-units/{code}/validation` | whoever may read the unit and the plan |
//! | `GET /reports/…/validation` | whoever may read the report |

mod create;
mod delete;
mod list;
mod report;
mod requests;
mod show;
mod subtree;
mod switch_built_in;
mod update;
pub mod views;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create::create_validation_rule)
        .service(list::list_validation_rules)
        .service(switch_built_in::switch_built_in_validation_rule)
        .service(show::get_validation_rule)
        .service(update::update_validation_rule)
        .service(delete::delete_validation_rule)
        .service(subtree::subtree_validation)
        .service(report::report_validation);
}
