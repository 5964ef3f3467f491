use actix_web::{HttpRequest, HttpResponse, post, web};
use chitieu_schema::domain::OptionalText;
use chitieu_schema::reports::Transition;
use chitieu_schema::validation::Submission;
use serde::Deserialize;
use utoipa::ToSchema;

use super::idempotency::idempotent;
use super::{ReportPath, ReportView, apply_transition, authorize};
use crate::auth::{Action, Caller};
use crate::error::ApiError;
use crate::etag::IfMatch;
use crate::extract::parse_optional_json;
use crate::state::AppState;

/// A submission; the body may be empty when the report violates no warning.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({"acknowledgedWarnings": ["SUBITEM-NQ57-TT-7.1"],
    "comment": "Số doanh nghiệp tăng do sáp nhập xã, đã xác minh với Phòng Kinh tế"}))]
pub struct SubmitRequest {
    /// Codes of the violated warning rules the submitter stands by; kept on the report
    /// (`acknowledgedWarnings`) and in the audit trail with both sides' values.
    #[serde(default)]
    pub acknowledged_warnings: Vec<String>,
    /// Why the values stand, kept with each acknowledgement.
    pub comment: Option<String>,
}

impl SubmitRequest {
    fn parse(body: &[u8]) -> Result<Submission, ApiError> {
        // No body is a submission acknowledging nothing.
        let request: SubmitRequest = parse_optional_json(body)?;
        let comment = OptionalText::parse(request.comment.as_deref())
            .map_err(|invalid| ApiError::invalid("/comment", invalid.into_text()))?
            .into_option();
        Ok(Submission {
            acknowledged_warnings: request.acknowledged_warnings,
            comment,
        })
    }
}

/// Submit a draft or returned report for approval.
///
/// Records who and when, and whether it is late: submitted at or after the deadline the plan
/// sets for the period (`dueAt`, Vietnam time). With `Idempotency-Key`, a retry returns the
/// first answer; the same key for another report or version is refused with 422.
///
/// The plan's validation rules judge the values first: a violated blocking rule refuses the
/// submission, and so does a violated warning not named in `acknowledgedWarnings`; the 422
/// lists each such rule with both sides' values (`violations`).
#[utoipa::path(
    tag = "Reports",
    params(ReportPath,
        ("If-Match" = String, Header, description = "The report's ETag", example = "\"3\""),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry return the first answer; scoped to the caller", example = "5f0c2a3e-submit-2026Q1")),
    request_body(content = Option<SubmitRequest>, description = "Optional"),
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
        (status = 422, description = "Validation rules are violated (blocking, or warnings not acknowledged), or the Idempotency-Key was used for another request", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:validation-rules-violated", "title": "The report violates validation rules",
                "status": 422, "detail": "the report violates validation rules: TT-DN-SO-HOA (1 blocking, 0 warnings not acknowledged); correct the values, or acknowledge the warnings in acknowledgedWarnings",
                "violations": [{"ruleCode": "TT-DN-SO-HOA", "ruleName": "Doanh nghiệp chuyển đổi số không vượt quá tổng số doanh nghiệp",
                    "importance": "blocking", "operator": "lessThanOrEqualTo", "builtIn": false,
                    "leftSide": {"expression": "#{NQ57-TT-7.1} + #{NQ57-TT-7.2}", "value": 120.0, "noValueBecause": null},
                    "rightSide": {"expression": "#{NQ57-TT-7}", "value": 100.0, "noValueBecause": null},
                    "outcome": "violated"}]})),
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
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let key = path.key()?;
    let submission = SubmitRequest::parse(&body)?;
    let fingerprint = format!("{if_match:?}");
    idempotent(
        &state,
        &caller,
        &req,
        &[fingerprint.as_bytes(), &body],
        || async {
            authorize(&state, &caller, &key, Action::EnterData).await?;
            let transition = Transition::Submit(submission);
            apply_transition(&state, &caller, key, if_match, transition).await
        },
    )
    .await
}
