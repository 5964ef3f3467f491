use actix_web::{HttpResponse, get, web};
use chitieu_schema::catalog;

use super::respond::current;
use super::views::Catalog;
use crate::error::ApiError;
use crate::state::AppState;

/// Read a catalog.
#[utoipa::path(
    tag = "Catalogs",
    params(("code" = String, Path, description = "The catalog's code", example = "NQ57-THAITAN-2025")),
    responses(
        (status = 200, description = "The catalog", body = Catalog,
            headers(("ETag" = String, description = "Its version, for If-Match"))),
        (status = 404, description = "No such catalog", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:not-found", "title": "Not found", "status": 404,
                "detail": "catalog NQ57-X does not exist"})),
    )
)]
#[get("/catalogs/{code}")]
pub async fn get_catalog(
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let code = code.into_inner();
    let catalog = state
        .db(move |conn| catalog::find_catalog(conn, &code))
        .await?;
    Ok(current(catalog.version, Catalog::from(catalog)))
}
