use actix_web::{HttpResponse, get, web};
use chitieu_schema::reports;

use super::views::RuleJudgement;
use crate::auth::{Action, Caller};
use crate::error::ApiError;
use crate::routes::reports::{ReportPath, authorize};
use crate::state::AppState;

/// Judge a report by its plan's validation rules.
///
/// Every rule in force with both sides' values and the outcome (`passed`, `violated`,
/// `skipped` when a side has no value), as the report's values are now: what an approver
/// reads beside the report, and what a reporter checks before submitting. Warnings
/// acknowledged at submission are on the report itself (`acknowledgedWarnings`).
#[utoipa::path(
    tag = "Validation rules",
    params(ReportPath),
    responses(
        (status = 200, description = "Each rule judged", body = Vec<RuleJudgement>),
        (status = 404, description = "No such report in the caller's subtree", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "The period is not one", body = crate::problem::Problem,
            content_type = "application/problem+json"),
    )
)]
#[get("/reports/{unitCode}/{planCode}/{period}/validation")]
pub async fn report_validation(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<ReportPath>,
) -> Result<HttpResponse, ApiError> {
    let key = path.key()?;
    authorize(&state, &caller, &key, Action::Read).await?;
    let judged = state.db(move |conn| reports::judge(conn, &key)).await?;
    let body: Vec<RuleJudgement> = judged.into_iter().map(Into::into).collect();
    Ok(HttpResponse::Ok().json(body))
}
