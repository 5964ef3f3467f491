use actix_web::{HttpRequest, HttpResponse, post, web};
use chitieu_schema::reports::Transition;

use super::idempotency::idempotent;
use super::{ReportPath, ReportView, apply_transition, authorize};
use crate::auth::{Action, Caller};
use crate::error::ApiError;
use crate::etag::IfMatch;
use crate::state::AppState;

/// Submit a draft or returned report for approval.
///
/// Records who and when, and whether it is late: submitted at or after the deadline the plan
/// sets for the period (`dueAt`, Vietnam time). With `Idempotency-Key`, a retry returns the
/// first answer; the same key for another report or version is refused with 422.
#[utoipa::path(
    tag = "Reports",
    params(ReportPath,
        ("If-Match" = String, Header, description = "The report's ETag", example = "\"3\""),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry return the first answer; scoped to the caller", example = "5f0c2a3e-submit-2026Q1")),
    responses(
        (status = 200, description = "The submitted report", body = ReportView,
            headers(("ETag" = String, description = "Its new version"))),
        (status = 403, description = "The caller may not enter data for this unit", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No such report in the caller's subtree", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 409, description = "The report is not a draft or returned, or the same key is still being processed", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:conflict", "title": "The change conflicts with stored data",
                "status": 409, "detail": "the report is approved: only a report that is draft or returned can be submitted"})),
        (status = 422, description = "The Idempotency-Key was used for another request", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        crate::responses::EditPreconditions,
    )
)]
#[post("/reports/{unitCode}/{planCode}/{period}/submit")]
pub async fn submit_report(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    path: web::Path<ReportPath>,
    if_match: IfMatch,
) -> Result<HttpResponse, ApiError> {
    let key = path.key()?;
    let fingerprint = format!("{if_match:?}");
    idempotent(&state, &caller, &req, &[fingerprint.as_bytes()], || async {
        authorize(&state, &caller, &key, Action::EnterData).await?;
        apply_transition(&state, &caller, key, if_match, Transition::Submit).await
    })
    .await
}
