//! `/api/v1/catalogs` and `/api/v1/indicators`: the indicator catalog. One file per action.

mod create_catalog;
mod create_indicator;
mod create_section;
mod delete_catalog;
mod delete_indicator;
mod delete_section;
mod get_catalog;
mod get_catalog_tree;
mod get_indicator;
mod get_section;
pub(crate) mod kinds;
mod list_catalogs;
mod list_indicators;
mod list_sections;
pub(crate) mod nullable;
mod path_codes;
pub(crate) mod respond;
mod update_catalog;
mod update_indicator;
mod update_section;
mod views;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create_catalog::create_catalog)
        .service(list_catalogs::list_catalogs)
        .service(get_catalog_tree::get_catalog_tree)
        .service(get_catalog::get_catalog)
        .service(update_catalog::update_catalog)
        .service(delete_catalog::delete_catalog)
        .service(create_section::create_section)
        .service(list_sections::list_sections)
        .service(get_section::get_section)
        .service(update_section::update_section)
        .service(delete_section::delete_section)
        .service(create_indicator::create_indicator)
        .service(list_indicators::list_indicators)
        .service(get_indicator::get_indicator)
        .service(update_indicator::update_indicator)
        .service(delete_indicator::delete_indicator);
}
