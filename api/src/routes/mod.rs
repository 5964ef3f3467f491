//! Every route of the API, registered through utoipa-actix-web so the OpenAPI document
//! cannot drift from the code.

pub mod access_events;
pub mod api_keys;
pub mod audit;
pub mod auth;
pub mod catalogs;
pub mod completeness;
pub mod data_exchange;
pub mod dhis2;
pub mod events;
pub mod health;
pub mod org_units;
pub mod outliers;
pub mod plan_import;
pub mod plans;
pub mod progress;
pub mod reports;
pub mod rollup;
pub mod sync;
pub mod users;
pub mod validation_rules;
pub mod webhooks;

use actix_web::middleware::from_fn;
use utoipa_actix_web::scope;
use utoipa_actix_web::service_config::ServiceConfig;

/// Registers all routes; used by the server and by `openapi::document`. Everything under
/// `/api/v1` needs credentials except the token endpoint, registered before the scope so it
/// matches first.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(health::live)
        .service(health::ready)
        .service(auth::token)
        .service(
            scope("/api/v1")
                .configure(org_units::configure)
                .configure(catalogs::configure)
                .configure(auth::configure)
                .configure(users::configure)
                .configure(api_keys::configure)
                .configure(access_events::configure)
                .configure(plan_import::configure)
                .configure(plans::configure)
                .configure(reports::configure)
                .configure(completeness::configure)
                .configure(audit::configure)
                .configure(data_exchange::configure)
                .configure(rollup::configure)
                .configure(progress::configure)
                .configure(sync::configure)
                .configure(validation_rules::configure)
                .configure(outliers::configure)
                .configure(events::configure)
                .configure(webhooks::configure)
                .wrap(from_fn(crate::auth::require_credentials)),
        )
        // After `/api/v1`, which takes its own paths first.
        .service(
            scope("/api")
                .service(dhis2::post_data_value_sets)
                .service(dhis2::post_data_value_sets_versioned)
                .service(dhis2::get_data_value_sets)
                .service(dhis2::get_data_value_sets_with_extension)
                .service(dhis2::get_data_value_sets_versioned)
                .wrap(from_fn(crate::auth::require_dhis2_credentials))
                // Outermost, so the credentials' 401 is a WebMessage too.
                .wrap(from_fn(dhis2::problems_as_web_messages)),
        );
}
