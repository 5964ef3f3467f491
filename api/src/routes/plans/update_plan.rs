use actix_web::{HttpResponse, patch, web};
use chitieu_schema::domain::Name;
use chitieu_schema::plans::{self, PlanChanges};
use chrono::NaiveDate;
use serde::Deserialize;
use utoipa::ToSchema;

use super::access::manageable_plan;
use super::requests::DeadlinesRequest;
use super::views::Plan;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::etag::IfMatch;
use crate::extract::JsonBody;
use crate::routes::catalogs::respond::current;
use crate::state::AppState;
use crate::validation::FieldErrors;

/// Changes to a plan: absent fields stay. The code, issuing unit and catalog are the plan's
/// identity and do not change; deadlines change per period type.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({"validTo": "2030-12-31", "deadlines": {"yearly": {"day": 10, "monthOffset": 0}}}))]
pub struct PlanPatch {
    pub number: Option<String>,
    pub issued_on: Option<NaiveDate>,
    pub title: Option<String>,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    pub deadlines: Option<DeadlinesRequest>,
}

impl PlanPatch {
    fn parse(self) -> Result<PlanChanges, ApiError> {
        let mut errors = FieldErrors::new();
        let number = self
            .number
            .and_then(|n| errors.check("/number", Name::parse(&n)).map(Some))
            .unwrap_or(None);
        let title = self
            .title
            .and_then(|t| errors.check("/title", Name::parse(&t)).map(Some))
            .unwrap_or(None);
        let deadlines = self.deadlines.unwrap_or_default().parse(&mut errors);
        errors.finish(|| {
            Some(PlanChanges {
                number,
                issued_on: self.issued_on,
                title,
                valid_from: self.valid_from,
                valid_to: self.valid_to,
                monthly: deadlines.monthly,
                quarterly: deadlines.quarterly,
                six_monthly: deadlines.six_monthly,
                yearly: deadlines.yearly,
            })
        })
    }
}

/// Change a plan.
#[utoipa::path(
    tag = "Plans",
    params(
        ("code" = String, Path, description = "The plan's code", example = "TT-18-2025"),
        ("If-Match" = String, Header, description = "The ETag of the version you edited", example = "\"1\""),
    ),
    request_body(content = PlanPatch),
    responses(
        (status = 200, description = "The changed plan", body = Plan,
            headers(("ETag" = String, description = "Its new version"))),
        (status = 403, description = "The caller may read the plan but not change it", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No such plan that the caller may read", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "Fields are invalid, each named", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:invalid-field", "title": "A field is invalid",
                "status": 422, "detail": "/deadlines/yearly: a deadline day must be between 1 and 28 (every month has it)",
                "errors": [{"pointer": "/deadlines/yearly", "detail": "a deadline day must be between 1 and 28 (every month has it)"}]})),
        crate::responses::EditPreconditions,
    )
)]
#[patch("/plans/{code}")]
pub async fn update_plan(
    state: web::Data<AppState>,
    caller: Caller,
    code: web::Path<String>,
    if_match: IfMatch,
    body: JsonBody<PlanPatch>,
) -> Result<HttpResponse, ApiError> {
    let changes = body.0.parse()?;
    let code = code.into_inner();
    let plan = state
        .db(move |conn| {
            manageable_plan(&caller, conn, &code)?;
            Ok::<_, ApiError>(plans::update_plan(
                conn,
                &code,
                if_match.expected(),
                changes,
            )?)
        })
        .await?;
    Ok(current(plan.version, Plan::from(plan)))
}
