use actix_web::{HttpResponse, put, web};
use chitieu_schema::validation;

use super::requests::RuleRequest;
use super::show::hidden;
use super::views::ValidationRuleView;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::etag::IfMatch;
use crate::extract::JsonBody;
use crate::routes::catalogs::respond::current;
use crate::routes::plans::{manageable_plan, readable_plan};
use crate::state::AppState;

/// Replace a validation rule.
///
/// Its code and plan stay; everything else is replaced. Recorded in the audit trail
/// (`validation_rule_changed`, the rule before and after in `oldValue` and `newValue`). Who
/// may: as for creating.
#[utoipa::path(
    tag = "Validation rules",
    params(
        ("code" = String, Path, description = "The rule's code", example = "TT-DN-SO-HOA"),
        ("If-Match" = String, Header, description = "The ETag of the version you read", example = "\"1\""),
    ),
    request_body(content = RuleRequest),
    responses(
        (status = 200, description = "The rule as it is now", body = ValidationRuleView,
            headers(("ETag" = String, description = "Its new version"))),
        (status = 403, description = "The caller may read the plan but not change it", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No such rule of a plan the caller may read", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        crate::responses::EditPreconditions,
    )
)]
#[put("/validation-rules/{code}")]
pub async fn update_validation_rule(
    state: web::Data<AppState>,
    caller: Caller,
    code: web::Path<String>,
    if_match: IfMatch,
    body: JsonBody<RuleRequest>,
) -> Result<HttpResponse, ApiError> {
    let code = code.into_inner();
    let input = body.0.parse_alone()?;
    // Read here: the request's id is not known on the database thread.
    let actor = crate::routes::reports::actor(&caller);
    let rule = state
        .db(move |conn| {
            let plan_code = validation::rule_plan_code(conn, &code)?;
            readable_plan(&caller, conn, &plan_code).map_err(|_| hidden(&code))?;
            manageable_plan(&caller, conn, &plan_code)?;
            Ok::<_, ApiError>(validation::update_rule(
                conn,
                &code,
                if_match.expected(),
                input,
                &actor,
            )?)
        })
        .await?;
    Ok(current(
        rule.version.unwrap_or(1),
        ValidationRuleView::from(rule),
    ))
}
