use actix_web::{HttpResponse, post, web};
use chitieu_schema::reports::Transition;

use super::return_report::ReasonRequest;
use super::{ReportPath, ReportView, apply_transition, authorize};
use crate::auth::{Action, Caller};
use crate::error::ApiError;
use crate::etag::IfMatch;
use crate::extract::JsonBody;
use crate::state::AppState;

/// Reopen an approved report: it goes back to its reporter as returned, with the reason, and
/// the approval is cleared (the audit trail keeps it).
#[utoipa::path(
    tag = "Reports",
    params(ReportPath,
        ("If-Match" = String, Header, description = "The report's ETag", example = "\"5\"")),
    request_body = ReasonRequest,
    responses(
        (status = 200, description = "The reopened report, now returned", body = ReportView,
            headers(("ETag" = String, description = "Its new version"))),
        (status = 403, description = "The caller may not approve this unit's reports", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No such report in the caller's subtree", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 409, description = "The report is not approved", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "The reason is missing", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        crate::responses::EditPreconditions,
    )
)]
#[post("/reports/{unitCode}/{planCode}/{period}/reopen")]
pub async fn reopen_report(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<ReportPath>,
    if_match: IfMatch,
    body: JsonBody<ReasonRequest>,
) -> Result<HttpResponse, ApiError> {
    let key = path.key()?;
    authorize(&state, &caller, &key, Action::ApproveReports).await?;
    let reason = body.0.parse()?;
    apply_transition(
        &state,
        &caller,
        key,
        if_match,
        Transition::Reopen { reason },
    )
    .await
}
