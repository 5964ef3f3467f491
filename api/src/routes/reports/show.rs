use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};
use chitieu_schema::reports;

use super::{ReportPath, ReportView, authorize};
use crate::auth::{Action, Caller};
use crate::error::ApiError;
use crate::state::AppState;

/// Read a report: values, narrative, state, deadline and late flag, with its ETag.
#[utoipa::path(
    tag = "Reports",
    params(ReportPath),
    responses(
        (status = 200, description = "The report", body = ReportView,
            headers(("ETag" = String, description = "Its version, for If-Match"))),
        (status = 404, description = "No such report in the caller's subtree", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:not-found", "title": "Not found", "status": 404,
                "detail": "report 01001-VHXH/KH-18-THAITAN-2025/2026Q1 does not exist"})),
    )
)]
#[get("/reports/{unitCode}/{planCode}/{period}")]
pub async fn show_report(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<ReportPath>,
) -> Result<HttpResponse, ApiError> {
    let key = path.key()?;
    authorize(&state, &caller, &key, Action::Read).await?;
    let report = state.db(move |conn| reports::find(conn, &key)).await?;
    Ok(ReportView::from(report).respond(StatusCode::OK))
}
