use actix_web::{HttpResponse, get, web};
use chitieu_schema::plans::{self, TargetYear};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::access::readable_plan;
use super::views::{Source, Target};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct YearQuery {
    /// The year a report is judged in: 2000 to 2100.
    #[param(example = 2026, minimum = 2000, maximum = 2100)]
    pub year: i32,
}

/// The targets of a plan for one year.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct YearTargets {
    pub plan_code: String,
    pub year: i32,
    /// Every item, in position order.
    pub items: Vec<ItemTarget>,
}

/// The target an item sets for the year asked for, and where it came from.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "indicatorCode": "NQ57-THAITAN-1", "indicatorNumber": "1",
    "indicatorName": "Tỷ lệ phủ sóng 5G trên địa bàn xã", "source": "laterMilestone",
    "fromYear": 2030,
    "target": {"year": 2030, "raw": "100%", "meaning": "numeric", "bound": "reach", "low": "100",
        "high": null, "unit": "percent", "statusLabel": null, "doubt": null}
}))]
pub struct ItemTarget {
    pub indicator_code: String,
    pub indicator_number: String,
    pub indicator_name: String,
    pub source: Source,
    /// The milestone year the target was taken from; `null` when there is none.
    pub from_year: Option<i32>,
    pub target: Option<Target>,
}

/// The target of each item for a year.
///
/// The plan's cell for that year when it has one; otherwise the nearest later milestone that
/// sets a target (plans list 2025, 2030, …: a 2026 report is judged against 2030 unless the
/// plan has a 2026 target). `source` and `fromYear` say which.
#[utoipa::path(
    tag = "Plans",
    params(
        ("code" = String, Path, description = "The plan's code", example = "TT-18-2025"),
        YearQuery,
    ),
    responses(
        (status = 200, description = "The targets of the year", body = YearTargets),
        (status = 400, description = "The year is missing or not a number", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No such plan that the caller may read", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "The year is out of range", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:invalid-field", "title": "A field is invalid",
                "status": 422, "detail": "year: a target year must be between 2000 and 2100",
                "errors": [{"pointer": "year", "detail": "a target year must be between 2000 and 2100"}]})),
    )
)]
#[get("/plans/{code}/targets")]
pub async fn year_targets(
    state: web::Data<AppState>,
    caller: Caller,
    code: web::Path<String>,
    query: web::Query<YearQuery>,
) -> Result<HttpResponse, ApiError> {
    let year = TargetYear::new(query.year)
        .map_err(|invalid| ApiError::invalid("year", invalid.into_text()))?;
    let code = code.into_inner();
    let (code, targets) = state
        .db(move |conn| {
            readable_plan(&caller, conn, &code)?;
            let targets = plans::year_targets(conn, &code, year)?;
            Ok::<_, ApiError>((code, targets))
        })
        .await?;
    let items = targets
        .into_iter()
        .map(|t| ItemTarget {
            indicator_code: t.item.indicator_code,
            indicator_number: t.item.indicator_number,
            indicator_name: t.item.indicator_name,
            source: t.source.into(),
            from_year: t.target.as_ref().map(|target| target.year),
            target: t.target.map(Target::from),
        })
        .collect();
    Ok(HttpResponse::Ok().json(YearTargets {
        plan_code: code,
        year: year.get(),
        items,
    }))
}
