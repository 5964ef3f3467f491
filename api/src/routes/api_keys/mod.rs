//! `/api/v1/api-keys`: keys for other systems. One file per action.

mod create;
mod list;
mod revoke;
mod types;

pub use types::{ApiKeyResponse, CreateApiKeyRequest, CreatedApiKey};

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create::create_api_key)
        .service(list::list_api_keys)
        .service(revoke::revoke_api_key);
}
