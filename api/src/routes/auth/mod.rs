//! `/api/v1/auth`: access tokens and who the caller is.

mod issue;
mod me;

pub use issue::token;

use utoipa_actix_web::service_config::ServiceConfig;

/// The routes that need credentials; [`token`] is registered outside the guarded scope.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(me::me);
}
