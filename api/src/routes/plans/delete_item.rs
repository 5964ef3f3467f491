use actix_web::{HttpResponse, delete, web};
use chitieu_schema::plans;

use super::access::manageable_plan;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::etag::IfMatch;
use crate::state::AppState;

/// Remove an item from a plan, with its targets and assignments.
///
/// Refused while reports of the plan hold a value of the indicator.
#[utoipa::path(
    tag = "Plans",
    params(
        ("code" = String, Path, description = "The plan's code", example = "TT-18-2025"),
        ("indicatorCode" = String, Path, description = "The indicator's code", example = "NQ57-THAITAN-1"),
        ("If-Match" = String, Header, description = "The ETag of the version you read", example = "\"1\""),
    ),
    responses(
        (status = 204, description = "The item is removed"),
        (status = 403, description = "The caller may read the plan but not change it", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No such plan that the caller may read, or no such item", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 409, description = "Reports hold values of the indicator", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        crate::responses::EditPreconditions,
    )
)]
#[delete("/plans/{code}/items/{indicatorCode}")]
pub async fn delete_item(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(String, String)>,
    if_match: IfMatch,
) -> Result<HttpResponse, ApiError> {
    let (code, indicator) = path.into_inner();
    state
        .db(move |conn| {
            manageable_plan(&caller, conn, &code)?;
            Ok::<_, ApiError>(plans::delete_item(
                conn,
                &code,
                &indicator,
                if_match.expected(),
            )?)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
