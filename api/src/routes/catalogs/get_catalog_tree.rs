use actix_web::{HttpResponse, get, web};
use chitieu_schema::catalog;

use super::views::CatalogTree;
use crate::error::ApiError;
use crate::state::AppState;

/// Read a whole catalog as one tree.
///
/// Sections come in order of position, each with its indicators nested under their parents
/// (7 → 7.1); `unsectioned` holds the indicators filed under no section. Siblings are ordered
/// by position, then by number read as numbers (7.2 before 7.10). The tree has no ETag of its
/// own: edit the catalog, sections and indicators through their own resources.
#[utoipa::path(
    tag = "Catalogs",
    params(("code" = String, Path, description = "The catalog's code", example = "NQ57-THAITAN-2025")),
    responses(
        (status = 200, description = "The catalog tree", body = CatalogTree),
        (status = 404, description = "No such catalog", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:not-found", "title": "Not found", "status": 404,
                "detail": "catalog NQ57-X does not exist"})),
    )
)]
#[get("/catalogs/{code}/tree")]
pub async fn get_catalog_tree(
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let code = code.into_inner();
    let tree = state
        .db(move |conn| catalog::catalog_tree(conn, &code))
        .await?;
    Ok(HttpResponse::Ok().json(CatalogTree::from(tree)))
}
