use actix_web::{HttpResponse, get, web};
use chitieu_schema::catalog;

use super::respond::current;
use super::views::Indicator;
use crate::error::ApiError;
use crate::state::AppState;

/// Read an indicator.
#[utoipa::path(
    tag = "Catalogs",
    params(("code" = String, Path, description = "The indicator's global code", example = "NQ57-THAITAN-7.1")),
    responses(
        (status = 200, description = "The indicator", body = Indicator,
            headers(("ETag" = String, description = "Its version, for If-Match"))),
        (status = 404, description = "No such indicator", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:not-found", "title": "Not found", "status": 404,
                "detail": "indicator NQ57-X does not exist"})),
    )
)]
#[get("/indicators/{code}")]
pub async fn get_indicator(
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let code = code.into_inner();
    let indicator = state
        .db(move |conn| catalog::find_indicator(conn, &code))
        .await?;
    Ok(current(indicator.version, Indicator::from(indicator)))
}
