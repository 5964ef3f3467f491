use actix_web::{HttpRequest, HttpResponse, get, web};
use chitieu_schema::domain::{OrgUnitCode, Period};
use chitieu_schema::reports::{self, ReportFilter, ReportKey, ReportState};
use serde::Deserialize;
use utoipa::IntoParams;

use super::views::ReportSummaryView;
use crate::auth::Caller;
use crate::conditional::ConditionalRead;
use crate::error::ApiError;
use crate::pagination::{PageQuery, Paged};
use crate::state::AppState;
use crate::validation::FieldErrors;

/// Which reports to list.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ReportQuery {
    /// Only this unit's reports.
    #[param(example = "01001-VHXH")]
    pub unit: Option<String>,
    /// Only this plan's reports.
    #[param(example = "KH-18-THAITAN-2025")]
    pub plan: Option<String>,
    /// Only this period's reports.
    #[param(example = "2026Q1")]
    pub period: Option<String>,
    /// Only reports in this state.
    #[param(example = "submitted", value_type = Option<super::views::ReportStateName>)]
    pub state: Option<String>,
    pub page: Option<u32>,
    pub page_size: Option<u32>,
}

impl ReportQuery {
    fn parse(self, caller: &Caller) -> Result<(ReportFilter, PageQuery), ApiError> {
        let mut errors = FieldErrors::new();
        let unit = errors.check(
            "unit",
            self.unit.as_deref().map(OrgUnitCode::parse).transpose(),
        );
        let plan = errors.check(
            "plan",
            self.plan
                .as_deref()
                .map(ReportKey::parse_plan_code)
                .transpose(),
        );
        let period = errors.check(
            "period",
            self.period.as_deref().map(Period::parse).transpose(),
        );
        let report_state = errors.check(
            "state",
            self.state.as_deref().map(ReportState::parse).transpose(),
        );
        let page = PageQuery {
            page: self.page,
            page_size: self.page_size,
        };
        errors.finish(|| {
            Some((
                ReportFilter {
                    unit_code: unit?.map(|u| u.as_str().to_owned()),
                    plan_code: plan?,
                    period: period?.map(|p| p.to_string()),
                    state: report_state?,
                    scope: caller.scope(),
                },
                page,
            ))
        })
    }
}

/// List reports in the caller's subtree, by unit, plan and period.
#[utoipa::path(
    tag = "Reports",
    params(ReportQuery),
    responses(
        (status = 304, description = "Not modified: the ETag sent is current"),
        (status = 200, description = "A page of reports", body = Paged<ReportSummaryView>),
        (status = 422, description = "A filter or the page is invalid", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:invalid-field", "title": "A field is invalid",
                "status": 422, "detail": "state: \"done\" is not a report state: draft, submitted, returned or approved",
                "errors": [{"pointer": "state", "detail": "\"done\" is not a report state: draft, submitted, returned or approved"}]})),
    )
)]
#[get("/reports")]
pub async fn list_reports(
    request: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<ReportQuery>,
) -> Result<HttpResponse, ApiError> {
    let (filter, page) = query.into_inner().parse(&caller)?;
    let page = page.to_request()?;
    let read = ConditionalRead {
        key: format!("reports {filter:?} {page:?}"),
    };
    read.answer_json(&request, &state, &caller, move |conn| {
        let page = reports::list(conn, &filter, page)?;
        Ok(Paged::from_page(page, ReportSummaryView::from))
    })
    .await
}
