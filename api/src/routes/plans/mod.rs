//! `/api/v1/plans`: plans, their items (indicators with targets per milestone year and the
//! units that report them) and the targets of a year. One file per action.
//!
//! # Who may do what
//! - Reading a plan, its items and its targets: administrators; callers whose scope holds the
//!   issuing unit; and callers whose scope holds a unit assigned to one of its items (a plan
//!   of the province that assigns items to a commune's agencies is readable in that commune).
//!   Anyone else gets 404, as if the plan did not exist.
//! - The list shows exactly the plans the caller may read.
//! - Creating a plan, changing or deleting it and its items: administrators, and officers
//!   whose scope holds the issuing unit (`Action::ManageCatalogAssignments` there). Other
//!   roles get 403 (also on plans they can read); an officer who can read a plan only through
//!   an assignment gets 403 too.

mod access;
pub(crate) use access::{manageable_plan, readable_plan};
mod create_item;
mod create_plan;
pub(crate) use create_plan::NewPlanRequest;
mod delete_item;
mod delete_plan;
mod get_item;
mod get_plan;
mod list_items;
mod list_plans;
mod requests;
mod update_item;
mod update_plan;
pub(crate) mod views;
mod year_targets;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create_plan::create_plan)
        .service(list_plans::list_plans)
        .service(get_plan::get_plan)
        .service(update_plan::update_plan)
        .service(delete_plan::delete_plan)
        .service(year_targets::year_targets)
        .service(create_item::create_item)
        .service(list_items::list_items)
        .service(get_item::get_item)
        .service(update_item::update_item)
        .service(delete_item::delete_item);
}
