use actix_web::{HttpResponse, delete, web};
use chitieu_schema::catalog;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::etag::IfMatch;
use crate::state::AppState;

/// Delete an indicator.
///
/// Refused while it has sub-indicators: delete or move them first.
#[utoipa::path(
    tag = "Catalogs",
    params(
        ("code" = String, Path, description = "The indicator's global code", example = "NQ57-THAITAN-7"),
        ("If-Match" = String, Header, description = "The ETag of the version you read", example = "\"1\""),
    ),
    responses(
        (status = 204, description = "The indicator is deleted"),
        (status = 403, description = "Only administrators change the catalog", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No such indicator", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:not-found", "title": "Not found", "status": 404,
                "detail": "indicator NQ57-X does not exist"})),
        (status = 409, description = "The indicator has sub-indicators", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:conflict",
                "title": "The change conflicts with stored data", "status": 409,
                "detail": "indicator NQ57-THAITAN-7 still has 1 sub-indicator(s) (NQ57-THAITAN-7.1); delete or move them first"})),
        crate::responses::EditPreconditions,
    )
)]
#[delete("/indicators/{code}")]
pub async fn delete_indicator(
    caller: Caller,
    state: web::Data<AppState>,
    code: web::Path<String>,
    if_match: IfMatch,
) -> Result<HttpResponse, ApiError> {
    caller.require_admin()?;
    let code = code.into_inner();
    state
        .db(move |conn| catalog::delete_indicator(conn, &code, if_match.expected()))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
