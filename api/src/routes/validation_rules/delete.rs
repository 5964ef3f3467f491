use actix_web::{HttpResponse, delete, web};
use chitieu_schema::validation;

use super::show::hidden;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::etag::IfMatch;
use crate::routes::plans::{manageable_plan, readable_plan};
use crate::state::AppState;

/// Delete a validation rule.
///
/// Acknowledgements already kept on reports stay. Recorded in the audit trail
/// (`validation_rule_deleted`, the rule as it was in `oldValue`). Who may: as for creating.
#[utoipa::path(
    tag = "Validation rules",
    params(
        ("code" = String, Path, description = "The rule's code", example = "TT-DN-SO-HOA"),
        ("If-Match" = String, Header, description = "The ETag of the version you read", example = "\"1\""),
    ),
    responses(
        (status = 204, description = "The rule is deleted"),
        (status = 403, description = "The caller may read the plan but not change it", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No such rule of a plan the caller may read", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        crate::responses::EditPreconditions,
    )
)]
#[delete("/validation-rules/{code}")]
pub async fn delete_validation_rule(
    state: web::Data<AppState>,
    caller: Caller,
    code: web::Path<String>,
    if_match: IfMatch,
) -> Result<HttpResponse, ApiError> {
    let code = code.into_inner();
    // Read here: the request's id is not known on the database thread.
    let actor = crate::routes::reports::actor(&caller);
    state
        .db(move |conn| {
            let plan_code = validation::rule_plan_code(conn, &code)?;
            readable_plan(&caller, conn, &plan_code).map_err(|_| hidden(&code))?;
            manageable_plan(&caller, conn, &plan_code)?;
            Ok::<_, ApiError>(validation::delete_rule(
                conn,
                &code,
                if_match.expected(),
                &actor,
            )?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
