use actix_web::{HttpRequest, HttpResponse, get, web};
use chitieu_schema::db::Db;
use chitieu_schema::domain::{IndicatorCode, Period};
use chitieu_schema::progress::{self, IndicatorSelection, RollupQuery};
use chitieu_schema::reports::ReportKey;
use serde::Deserialize;
use utoipa::IntoParams;

use super::views::RollupView;
use crate::auth::Caller;
use crate::conditional::{ConditionalRead, json_answer};
use crate::error::ApiError;
use crate::routes::org_units::{code_in_path, readable_path};
use crate::routes::plans::readable_plan;
use crate::state::AppState;
use crate::validation::FieldErrors;

/// Which indicators, for which period.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct RollupParams {
    /// Any period: `202601`, `2026Q1`, `2026S1`, `2026`, or `2026-01-01..2026-10-31`.
    #[param(example = "2026Q1")]
    pub period: String,
    /// Every item of this plan, in plan order.
    #[param(example = "TT-18-2025")]
    pub plan: Option<String>,
    /// These indicator codes, comma-separated; when given they are the selection and `plan` is
    /// not needed.
    #[param(example = "NQ57-THAITAN-13,NQ57-THAITAN-14")]
    pub indicators: Option<String>,
    /// Only values of approved reports (default: every report, drafts included).
    #[param(example = true)]
    pub approved_only: Option<bool>,
}

impl RollupParams {
    fn parse(self, unit_code: String) -> Result<RollupQuery, ApiError> {
        let mut errors = FieldErrors::new();
        let period = errors.check("period", Period::parse(&self.period));
        let plan = errors.check(
            "plan",
            self.plan
                .as_deref()
                .map(ReportKey::parse_plan_code)
                .transpose(),
        );
        let codes = errors.check(
            "indicators",
            self.indicators
                .as_deref()
                .map(|list| {
                    list.split(',')
                        .map(|code| {
                            IndicatorCode::parse(code.trim()).map(|c| c.as_str().to_owned())
                        })
                        .collect::<Result<Vec<_>, _>>()
                })
                .transpose(),
        );
        if let (Some(None), Some(None)) = (&plan, &codes) {
            errors.add("plan", "give a plan, a list of indicators, or both");
        }
        errors.finish(|| {
            let indicators = match (plan?, codes?) {
                (_, Some(codes)) => IndicatorSelection::Codes(codes),
                (Some(plan), None) => IndicatorSelection::Plan(plan),
                (None, None) => return None,
            };
            Some(RollupQuery {
                unit_code,
                indicators,
                period: period?,
                approved_only: self.approved_only.unwrap_or(false),
            })
        })
    }
}

/// Roll up indicators at a unit over its subtree for any period.
///
/// Each indicator follows its aggregation rule: percents as Σ numerator / Σ denominator (never
/// a mean of percentages), counts summed, statuses as the share of units that achieved them,
/// ranks and scores not summed (only the unit's own figure). A unit's own figure stands for its
/// whole subtree (a commune's report consolidates its agencies). A unit closed by a merger
/// counts under its successor from the merger date and under itself before it. A quarter,
/// half-year or year without a report of its own derives from the months inside it by the
/// indicator's period aggregation (sum, last value or mean).
#[utoipa::path(
    tag = "Progress",
    params(
        ("code" = String, Path, description = "The unit's official code", example = "31"),
        RollupParams,
    ),
    responses(
        (status = 304, description = "Not modified: the ETag sent is current"),
        (status = 200, description = "The figures, in the order asked for", body = RollupView),
        (status = 404, description = "No such unit, plan or indicator that the caller may read",
            body = crate::problem::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A parameter is invalid; `errors` names it",
            body = crate::problem::Problem, content_type = "application/problem+json",
            example = json!({
                "type": "urn:chitieu:problem:invalid-field", "title": "A field is invalid",
                "status": 422, "detail": "period: unknown period \"2026Q5\"",
                "errors": [{"pointer": "period", "detail": "unknown period \"2026Q5\""}]})),
    )
)]
#[get("/org-units/{code}/rollup")]
pub async fn show_rollup(
    request: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    code: web::Path<String>,
    params: web::Query<RollupParams>,
) -> Result<HttpResponse, ApiError> {
    let code = code_in_path(&code)?;
    let query = params.into_inner().parse(code.as_str().to_owned())?;
    let read = ConditionalRead {
        key: format!("rollup {query:?}"),
    };
    let authorize = {
        let (caller, indicators) = (caller.clone(), query.indicators.clone());
        move |conn: &mut Db| {
            readable_path(conn, &caller, &code)?;
            if let IndicatorSelection::Plan(plan) = &indicators {
                readable_plan(&caller, conn, plan)?;
            }
            Ok(())
        }
    };
    let compute = move |conn: &mut Db| Ok(progress::rollup(conn, &query)?);
    read.answer(&request, &state, &caller, authorize, compute, |rollup| {
        json_answer(&RollupView::from(rollup))
    })
    .await
}
