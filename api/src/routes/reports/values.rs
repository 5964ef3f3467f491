use actix_web::http::StatusCode;
use actix_web::{HttpResponse, put, web};
use chitieu_schema::domain::{IndicatorCode, OptionalText};
use chitieu_schema::reports::{self, ValueEntry, ValuesOutcome};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{ReportPath, ReportView, ValueBody, actor, authorize};
use crate::auth::{Action, Caller};
use crate::error::ApiError;
use crate::etag::IfMatch;
use crate::extract::JsonBody;
use crate::state::AppState;
use crate::validation::FieldErrors;

/// Values to set; indicators not listed keep their values.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({"values": [
    {"indicatorCode": "NQ57-THAITAN-1", "value": {"numerator": 45, "denominator": 50}},
    {"indicatorCode": "NQ57-THAITAN-2", "value": 3, "comment": "Theo báo cáo quý"},
    {"indicatorCode": "NQ57-THAITAN-3", "value": {"achieved": true, "label": "Đạt"},
     "evidence": ["https://vanban.example.vn/420-CV-DU"]}
]}))]
pub struct ValuesRequest {
    pub values: Vec<ValueItem>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ValueItem {
    #[schema(example = "NQ57-THAITAN-1")]
    pub indicator_code: String,
    pub value: ValueBody,
    pub comment: Option<String>,
    /// References to supporting documents (up to 20, each at most 500 characters).
    pub evidence: Option<Vec<String>>,
}

const MAX_EVIDENCE: usize = 20;

impl ValuesRequest {
    /// Shape checks; the kind and assignment checks happen in the store, in the transaction.
    fn parse(self, errors: &mut FieldErrors) -> Vec<ValueEntry> {
        let mut entries = Vec::new();
        for (index, item) in self.values.into_iter().enumerate() {
            let at = |field: &str| format!("/values/{index}/{field}");
            let code = errors.check(
                &at("indicatorCode"),
                IndicatorCode::parse(&item.indicator_code),
            );
            let comment =
                errors.check(&at("comment"), OptionalText::parse(item.comment.as_deref()));
            let evidence = item.evidence.unwrap_or_default();
            if evidence.len() > MAX_EVIDENCE {
                errors.add(
                    &at("evidence"),
                    format!("at most {MAX_EVIDENCE} references"),
                );
            }
            for (i, reference) in evidence.iter().enumerate() {
                let length = reference.trim().chars().count();
                if length == 0 || length > 500 {
                    errors.add(
                        &format!("/values/{index}/evidence/{i}"),
                        "a reference has 1 to 500 characters",
                    );
                }
            }
            if let (Some(code), Some(comment)) = (code, comment) {
                entries.push(ValueEntry {
                    index,
                    indicator_code: code.as_str().to_owned(),
                    input: item.value.into(),
                    comment: comment.into_option(),
                    evidence: evidence.iter().map(|r| r.trim().to_owned()).collect(),
                });
            }
        }
        entries
    }
}

/// Set values of a draft or returned report.
///
/// Each value is checked against its indicator's kind and the unit's assignments; when any is
/// invalid, every problem is named (`/values/3/value`) and nothing is stored. Each changed value
/// writes an audit entry (old, new, who, request id) in the same transaction.
#[utoipa::path(
    tag = "Reports",
    params(ReportPath,
        ("If-Match" = String, Header, description = "The report's ETag", example = "\"1\"")),
    request_body = ValuesRequest,
    responses(
        (status = 200, description = "The report with its values", body = ReportView,
            headers(("ETag" = String, description = "Its new version"))),
        (status = 403, description = "The caller may not enter data for this unit", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No such report in the caller's subtree", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 409, description = "The report is submitted or approved", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:conflict", "title": "The change conflicts with stored data",
                "status": 409, "detail": "the report is submitted: its values and narrative change only while it is a draft or returned"})),
        (status = 422, description = "Values are invalid, each named", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:invalid-field", "title": "A field is invalid", "status": 422,
                "detail": "2 field(s) are invalid",
                "errors": [
                    {"pointer": "/values/0/value", "detail": "the numerator must be between 0 and the denominator (50), not 51"},
                    {"pointer": "/values/3/indicatorCode", "detail": "indicator NQ57-THAITAN-9 is not assigned to unit 01001-VHXH in plan KH-18-THAITAN-2025"}]})),
        crate::responses::EditPreconditions,
    )
)]
#[put("/reports/{unitCode}/{planCode}/{period}/values")]
pub async fn set_values(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<ReportPath>,
    if_match: IfMatch,
    body: JsonBody<ValuesRequest>,
) -> Result<HttpResponse, ApiError> {
    let key = path.key()?;
    authorize(&state, &caller, &key, Action::EnterData).await?;
    let mut errors = FieldErrors::new();
    let entries = body.0.parse(&mut errors);
    let check_only = !errors.is_empty();
    let actor = actor(&caller);
    let outcome = state
        .db(move |conn| {
            reports::set_values(conn, &key, if_match.expected(), entries, check_only, &actor)
        })
        .await?;
    match outcome {
        ValuesOutcome::Saved(report) => Ok(ReportView::from(*report).respond(StatusCode::OK)),
        ValuesOutcome::Refused(problems) => {
            for problem in problems {
                errors.add(
                    &format!("/values/{}/{}", problem.index, problem.field),
                    problem.reason,
                );
            }
            // Refused always names at least one problem, or shape errors came first.
            errors.finish(|| None)
        }
    }
}
