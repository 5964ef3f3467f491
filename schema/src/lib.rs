//! The domain of chitieu and its storage: parse-don't-validate domain types, the Diesel schema,
//! migrations for SQLite and PostgreSQL, and one module of queries per resource.

pub mod accounts;
pub mod audit;
pub mod catalog;
pub mod data_version;
pub mod db;
pub mod demo;
pub mod dhis2;
pub mod domain;
mod error;
pub mod events;
pub mod messages;
pub mod org_units;
pub mod outliers;
pub mod pagination;
pub mod plan_import;
pub mod plans;
pub mod progress;
pub mod reports;
pub mod schema;
pub mod sync;
mod time;
pub mod validation;
pub mod webhooks;

pub use error::StoreError;
pub use time::now_utc;
