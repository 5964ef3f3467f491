use actix_web::{HttpResponse, get, web};
use chitieu_schema::catalog;

use super::views::Catalog;
use crate::error::ApiError;
use crate::pagination::{PageQuery, Paged};
use crate::state::AppState;

/// List catalogs, in code order.
#[utoipa::path(
    tag = "Catalogs",
    params(PageQuery),
    responses(
        (status = 200, description = "A page of catalogs", body = Paged<Catalog>),
        (status = 422, description = "The page is out of range", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:invalid-field", "title": "A field is invalid",
                "status": 422, "detail": "pageSize: pageSize must be between 1 and 500",
                "errors": [{"pointer": "pageSize", "detail": "pageSize must be between 1 and 500"}]})),
    )
)]
#[get("/catalogs")]
pub async fn list_catalogs(
    state: web::Data<AppState>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let request = page.into_inner().to_request()?;
    let page = state
        .db(move |conn| catalog::list_catalogs(conn, request))
        .await?;
    Ok(HttpResponse::Ok().json(Paged::from_page(page, Catalog::from)))
}
