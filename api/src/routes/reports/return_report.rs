use actix_web::{HttpResponse, post, web};
use chitieu_schema::domain::OptionalText;
use chitieu_schema::reports::Transition;
use serde::Deserialize;
use utoipa::ToSchema;

use super::{ReportPath, ReportView, apply_transition, authorize};
use crate::auth::{Action, Caller};
use crate::error::ApiError;
use crate::etag::IfMatch;
use crate::extract::JsonBody;
use crate::state::AppState;

/// Why a report goes back to its reporter.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({"reason": "Chỉ tiêu 1: mẫu số chưa khớp với số cán bộ của phòng"}))]
pub struct ReasonRequest {
    pub reason: String,
}

impl ReasonRequest {
    pub fn parse(self) -> Result<String, ApiError> {
        OptionalText::parse(Some(&self.reason))
            .map_err(|invalid| ApiError::invalid("/reason", invalid.into_text()))?
            .into_option()
            .ok_or_else(|| {
                ApiError::invalid(
                    "/reason",
                    chitieu_schema::messages::Message::new("invalid-empty"),
                )
            })
    }
}

/// Return a submitted report to its reporter, with the reason.
#[utoipa::path(
    tag = "Reports",
    params(ReportPath,
        ("If-Match" = String, Header, description = "The report's ETag", example = "\"4\"")),
    request_body = ReasonRequest,
    responses(
        (status = 200, description = "The returned report", body = ReportView,
            headers(("ETag" = String, description = "Its new version"))),
        (status = 403, description = "The caller may not approve this unit's reports", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No such report in the caller's subtree", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 409, description = "The report is not submitted", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:conflict", "title": "The change conflicts with stored data",
                "status": 409, "detail": "the report is draft: only a report that is submitted can be returned"})),
        (status = 422, description = "The reason is missing", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        crate::responses::EditPreconditions,
    )
)]
#[post("/reports/{unitCode}/{planCode}/{period}/return")]
pub async fn return_report(
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
        Transition::Return { reason },
    )
    .await
}
