use actix_web::{HttpResponse, get, web};
use chitieu_schema::validation;

use super::views::ValidationRuleView;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::routes::catalogs::respond::current;
use crate::routes::plans::readable_plan;
use crate::state::AppState;

/// Read a validation rule.
///
/// A stored rule, by its code; built-in rules are listed with their plan's rules.
#[utoipa::path(
    tag = "Validation rules",
    params(("code" = String, Path, description = "The rule's code", example = "TT-DN-SO-HOA")),
    responses(
        (status = 200, description = "The rule", body = ValidationRuleView,
            headers(("ETag" = String, description = "Its version, for If-Match"))),
        (status = 404, description = "No such rule of a plan the caller may read", body = crate::problem::Problem,
            content_type = "application/problem+json"),
    )
)]
#[get("/validation-rules/{code}")]
pub async fn get_validation_rule(
    state: web::Data<AppState>,
    caller: Caller,
    code: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let code = code.into_inner();
    let rule = state
        .db(move |conn| {
            let plan_code = validation::rule_plan_code(conn, &code)?;
            readable_plan(&caller, conn, &plan_code).map_err(|_| hidden(&code))?;
            Ok::<_, ApiError>(validation::find_rule(conn, &code)?)
        })
        .await?;
    Ok(current(
        rule.version.unwrap_or(1),
        ValidationRuleView::from(rule),
    ))
}

/// A rule of a plan the caller may not read looks like one that does not exist.
pub(super) fn hidden(code: &str) -> ApiError {
    ApiError::said(
        crate::error::SaidKind::NotFound,
        chitieu_schema::messages::Message::new("validation-rule-not-found").arg("code", code),
    )
}
