use actix_web::{HttpResponse, get, web};
use chitieu_connector::schedule::{
    default_deadline, has_passed, owed_message, previous_month, summary_message,
};
use chitieu_schema::domain::Period;
use chitieu_schema::sync;
use serde::Deserialize;
use utoipa::IntoParams;

use super::views::{DeadlineWatchView, OwedReportView};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct DeadlineQuery {
    /// The period (default: last month in Vietnam time, the one due before the 6th).
    #[param(example = "202611")]
    pub period: Option<String>,
}

/// The reports still owed for a period: units with indicators assigned in a plan valid then
/// whose report is missing or not approved, in the caller's part of the tree.
#[utoipa::path(
    tag = "Sync",
    params(DeadlineQuery),
    responses(
        (status = 200, description = "The owed reports", body = DeadlineWatchView),
        (status = 403, description = "Administrators and province officers only", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "The period is invalid", body = crate::problem::Problem,
            content_type = "application/problem+json"),
    )
)]
#[get("/sync/deadline-watch")]
pub async fn deadline_watch(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<DeadlineQuery>,
) -> Result<HttpResponse, ApiError> {
    super::require_reader(&caller)?;
    let period = match query.into_inner().period {
        Some(raw) => Period::parse(&raw).map_err(|e| ApiError::invalid("period", e.into_text()))?,
        None => previous_month(chrono::Utc::now()).ok_or_else(|| {
            ApiError::invalid(
                "period",
                chitieu_schema::messages::Message::new("deadline-no-last-month"),
            )
        })?,
    };
    let missing = state
        .db(move |conn| sync::missing_reports(conn, &period))
        .await?;
    let lang = crate::request_id::lang();
    let period_text = period.to_string();
    let due_at = default_deadline(&period);
    let missed = has_passed(due_at, chrono::Utc::now());
    let owed: Vec<OwedReportView> = missing
        .into_iter()
        .filter(|m| caller.can_read_path(&m.unit_path))
        .map(|m| {
            let message = owed_message(missed, &period_text, &m, due_at).in_lang(lang);
            OwedReportView::new(m, message)
        })
        .collect();
    Ok(HttpResponse::Ok().json(DeadlineWatchView {
        summary: summary_message(missed, &period_text, owed.len()).in_lang(lang),
        period: period_text,
        due_at,
        missed,
        total: owed.len(),
        owed,
    }))
}
