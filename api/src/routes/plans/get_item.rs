use actix_web::{HttpResponse, get, web};
use chitieu_schema::plans;

use super::access::readable_plan;
use super::views::PlanItem;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::routes::catalogs::respond::current;
use crate::state::AppState;

/// Read one item of a plan.
#[utoipa::path(
    tag = "Plans",
    params(
        ("code" = String, Path, description = "The plan's code", example = "TT-18-2025"),
        ("indicatorCode" = String, Path, description = "The indicator's code", example = "NQ57-THAITAN-1"),
    ),
    responses(
        (status = 200, description = "The item", body = PlanItem,
            headers(("ETag" = String, description = "Its version, for If-Match"))),
        (status = 404, description = "No such plan that the caller may read, or no such item", body = crate::problem::Problem,
            content_type = "application/problem+json"),
    )
)]
#[get("/plans/{code}/items/{indicatorCode}")]
pub async fn get_item(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let (code, indicator) = path.into_inner();
    let item = state
        .db(move |conn| {
            readable_plan(&caller, conn, &code)?;
            Ok::<_, ApiError>(plans::find_item(conn, &code, &indicator)?)
        })
        .await?;
    Ok(current(item.version, PlanItem::from(item)))
}
