use actix_web::{HttpRequest, HttpResponse, get, web};
use chitieu_schema::plans;

use super::access::scope_of;
use super::views::Plan;
use crate::auth::Caller;
use crate::conditional::ConditionalRead;
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
        (status = 304, description = "Not modified: the ETag sent is current"),
        (status = 200, description = "A page of plans", body = Paged<Plan>),
        (status = 422, description = "A page out of range", body = crate::problem::Problem,
            content_type = "application/problem+json"),
    )
)]
#[get("/plans")]
pub async fn list_plans(
    request: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.into_inner().to_request()?;
    let scope = scope_of(&caller);
    let read = ConditionalRead {
        key: format!("plans {scope:?} {page:?}"),
    };
    read.answer_json(&request, &state, &caller, move |conn| {
        let found = plans::list_plans(conn, &scope, page)?;
        Ok(Paged::from_page(found, Plan::from))
    })
    .await
}
