use actix_web::{HttpResponse, get, web};
use chitieu_schema::plans;

use super::access::readable_plan;
use super::views::PlanItem;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;

/// List a plan's items.
///
/// The whole list (a plan has at most a few hundred items), in position order, each with its
/// targets and assignments.
#[utoipa::path(
    tag = "Plans",
    params(("code" = String, Path, description = "The plan's code", example = "TT-18-2025")),
    responses(
        (status = 200, description = "The items", body = Vec<PlanItem>),
        (status = 404, description = "No such plan that the caller may read", body = crate::problem::Problem,
            content_type = "application/problem+json"),
    )
)]
#[get("/plans/{code}/items")]
pub async fn list_items(
    state: web::Data<AppState>,
    caller: Caller,
    code: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let code = code.into_inner();
    let items = state
        .db(move |conn| {
            readable_plan(&caller, conn, &code)?;
            Ok::<_, ApiError>(plans::list_items(conn, &code)?)
        })
        .await?;
    let items: Vec<PlanItem> = items.into_iter().map(PlanItem::from).collect();
    Ok(HttpResponse::Ok().json(items))
}
