use actix_web::{HttpResponse, get, web};
use chitieu_schema::domain::Period;
use chitieu_schema::outliers::{self, Judging};
use serde::Deserialize;
use utoipa::IntoParams;

use super::views::{OutlierMethod, OutlierView};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::pagination::{PageQuery, Paged};
use crate::routes::org_units::{code_in_path, readable_path};
use crate::routes::plans::readable_plan;
use crate::state::AppState;
use crate::validation::FieldErrors;

/// Which values to judge, and how.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct OutlierQuery {
    /// The plan's code.
    #[param(example = "TT-18-2025")]
    pub plan: String,
    /// A DHIS2 period: `202601`, `2026Q1`, `2026S1`, `2026`. Its values are judged against
    /// the 12 periods of the same type before it.
    #[param(example = "202606")]
    pub period: String,
    /// `modifiedZScore` (the default), `zScore` or `minMax`.
    #[param(example = "modifiedZScore", value_type = Option<OutlierMethod>)]
    pub method: Option<String>,
    /// From which score a value is listed: by default 3.5 for `modifiedZScore`, 3 for
    /// `zScore`, and for `minMax` the factor of the standard deviation, 2 (DHIS2's
    /// `factorDeviation`). Greater than 0, at most 100.
    #[param(example = 3.5, exclusive_minimum = 0.0, maximum = 100.0)]
    pub threshold: Option<f64>,
}

/// List the values of a subtree that stand out.
///
/// Every number of the plan's reports for the period under the unit (itself included), in
/// reports of every state, judged against the same unit's values of the 12 previous periods
/// (`basis: history`) and against its siblings' values of the same indicator in the period
/// (`basis: peers`; siblings outside the caller's part of the tree are left out). Scores as in
/// DHIS2's outlier detection; a baseline needs at least 4 values. Statuses and texts are not
/// judged. The largest scores first.
#[utoipa::path(
    tag = "Outliers",
    params(("code" = String, Path, description = "The subtree root's official code", example = "31001"),
        OutlierQuery, PageQuery),
    responses(
        (status = 200, description = "A page of outliers", body = Paged<OutlierView>),
        (status = 404, description = "No such unit in the caller's part of the tree, or no such plan the caller may read", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "The period, method or threshold is invalid, or a page out of range", body = crate::problem::Problem,
            content_type = "application/problem+json"),
    )
)]
#[get("/org-units/{code}/outliers")]
pub async fn list_outliers(
    state: web::Data<AppState>,
    caller: Caller,
    code: web::Path<String>,
    query: web::Query<OutlierQuery>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let page = page.into_inner().to_request()?;
    let code = code_in_path(&code)?;
    let query = query.into_inner();
    let mut errors = FieldErrors::new();
    let period = errors.check("period", Period::parse(&query.period));
    let method = errors.check(
        "method",
        query
            .method
            .as_deref()
            .map(OutlierMethod::parse)
            .transpose(),
    );
    let threshold = match query.threshold {
        Some(t) if !(t > 0.0 && t <= 100.0) => {
            errors.add("threshold", "must be greater than 0 and at most 100");
            None
        }
        other => Some(other),
    };
    let (period, judging) = errors.finish(|| {
        let method: outliers::OutlierMethod =
            method?.unwrap_or(OutlierMethod::ModifiedZScore).into();
        let mut judging = Judging::from(method);
        if let Some(threshold) = threshold? {
            judging.threshold = threshold;
        }
        Some((period?, judging))
    })?;
    let found = state
        .db(move |conn| {
            let root = readable_path(conn, &caller, &code)?;
            readable_plan(&caller, conn, &query.plan)?;
            Ok::<_, ApiError>(outliers::list_outliers(
                conn,
                &root,
                caller.scope().as_ref(),
                &query.plan,
                &period,
                judging,
                page,
            )?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(Paged::from_page(found, OutlierView::from)))
}
