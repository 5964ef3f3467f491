use actix_web::http::StatusCode;
use actix_web::http::header::CACHE_CONTROL;
use actix_web::{HttpRequest, HttpResponse, get, web};
use chitieu_schema::reports;

use super::{ReportPath, ReportView, authorize};
use crate::auth::{Action, Caller};
use crate::conditional::{self, not_modified};
use crate::error::ApiError;
use crate::etag::etag_value;
use crate::state::AppState;

/// Read a report: values, narrative, state, deadline and late flag, with its ETag.
///
/// The ETag is the report's version, the one `If-Match` takes for changes; sent back in
/// `If-None-Match`, it is answered 304 while the report has not changed, without reading its
/// values.
#[utoipa::path(
    tag = "Reports",
    params(ReportPath),
    responses(
        (status = 200, description = "The report", body = ReportView,
            headers(("ETag" = String, description = "Its version, for If-Match and If-None-Match"))),
        (status = 304, description = "Not modified: the ETag sent is current"),
        (status = 404, description = "No such report in the caller's subtree", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:not-found", "title": "Not found", "status": 404,
                "detail": "report 01001-VHXH/KH-18-THAITAN-2025/2026Q1 does not exist"})),
    )
)]
#[get("/reports/{unitCode}/{planCode}/{period}")]
pub async fn show_report(
    request: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<ReportPath>,
) -> Result<HttpResponse, ApiError> {
    let key = path.key()?;
    authorize(&state, &caller, &key, Action::Read).await?;
    if request
        .headers()
        .contains_key(actix_web::http::header::IF_NONE_MATCH)
    {
        let key = key.clone();
        let version = state
            .db(move |conn| reports::stored_version(conn, &key))
            .await?;
        if let Some(answer) = not_modified(&request, &etag_value(version)) {
            return Ok(answer);
        }
    }
    let report = state.db(move |conn| reports::find(conn, &key)).await?;
    let mut answer = ReportView::from(report).respond(StatusCode::OK);
    answer.headers_mut().insert(
        CACHE_CONTROL,
        actix_web::http::header::HeaderValue::from_static(conditional::CACHE_CONTROL),
    );
    Ok(answer)
}
