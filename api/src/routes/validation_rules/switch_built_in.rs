use actix_web::{HttpResponse, put, web};
use chitieu_schema::validation;
use serde::Deserialize;
use utoipa::ToSchema;

use super::views::ValidationRuleView;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::JsonBody;
use crate::routes::plans::manageable_plan;
use crate::state::AppState;

/// Whether a built-in rule judges the plan's reports.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({"enabled": false}))]
pub struct SwitchRequest {
    pub enabled: bool,
}

/// Switch a built-in validation rule on or off for a plan.
///
/// Built-in rules are derived from the catalog (a sub-item of a summed total does not exceed
/// it); a catalog may sum sub-items that are not parts of the total, so a plan can switch them
/// off. Who may: whoever may change the plan. A change is recorded in the audit trail
/// (`built_in_rule_switched`, `{"code", "enabled"}` before and after); repeating the same
/// switch changes and records nothing.
#[utoipa::path(
    tag = "Validation rules",
    params(
        ("planCode" = String, Path, description = "The plan's code", example = "TT-18-2025"),
        ("ruleCode" = String, Path, description = "The built-in rule's code", example = "SUBITEM-NQ57-TT-7.1"),
    ),
    request_body(content = SwitchRequest),
    responses(
        (status = 200, description = "The rule as it is now", body = ValidationRuleView),
        (status = 403, description = "The caller may read the plan but not change it", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No such plan, or no such built-in rule of it", body = crate::problem::Problem,
            content_type = "application/problem+json"),
    )
)]
#[put("/validation-rules/built-in/{planCode}/{ruleCode}")]
pub async fn switch_built_in_validation_rule(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(String, String)>,
    body: JsonBody<SwitchRequest>,
) -> Result<HttpResponse, ApiError> {
    let (plan_code, rule_code) = path.into_inner();
    let enabled = body.0.enabled;
    // Read here: the request's id is not known on the database thread.
    let actor = crate::routes::reports::actor(&caller);
    let rule = state
        .db(move |conn| {
            manageable_plan(&caller, conn, &plan_code)?;
            Ok::<_, ApiError>(validation::switch_built_in_rule(
                conn, &plan_code, &rule_code, enabled, &actor,
            )?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(ValidationRuleView::from(rule)))
}
