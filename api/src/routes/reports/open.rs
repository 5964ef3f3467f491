use actix_web::http::StatusCode;
use actix_web::{HttpResponse, put, web};
use chitieu_schema::reports;

use super::{ReportPath, ReportView, actor, authorize};
use crate::auth::{Action, Caller};
use crate::error::ApiError;
use crate::state::AppState;

/// Open a report: the draft is created when absent (201), or returned as it is (200).
///
/// The period must lie within the plan's validity and the unit must report at least one
/// indicator of the plan. The deadline (`dueAt`) comes from the plan's rule for the period type.
#[utoipa::path(
    tag = "Reports",
    params(ReportPath),
    responses(
        (status = 201, description = "The new draft", body = ReportView,
            headers(("ETag" = String, description = "Its version, for If-Match"))),
        (status = 200, description = "The report existed already", body = ReportView,
            headers(("ETag" = String, description = "Its version, for If-Match"))),
        (status = 403, description = "The caller may not enter data for this unit", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:forbidden", "title": "Not allowed", "status": 403,
                "detail": "a viewer may not enter data here"})),
        (status = 404, description = "No such unit or plan in the caller's subtree", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "The period is not one, or not within the plan", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:invalid-field", "title": "A field is invalid", "status": 422,
                "detail": "/period: 2031Q1 (2031-01-01 to 2031-03-31) is not within the validity of plan KH-18-THAITAN-2025 (2025-08-18 to 2030-12-31)",
                "errors": [{"pointer": "/period", "detail": "2031Q1 (2031-01-01 to 2031-03-31) is not within the validity of plan KH-18-THAITAN-2025 (2025-08-18 to 2030-12-31)"}]})),
    )
)]
#[put("/reports/{unitCode}/{planCode}/{period}")]
pub async fn open_report(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<ReportPath>,
) -> Result<HttpResponse, ApiError> {
    let key = path.key()?;
    authorize(&state, &caller, &key, Action::EnterData).await?;
    let actor = actor(&caller);
    let opened = state
        .db(move |conn| reports::open(conn, &key, &actor))
        .await?;
    let status = if opened.created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok(ReportView::from(opened.report).respond(status))
}
