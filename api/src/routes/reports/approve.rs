use actix_web::{HttpResponse, post, web};
use chitieu_schema::domain::OptionalText;
use chitieu_schema::reports::Transition;
use serde::Deserialize;
use utoipa::ToSchema;

use super::{ReportPath, ReportView, apply_transition, authorize};
use crate::auth::{Action, Caller};
use crate::error::ApiError;
use crate::etag::IfMatch;
use crate::extract::parse_optional_json;
use crate::state::AppState;

/// An approval; the body may be empty.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({"overrideReason": "Phòng Y tế báo cáo trực tiếp lên tỉnh trong quý này"}))]
pub struct ApproveRequest {
    /// Approve although reports of child units (with assignments in the same plan and period)
    /// are missing or unapproved; recorded in `approvalOverride` and the audit trail.
    pub override_reason: Option<String>,
}

/// Approve a submitted report.
///
/// A unit's report waits for the reports of its child units that report in the same plan and
/// period, unless `overrideReason` says why not. Agencies' reports are approved at commune
/// level, commune reports at province level (officers strictly above the unit).
#[utoipa::path(
    tag = "Reports",
    params(ReportPath,
        ("If-Match" = String, Header, description = "The report's ETag", example = "\"4\"")),
    request_body(content = Option<ApproveRequest>, description = "Optional"),
    responses(
        (status = 200, description = "The approved report", body = ReportView,
            headers(("ETag" = String, description = "Its new version"))),
        (status = 403, description = "The caller may not approve this unit's reports", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No such report in the caller's subtree", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 409, description = "The report is not submitted, or child reports are missing or unapproved", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:conflict", "title": "The change conflicts with stored data",
                "status": 409, "detail": "the reports of child units are not all approved: 01001-YTE (submitted), 01001-VHXH (missing); approve them first or give overrideReason"})),
        crate::responses::EditPreconditions,
    )
)]
#[post("/reports/{unitCode}/{planCode}/{period}/approve")]
pub async fn approve_report(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<ReportPath>,
    if_match: IfMatch,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let key = path.key()?;
    authorize(&state, &caller, &key, Action::ApproveReports).await?;
    // No body is an approval without an override reason.
    let request: ApproveRequest = parse_optional_json(&body)?;
    let override_reason = OptionalText::parse(request.override_reason.as_deref())
        .map_err(|invalid| ApiError::invalid("/overrideReason", invalid.into_text()))?
        .into_option();
    apply_transition(
        &state,
        &caller,
        key,
        if_match,
        Transition::Approve { override_reason },
    )
    .await
}
