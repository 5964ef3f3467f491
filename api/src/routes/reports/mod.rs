//! `/api/v1/reports`: a unit's report for a plan and period, its values, narrative and
//! workflow. One file per action. Codes stay in the URL:
//! `/api/v1/reports/{unitCode}/{planCode}/{period}`.
//!
//! | Route | Who |
//! |---|---|
//! | `PUT` (open), `PUT …/values`, `PUT …/narrative`, `POST …/submit` | `EnterData` on the unit: its reporters, administrators |
//! | `POST …/return`, `…/approve`, `…/reopen` | `ApproveReports`: officers strictly above the unit, administrators |
//! | `PUT …/document` (the document's particulars) | `EnterData` on the unit |
//! | `GET` one, `GET /reports`, `GET …/document` (DOCX) | anyone whose subtree holds the unit |
//!
//! Outside the caller's subtree every route answers 404.

mod approve;
mod document;
pub mod idempotency;
mod list;
mod narrative;
mod open;
mod reopen;
mod return_report;
mod show;
mod submit;
mod values;
mod views;

use crate::etag::IfMatch;
use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use chitieu_schema::domain::{OrgUnitCode, Period};
use chitieu_schema::reports::{self, Actor, ReportKey, Transition, UnitRef};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::{Action, Caller};
use crate::error::ApiError;
use crate::request_id;
use crate::state::AppState;

pub use views::{ReportView, ValueBody};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list_reports)
        .service(open::open_report)
        .service(show::show_report)
        .service(values::set_values)
        .service(narrative::set_narrative)
        .service(submit::submit_report)
        .service(return_report::return_report)
        .service(approve::approve_report)
        .service(reopen::reopen_report)
        .service(document::get_report_document)
        .service(document::set_report_document_details);
}

/// The codes in a report's URL.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Path)]
pub struct ReportPath {
    /// The unit's official code.
    #[param(example = "01001-VHXH")]
    pub unit_code: String,
    /// The plan's code.
    #[param(example = "KH-18-THAITAN-2025")]
    pub plan_code: String,
    /// A DHIS2 period: `202601`, `2026Q1`, `2026S1`, `2026`, or `2026-03-15..2026-03-20`.
    #[param(example = "2026Q1")]
    pub period: String,
}

impl ReportPath {
    /// Codes that cannot exist are 404; a period that is not one is 422 at `/period`.
    pub fn key(&self) -> Result<ReportKey, ApiError> {
        let unit = OrgUnitCode::parse(&self.unit_code).map_err(|_| {
            ApiError::from(chitieu_schema::StoreError::not_found(
                "organisation unit",
                self.unit_code.as_str(),
            ))
        })?;
        let plan = ReportKey::parse_plan_code(&self.plan_code).map_err(|_| {
            ApiError::from(chitieu_schema::StoreError::not_found(
                "plan",
                self.plan_code.as_str(),
            ))
        })?;
        let period = Period::parse(&self.period)
            .map_err(|invalid| ApiError::invalid("/period", invalid.into_text()))?;
        Ok(ReportKey { unit, plan, period })
    }
}

/// Who is acting, for the audit trail.
pub fn actor(caller: &Caller) -> Actor {
    Actor {
        subject: caller.subject().to_owned(),
        request_id: request_id::current().map(|context| context.id),
    }
}

/// The report's unit, after checking the caller may read it (404 otherwise) and, with an
/// action, may do that there (403 otherwise).
pub async fn authorize(
    state: &AppState,
    caller: &Caller,
    key: &ReportKey,
    action: Action,
) -> Result<UnitRef, ApiError> {
    let code = key.unit.clone();
    let unit = state
        .db(move |conn| reports::unit_ref(conn, code.as_str()))
        .await
        .map_err(|error| match error {
            // Outside the caller's scope and absent look the same.
            ApiError::NotFound(_)
            | ApiError::Said {
                kind: crate::error::SaidKind::NotFound,
                ..
            } => crate::auth::not_in_your_tree(),
            other => other,
        })?;
    caller.ensure_allowed(action, &unit.path)?;
    Ok(unit)
}

/// Applies a workflow transition as `caller` against the version in `If-Match`, and answers
/// with the report; the caller's right to do so is checked before.
pub async fn apply_transition(
    state: &AppState,
    caller: &Caller,
    key: ReportKey,
    if_match: IfMatch,
    transition: Transition,
) -> Result<HttpResponse, ApiError> {
    let actor = actor(caller);
    let report = state
        .db(move |conn| reports::transition(conn, &key, if_match.expected(), transition, &actor))
        .await?;
    Ok(ReportView::from(report).respond(StatusCode::OK))
}
