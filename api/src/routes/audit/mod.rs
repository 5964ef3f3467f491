//! `/api/v1/audit-entries`: the tamper-evident trail of report changes, and its verification.

mod list;
mod verify;

use utoipa_actix_web::service_config::ServiceConfig;

pub use verify::{VerificationView, verify_to_stdout};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(verify::verify_audit_trail)
        .service(list::list_audit_entries);
}
