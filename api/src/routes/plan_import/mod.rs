//! `POST /api/v1/plans/import`: a plan from the appendix table of a DOCX, XLSX, ODS or CSV/TSV
//! file, tried first with `dryRun=true`.
//!
//! # Who may do what
//! Administrators anywhere; officers for an issuing unit in their part of the tree, where they
//! may also add units (proposed agencies are created under the issuing unit). A catalog that
//! does not exist is built from the table, which only administrators may do: officers import
//! into an existing catalog. Other roles get 403.

mod form;
mod import_plan;
pub(crate) mod views;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(import_plan::import_plan);
}
