//! The chitieu HTTP API: routes, request and response types, error mapping and OpenAPI.

pub mod accounts_cli;
pub mod auth;
pub mod backup_cli;
pub mod cli;
pub mod conditional;
pub mod demo_upstream;
pub mod document;
pub mod error;
pub mod etag;
pub mod extract;
pub mod housekeeping;
pub mod http_contract;
pub mod import_cli;
pub mod integrity_settings;
pub mod openapi;
pub mod pagination;
pub mod problem;
pub mod proxies;
pub mod readiness;
pub mod rendered_cache;
pub mod request_id;
pub mod responses;
pub mod routes;
pub mod settings;
pub mod settings_args;
pub mod startup;
pub mod state;
pub mod sync;
pub mod sync_check_cli;
pub mod sync_cli;
pub mod sync_settings;
pub mod telemetry;
pub mod validation;

pub use settings::Settings;
pub use startup::Application;
