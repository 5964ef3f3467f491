//! `/api/v1/sync`: the delivery of approved reports to upstream systems: run it now, see how
//! far each target is and which template it sends with, reload the targets file, look at and
//! act on entries that need a person, and the deadline watch.
//! Administrators change; administrators and province officers read.

mod deadline_watch;
mod discard_entry;
pub(crate) mod list_entries;
mod list_targets;
mod metrics;
mod reload_targets;
mod retry_entry;
mod run_now;
mod show_target;
mod target_views;
pub(crate) mod views;

use chitieu_schema::accounts::Role;
use utoipa_actix_web::service_config::ServiceConfig;

pub use metrics::prometheus_metrics;

use crate::auth::Caller;
use crate::error::ApiError;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(run_now::run_sync_now)
        .service(list_targets::list_sync_targets)
        .service(reload_targets::reload_sync_targets)
        .service(show_target::show_sync_target)
        .service(list_entries::list_sync_entries)
        .service(retry_entry::retry_sync_entry)
        .service(discard_entry::discard_sync_entry)
        .service(deadline_watch::deadline_watch);
}

/// Reading the sync's state: administrators and province officers.
fn require_reader(caller: &Caller) -> Result<(), ApiError> {
    caller.require_role(&[Role::ProvinceOfficer])
}
