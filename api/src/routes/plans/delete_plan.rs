use actix_web::{HttpResponse, delete, web};
use chitieu_schema::plans;

use super::access::manageable_plan;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::etag::IfMatch;
use crate::state::AppState;

/// Delete a plan.
///
/// Refused while the plan has items or reports: delete its items first.
#[utoipa::path(
    tag = "Plans",
    params(
        ("code" = String, Path, description = "The plan's code", example = "TT-18-2025"),
        ("If-Match" = String, Header, description = "The ETag of the version you read", example = "\"1\""),
    ),
    responses(
        (status = 204, description = "The plan is deleted"),
        (status = 403, description = "The caller may read the plan but not delete it", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No such plan that the caller may read", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 409, description = "The plan still has items or reports", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:conflict",
                "title": "The change conflicts with stored data", "status": 409,
                "detail": "plan TT-18-2025 still has 28 item(s) and 0 report(s); delete its items first (a plan with reports is kept)"})),
        crate::responses::EditPreconditions,
    )
)]
#[delete("/plans/{code}")]
pub async fn delete_plan(
    state: web::Data<AppState>,
    caller: Caller,
    code: web::Path<String>,
    if_match: IfMatch,
) -> Result<HttpResponse, ApiError> {
    let code = code.into_inner();
    state
        .db(move |conn| {
            manageable_plan(&caller, conn, &code)?;
            Ok::<_, ApiError>(plans::delete_plan(conn, &code, if_match.expected())?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
