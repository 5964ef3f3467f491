use actix_web::{HttpResponse, post, web};
use chitieu_schema::validation;

use super::requests::NewRuleRequest;
use super::views::ValidationRuleView;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::JsonBody;
use crate::routes::catalogs::respond::created;
use crate::routes::plans::manageable_plan;
use crate::state::AppState;

/// Create a validation rule of a plan.
///
/// Recorded in the audit trail (`validation_rule_created`, the rule as JSON in `newValue`).
/// Who may: whoever may change the plan (administrators, officers whose part of the tree holds
/// its issuing unit). Each side may name only indicators that are items of the plan; a parse
/// error names the 1-based position.
#[utoipa::path(
    tag = "Validation rules",
    request_body(content = NewRuleRequest),
    responses(
        (status = 201, description = "The rule was created", body = ValidationRuleView,
            headers(("ETag" = String, description = "Its version, for If-Match"),
                ("Location" = String, description = "Its URL"))),
        (status = 403, description = "The caller may read the plan but not change it", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No such plan that the caller may read", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 409, description = "The code is taken", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:conflict", "title": "The change conflicts with stored data",
                "status": 409, "detail": "validation rule code TT-DN-SO-HOA is taken"})),
        (status = 422, description = "A field is invalid; an expression's error names the position", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:invalid-field", "title": "A field is invalid", "status": 422,
                "detail": "/leftSide: at position 17: expected an indicator #{code}, a number or '(', found '*'",
                "errors": [{"pointer": "/leftSide", "detail": "at position 17: expected an indicator #{code}, a number or '(', found '*'"}]})),
    )
)]
#[post("/validation-rules")]
pub async fn create_validation_rule(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<NewRuleRequest>,
) -> Result<HttpResponse, ApiError> {
    let (code, plan_code, input) = body.0.parse()?;
    // Read here: the request's id is not known on the database thread.
    let actor = crate::routes::reports::actor(&caller);
    let rule = state
        .db(move |conn| {
            manageable_plan(&caller, conn, &plan_code)?;
            Ok::<_, ApiError>(validation::create_rule(
                conn, &plan_code, &code, input, &actor,
            )?)
        })
        .await?;
    let location = format!("/api/v1/validation-rules/{}", rule.definition.code);
    Ok(created(
        location,
        rule.version.unwrap_or(1),
        ValidationRuleView::from(rule),
    ))
}
