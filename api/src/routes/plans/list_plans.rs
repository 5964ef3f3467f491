use actix_web::{HttpResponse, get, web};
use chitieu_schema::plans;

use super::access::scope_of;
use super::views::Plan;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::pagination::{PageQuery, Paged};
use crate::state::AppState;

/// List the plans the caller may read.
///
/// Administrators see every plan; others the plans issued in their part of the tree and the
/// plans that assign an item to a unit in it. Ordered by code.
#[utoipa::path(
    tag = "Plans",
    params(PageQuery),
    responses(
        (status = 200, description = "A page of plans", body = Paged<Plan>),
        (status = 422, description = "A page out of range", body = crate::problem::Problem,
            content_type = "application/problem+json"),
    )
)]
#[get("/plans")]
pub async fn list_plans(
    state: web::Data<AppState>,
    caller: Caller,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.into_inner().to_request()?;
    let scope = scope_of(&caller);
    let found = state
        .db(move |conn| plans::list_plans(conn, &scope, page))
        .await?;
    Ok(HttpResponse::Ok().json(Paged::from_page(found, Plan::from)))
}
