use actix_web::{HttpResponse, get, web};
use chitieu_schema::catalog;

use super::views::Section;
use crate::error::ApiError;
use crate::pagination::{PageQuery, Paged};
use crate::state::AppState;

/// List a catalog's sections in order.
#[utoipa::path(
    tag = "Catalogs",
    params(
        ("code" = String, Path, description = "The catalog's code", example = "NQ57-THAITAN-2025"),
        PageQuery,
    ),
    responses(
        (status = 200, description = "A page of sections", body = Paged<Section>),
        (status = 404, description = "No such catalog", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:not-found", "title": "Not found", "status": 404,
                "detail": "catalog NQ57-X does not exist"})),
        (status = 422, description = "The page is out of range", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:invalid-field", "title": "A field is invalid",
                "status": 422, "detail": "page: page starts at 1",
                "errors": [{"pointer": "page", "detail": "page starts at 1"}]})),
    )
)]
#[get("/catalogs/{code}/sections")]
pub async fn list_sections(
    state: web::Data<AppState>,
    code: web::Path<String>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let request = page.into_inner().to_request()?;
    let catalog_code = code.into_inner();
    let page = state
        .db(move |conn| catalog::list_sections(conn, &catalog_code, request))
        .await?;
    Ok(HttpResponse::Ok().json(Paged::from_page(page, Section::from)))
}
