use actix_web::{HttpResponse, delete, web};
use chitieu_schema::catalog;

use super::path_codes::section_in_path;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::etag::IfMatch;
use crate::state::AppState;

/// Delete a section.
///
/// Refused while indicators are filed under it: move or delete them first.
#[utoipa::path(
    tag = "Catalogs",
    params(
        ("code" = String, Path, description = "The catalog's code", example = "NQ57-THAITAN-2025"),
        ("sectionCode" = String, Path, description = "The section's numeral", example = "IV"),
        ("If-Match" = String, Header, description = "The ETag of the version you read", example = "\"1\""),
    ),
    responses(
        (status = 204, description = "The section is deleted"),
        (status = 403, description = "Only administrators change the catalog", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No such catalog or section", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:not-found", "title": "Not found", "status": 404,
                "detail": "section IV of catalog NQ57-THAITAN-2025 does not exist"})),
        (status = 409, description = "Indicators are filed under the section", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:conflict",
                "title": "The change conflicts with stored data", "status": 409,
                "detail": "section IV of catalog NQ57-THAITAN-2025 still has 1 indicator(s); move or delete them first"})),
        crate::responses::EditPreconditions,
    )
)]
#[delete("/catalogs/{code}/sections/{sectionCode}")]
pub async fn delete_section(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    if_match: IfMatch,
) -> Result<HttpResponse, ApiError> {
    caller.require_admin()?;
    let (catalog_code, section_code) = path.into_inner();
    let section_code = section_in_path(&section_code)?;
    state
        .db(move |conn| {
            catalog::delete_section(
                conn,
                &catalog_code,
                section_code.as_str(),
                if_match.expected(),
            )
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
