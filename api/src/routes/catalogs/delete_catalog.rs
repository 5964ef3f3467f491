use actix_web::{HttpResponse, delete, web};
use chitieu_schema::catalog;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::etag::IfMatch;
use crate::state::AppState;

/// Delete a catalog and its sections.
///
/// Refused while the catalog has indicators: delete them first.
#[utoipa::path(
    tag = "Catalogs",
    params(
        ("code" = String, Path, description = "The catalog's code", example = "NQ57-THAITAN-2025"),
        ("If-Match" = String, Header, description = "The ETag of the version you read", example = "\"1\""),
    ),
    responses(
        (status = 204, description = "The catalog is deleted"),
        (status = 403, description = "Only administrators change the catalog", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No such catalog", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:not-found", "title": "Not found", "status": 404,
                "detail": "catalog NQ57-X does not exist"})),
        (status = 409, description = "The catalog still has indicators", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:conflict",
                "title": "The change conflicts with stored data", "status": 409,
                "detail": "catalog NQ57-THAITAN-2025 still has 29 indicator(s); delete them first"})),
        crate::responses::EditPreconditions,
    )
)]
#[delete("/catalogs/{code}")]
pub async fn delete_catalog(
    caller: Caller,
    state: web::Data<AppState>,
    code: web::Path<String>,
    if_match: IfMatch,
) -> Result<HttpResponse, ApiError> {
    caller.require_admin()?;
    let code = code.into_inner();
    state
        .db(move |conn| catalog::delete_catalog(conn, &code, if_match.expected()))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
