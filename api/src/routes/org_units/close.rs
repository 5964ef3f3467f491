//! `POST /api/v1/org-units/{code}/close`: records that a unit ceased to exist and who took over.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use chitieu_schema::domain::{Name, OrgUnitCode};
use chitieu_schema::org_units::{self, CloseError, Closure};
use chrono::NaiveDate;
use serde::Deserialize;
use utoipa::ToSchema;

use super::{OrgUnit, code_in_path, path_of};
use crate::auth::{Action, Caller};
use crate::error::ApiError;
use crate::etag::IfMatch;
use crate::extract::JsonBody;
use crate::problem::FieldError;
use crate::state::AppState;
use crate::validation::FieldErrors;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({
    "closedOn": "2025-06-30", "successorCodes": ["01001"],
    "reason": "Sáp nhập theo Nghị quyết 1656/NQ-UBTVQH15"
}))]
pub struct CloseOrgUnitRequest {
    /// The unit's last day; its successors take over from this date.
    #[schema(example = "2025-06-30")]
    pub closed_on: NaiveDate,
    /// The open units of the same kind that take over its work; empty or absent when it is
    /// dissolved without one.
    #[serde(default)]
    #[schema(example = json!(["01001"]))]
    pub successor_codes: Vec<String>,
    #[schema(example = "Sáp nhập theo Nghị quyết 1656/NQ-UBTVQH15")]
    pub reason: String,
}

impl CloseOrgUnitRequest {
    fn parse(self) -> Result<Closure, ApiError> {
        let mut errors = FieldErrors::new();
        let reason = errors.check("/reason", Name::parse(&self.reason));
        let successors: Vec<Option<OrgUnitCode>> = self
            .successor_codes
            .iter()
            .enumerate()
            .map(|(index, raw)| {
                errors.check(&format!("/successorCodes/{index}"), OrgUnitCode::parse(raw))
            })
            .collect();
        errors.finish(|| {
            Some(Closure {
                closed_on: self.closed_on,
                successor_codes: successors.into_iter().collect::<Option<Vec<_>>>()?,
                reason: reason?,
            })
        })
    }
}

/// Close an organisation unit.
///
/// The unit keeps its data and stays readable (`closed: true`, with its successors). Refused
/// while units under it are still open, and when it is already closed. Administrators, and
/// officers for units strictly below their home unit; successors must be in their part of the
/// tree.
#[utoipa::path(
    tag = "Organisation units",
    params(
        ("code" = String, Path, description = "The unit's official code", example = "00070"),
        ("If-Match" = String, Header, description = "The ETag of the version you read", example = "\"1\""),
    ),
    request_body(content = CloseOrgUnitRequest, example = json!({
        "closedOn": "2025-06-30", "successorCodes": ["01001"],
        "reason": "Sáp nhập theo Nghị quyết 1656/NQ-UBTVQH15"
    })),
    responses(
        (status = 200, description = "Closed", body = OrgUnit,
            headers(("ETag" = String, description = "The new version"))),
        (status = 400, description = "Not JSON, an unknown field, or a field of the wrong type",
            body = crate::problem::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator, nor an officer above the unit; or the unit (or a unit \
            named in the request) lies outside your part of the tree or does not exist", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No unit has this code (administrators; everybody else gets \
            403)", body = crate::problem::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already closed, or units under it are still open",
            body = crate::problem::Problem, content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:conflict", "title": "The change conflicts with stored data",
                "status": 409, "detail": "00070 still has 12 open child unit(s); close or move them first"})),
        (status = 415, description = "The body is not JSON", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "A successor that cannot take over, or a closing date before \
            the unit's start", body = crate::problem::Problem, content_type = "application/problem+json",
            example = json!({
                "type": "urn:chitieu:problem:invalid-field", "title": "A field is invalid",
                "status": 422, "detail": "/successorCodes/1: 01 is a province, but 00070 is a commune: a successor is of the same kind",
                "errors": [{"pointer": "/successorCodes/1",
                    "detail": "01 is a province, but 00070 is a commune: a successor is of the same kind"}]})),
        crate::responses::EditPreconditions,
    )
)]
#[post("/org-units/{code}/close")]
pub async fn close_org_unit(
    caller: Caller,
    state: web::Data<AppState>,
    code: web::Path<String>,
    if_match: IfMatch,
    JsonBody(body): JsonBody<CloseOrgUnitRequest>,
) -> Result<HttpResponse, ApiError> {
    let code = code_in_path(&code)?;
    let closure = body.parse()?;
    let view = state
        .db(move |conn| {
            let path = path_of(conn, &code)?;
            caller.ensure_may_change(Action::ManageUnits, path.as_deref())?;
            for successor in &closure.successor_codes {
                let successor_path = path_of(conn, successor)?;
                caller.ensure_may_refer_to(successor_path.as_deref())?;
            }
            org_units::close(conn, &code, if_match.expected(), &closure).map_err(
                |error| match error {
                    CloseError::Store(store) => ApiError::from(store),
                    CloseError::Successors(problems) => ApiError::Invalid(
                        problems
                            .into_iter()
                            .map(|(index, reason)| {
                                FieldError::new(format!("/successorCodes/{index}"), reason)
                            })
                            .collect(),
                    ),
                },
            )
        })
        .await?;
    Ok(OrgUnit::from_view(view)?.respond(StatusCode::OK))
}
