use actix_web::{HttpResponse, get, web};
use chitieu_schema::pagination::Page;
use chitieu_schema::validation;
use serde::Deserialize;
use utoipa::IntoParams;

use super::views::ValidationRuleView;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::pagination::{PageQuery, Paged};
use crate::routes::plans::readable_plan;
use crate::state::AppState;

/// Which plan's rules.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PlanQuery {
    /// The plan's code.
    #[param(example = "TT-18-2025")]
    pub plan: String,
}

/// List a plan's validation rules.
///
/// The user's rules in code order, then the built-in rules derived from the catalog (each
/// sub-item of a summed total does not exceed it), with whether each is on.
#[utoipa::path(
    tag = "Validation rules",
    params(PlanQuery, PageQuery),
    responses(
        (status = 200, description = "A page of rules", body = Paged<ValidationRuleView>),
        (status = 404, description = "No such plan that the caller may read", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "A page out of range", body = crate::problem::Problem,
            content_type = "application/problem+json"),
    )
)]
#[get("/validation-rules")]
pub async fn list_validation_rules(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<PlanQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.into_inner().to_request()?;
    let plan_code = query.into_inner().plan;
    let rules = state
        .db(move |conn| {
            readable_plan(&caller, conn, &plan_code)?;
            Ok::<_, ApiError>(validation::list_rules(conn, &plan_code)?)
        })
        .await?;
    let found = Page::of_all(rules, page);
    Ok(HttpResponse::Ok().json(Paged::from_page(found, ValidationRuleView::from)))
}
