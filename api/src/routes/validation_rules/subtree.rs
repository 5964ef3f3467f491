use actix_web::{HttpResponse, get, web};
use chitieu_schema::domain::Period;
use chitieu_schema::validation;
use serde::Deserialize;
use utoipa::IntoParams;

use super::views::UnitViolationsView;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::pagination::{PageQuery, Paged};
use crate::routes::org_units::{code_in_path, readable_path};
use crate::routes::plans::readable_plan;
use crate::state::AppState;

/// Which reports to judge.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ValidationQuery {
    /// The plan's code.
    #[param(example = "TT-18-2025")]
    pub plan: String,
    /// A DHIS2 period: `202601`, `2026Q1`, `2026S1`, `2026`.
    #[param(example = "2026Q1")]
    pub period: String,
}

/// List the units of a subtree whose reports violate validation rules.
///
/// Every report of the plan and period under the unit (itself included), in any state, judged
/// by the plan's rules in force; units whose report violates at least one rule are listed in
/// tree order with each violation and both sides' values. For reviewers before approving.
#[utoipa::path(
    tag = "Validation rules",
    params(("code" = String, Path, description = "The subtree root's official code", example = "31001"),
        ValidationQuery, PageQuery),
    responses(
        (status = 200, description = "A page of units with violations", body = Paged<UnitViolationsView>),
        (status = 404, description = "No such unit in the caller's part of the tree, or no such plan the caller may read", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "The period is not one, or a page out of range", body = crate::problem::Problem,
            content_type = "application/problem+json"),
    )
)]
#[get("/org-units/{code}/validation")]
pub async fn subtree_validation(
    state: web::Data<AppState>,
    caller: Caller,
    code: web::Path<String>,
    query: web::Query<ValidationQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.into_inner().to_request()?;
    let code = code_in_path(&code)?;
    let query = query.into_inner();
    let period = Period::parse(&query.period)
        .map_err(|invalid| ApiError::invalid("period", invalid.into_text()))?;
    let found = state
        .db(move |conn| {
            let root = readable_path(conn, &caller, &code)?;
            readable_plan(&caller, conn, &query.plan)?;
            Ok::<_, ApiError>(validation::subtree_violations(
                conn,
                &root,
                &query.plan,
                &period.to_string(),
                page,
            )?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(Paged::from_page(found, UnitViolationsView::from)))
}
