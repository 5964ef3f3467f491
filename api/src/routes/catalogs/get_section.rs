use actix_web::{HttpResponse, get, web};
use chitieu_schema::catalog;

use super::path_codes::section_in_path;
use super::respond::current;
use super::views::Section;
use crate::error::ApiError;
use crate::state::AppState;

/// Read a section, with the ETag its changes need.
#[utoipa::path(
    tag = "Catalogs",
    params(
        ("code" = String, Path, description = "The catalog's code", example = "NQ57-THAITAN-2025"),
        ("sectionCode" = String, Path, description = "The section's numeral", example = "IV"),
    ),
    responses(
        (status = 200, description = "The section", body = Section,
            headers(("ETag" = String, description = "Its version, for If-Match"))),
        (status = 404, description = "No such catalog or section", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:not-found", "title": "Not found", "status": 404,
                "detail": "section IV of catalog NQ57-THAITAN-2025 does not exist"})),
    )
)]
#[get("/catalogs/{code}/sections/{sectionCode}")]
pub async fn get_section(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let (catalog_code, section_code) = path.into_inner();
    let section_code = section_in_path(&section_code)?;
    let section = state
        .db(move |conn| catalog::find_section(conn, &catalog_code, section_code.as_str()))
        .await?;
    Ok(current(section.version, Section::from(section)))
}
