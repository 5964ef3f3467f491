use actix_web::{HttpResponse, get, web};

use super::access::readable_plan;
use super::views::Plan;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::routes::catalogs::respond::current;
use crate::state::AppState;

/// Read a plan.
#[utoipa::path(
    tag = "Plans",
    params(("code" = String, Path, description = "The plan's code", example = "TT-18-2025")),
    responses(
        (status = 200, description = "The plan", body = Plan,
            headers(("ETag" = String, description = "Its version, for If-Match"))),
        (status = 404, description = "No such plan that the caller may read", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:not-found", "title": "Not found", "status": 404,
                "detail": "plan TT-99 does not exist"})),
    )
)]
#[get("/plans/{code}")]
pub async fn get_plan(
    state: web::Data<AppState>,
    caller: Caller,
    code: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let code = code.into_inner();
    let plan = state
        .db(move |conn| readable_plan(&caller, conn, &code))
        .await?;
    Ok(current(plan.version, Plan::from(plan)))
}
