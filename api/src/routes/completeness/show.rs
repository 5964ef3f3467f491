use actix_web::{HttpRequest, HttpResponse, get, web};
use chitieu_schema::StoreError;
use chitieu_schema::accounts::find_unit;
use chitieu_schema::db::Db;
use chitieu_schema::domain::{OrgUnitCode, Period};
use chitieu_schema::progress::{self, CompletenessQuery};
use chitieu_schema::reports::ReportKey;
use serde::Deserialize;
use utoipa::IntoParams;

use super::views::{CompletenessView, StatusName};
use crate::auth::Caller;
use crate::conditional::{ConditionalRead, json_answer};
use crate::error::ApiError;
use crate::pagination::PageQuery;
use crate::state::AppState;
use crate::validation::FieldErrors;

/// What to count.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct CompletenessParams {
    /// A DHIS2 period: `202601`, `2026Q1`, `2026S1`, `2026`, or `2026-03-15..2026-03-20`.
    #[param(example = "202603", required = true)]
    pub period: Option<String>,
    /// Only this plan; every plan valid over the period when absent.
    #[param(example = "KH-41-2026")]
    pub plan: Option<String>,
    /// Only these lines in `units`: onTime, late or missing (the counts are never filtered).
    #[param(example = "missing", value_type = Option<super::views::StatusName>)]
    pub status: Option<String>,
}

/// The query, or a 422 naming every invalid parameter.
fn parse(
    code: OrgUnitCode,
    params: CompletenessParams,
    page: PageQuery,
) -> Result<CompletenessQuery, ApiError> {
    let mut errors = FieldErrors::new();
    let period = match params.period.as_deref() {
        Some(raw) => errors.check("period", Period::parse(raw)),
        None => {
            errors.add("period", "the period is required, e.g. 202601");
            None
        }
    };
    let plan = errors.check(
        "plan",
        params
            .plan
            .as_deref()
            .map(ReportKey::parse_plan_code)
            .transpose(),
    );
    let status = errors.check(
        "status",
        params.status.as_deref().map(StatusName::parse).transpose(),
    );
    let page = page.to_request()?;
    errors.finish(|| {
        Some(CompletenessQuery {
            unit_code: code.as_str().to_owned(),
            plan_code: plan?,
            period: period?,
            status: status?.map(Into::into),
            page,
        })
    })
}

/// Completeness of reporting below a unit for a period.
///
/// Expected: one report per unit in the subtree that issued a plan valid over the period or is
/// assigned an item of one, and was open during the period (created by its last day, not
/// closed on or before its first day). Received: submitted or approved (a returned report is
/// missing until resubmitted); late when submitted at or after its deadline. `byChild` gives
/// one line per child (per province for a national unit, per commune for a province), each
/// counting everything below that child.
#[utoipa::path(
    tag = "Progress",
    params(("code" = String, Path, description = "The unit's official code", example = "41"),
        CompletenessParams, PageQuery),
    responses(
        (status = 304, description = "Not modified: the ETag sent is current"),
        (status = 200, description = "The counts and a page of the expected reports", body = CompletenessView),
        (status = 404, description = "No unit has this code, or it lies outside your part of the \
            organisation tree (the same answer)", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "The period, plan, status or page is invalid", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:invalid-field", "title": "A field is invalid",
                "status": 422, "detail": "plan: there is no plan with code KH-KHONG-CO",
                "errors": [{"pointer": "plan", "detail": "there is no plan with code KH-KHONG-CO"}]})),
    )
)]
#[get("/org-units/{code}/completeness")]
pub async fn show_completeness(
    request: HttpRequest,
    caller: Caller,
    state: web::Data<AppState>,
    code: web::Path<String>,
    params: web::Query<CompletenessParams>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let code = code.into_inner();
    // A code that cannot exist and a unit outside the caller's scope answer as a missing unit.
    let missing = {
        let code = code.clone();
        move || {
            ApiError::from(chitieu_schema::StoreError::not_found(
                "organisation unit",
                code.as_str(),
            ))
        }
    };
    let unit = OrgUnitCode::parse(&code).map_err(|_| missing())?;
    let query = parse(unit.clone(), params.into_inner(), page.into_inner())?;
    let read = ConditionalRead {
        key: format!("completeness {query:?}"),
    };
    let authorize = {
        let caller = caller.clone();
        move |conn: &mut Db| match find_unit(conn, &unit)? {
            Some(found) if caller.can_read_path(&found.path) => Ok(()),
            _ => Err(missing()),
        }
    };
    let compute = move |conn: &mut Db| {
        progress::completeness(conn, &query).map_err(|error| match error {
            // Query parameters are named bare, as in the other lists, not as body pointers.
            StoreError::Rejected { field, reason } => ApiError::invalid(field, reason),
            other => other.into(),
        })
    };
    read.answer(&request, &state, &caller, authorize, compute, |found| {
        json_answer(&CompletenessView::from(found))
    })
    .await
}
