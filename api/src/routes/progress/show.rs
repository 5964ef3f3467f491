use actix_web::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use actix_web::{HttpResponse, get, web};
use chitieu_schema::domain::Period;
use chitieu_schema::progress::{self, ProgressQuery};
use chitieu_schema::reports::ReportKey;
use serde::Deserialize;
use utoipa::IntoParams;

use super::export::{ExportFormat, render};
use super::views::ProgressReportView;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::routes::org_units::{code_in_path, readable_path};
use crate::routes::plans::readable_plan;
use crate::state::AppState;
use crate::validation::FieldErrors;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ProgressParams {
    /// The plan whose items and targets the table follows.
    #[param(example = "TT-18-2025")]
    pub plan: String,
    /// Any period: `202610`, `2026Q1`, `2026`; "to date" is a range such as
    /// `2026-01-01..2026-10-31`. Targets are those of the year of its last day.
    #[param(example = "2026Q1")]
    pub period: String,
    /// Only values of approved reports (default: every report, drafts included).
    #[param(example = true)]
    pub approved_only: Option<bool>,
    /// Where trajectories start (default: the year the plan starts).
    #[param(example = "2025")]
    pub baseline: Option<String>,
    /// `json` (default), `csv`, `xlsx`, `html` (printable), `dhis2` (dataValueSets JSON) or
    /// `adx` (ADX XML).
    #[param(inline)]
    pub format: Option<ExportFormat>,
}

impl ProgressParams {
    fn parse(self, unit_code: String) -> Result<(ProgressQuery, ExportFormat), ApiError> {
        let mut errors = FieldErrors::new();
        let plan = errors.check("plan", ReportKey::parse_plan_code(&self.plan));
        let period = errors.check("period", Period::parse(&self.period));
        let baseline = errors.check(
            "baseline",
            self.baseline.as_deref().map(Period::parse).transpose(),
        );
        errors.finish(|| {
            Some((
                ProgressQuery {
                    unit_code,
                    plan_code: plan?,
                    period: period?,
                    approved_only: self.approved_only.unwrap_or(false),
                    baseline: baseline?,
                },
                self.format.unwrap_or(ExportFormat::Json),
            ))
        })
    }
}

/// A unit's progress against a plan for a period: the appendix table of a periodic report.
///
/// For each item of the plan, by section: the target of the year (as written, and its
/// structure), the unit's figure for the period (its own report, or rolled up over its
/// subtree by the indicator's rule), the status against the target (achieved, exceeded, not
/// achieved, no data, no target, needs judgement) with the achievement ratio (target over
/// value when lower is better), and the trajectory toward the next milestone by the Open SDG
/// method with every number used. `format` gives the same table as CSV, XLSX, a printable
/// HTML page, DHIS2 dataValueSets JSON or ADX XML.
#[utoipa::path(
    tag = "Progress",
    params(
        ("code" = String, Path, description = "The unit's official code", example = "31001"),
        ProgressParams,
    ),
    responses(
        (status = 200, description = "The progress report, in the format asked for",
            content(
                (ProgressReportView = "application/json"),
                (String = "text/csv", example = "STT,Chỉ tiêu,Đơn vị tính,Chỉ tiêu năm 2026,Thực hiện quý I/2026,So với chỉ tiêu kế hoạch,Tỷ lệ đạt (%)\nI,Phát triển hạ tầng số,,,,,\n1,Tỷ lệ phủ sóng 5G trên địa bàn,%,>60%,75,Đạt,125\n"),
                (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                (String = "text/html"),
                (String = "application/adx+xml", example = "<adx xmlns=\"urn:ihe:qrph:adx:2015\" exported=\"2026-04-05T01:00:00Z\"><group orgUnit=\"31001\" period=\"2026-01-01/P3M\" dataSet=\"TT-18-2025\"><dataValue dataElement=\"NQ57-THAITAN-1\" categoryOptionCombo=\"NUMERATOR\" value=\"30\"/></group></adx>"),
            ),
            headers(("Content-Disposition" = String, description = "For files: attachment with an ASCII file name"))),
        (status = 404, description = "No such unit or plan that the caller may read",
            body = crate::problem::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A parameter is invalid; `errors` names it",
            body = crate::problem::Problem, content_type = "application/problem+json",
            example = json!({
                "type": "urn:chitieu:problem:invalid-field", "title": "A field is invalid",
                "status": 422, "detail": "period: unknown period \"2026Q5\"",
                "errors": [{"pointer": "period", "detail": "unknown period \"2026Q5\""}]})),
    )
)]
#[get("/org-units/{code}/progress")]
pub async fn show_progress(
    state: web::Data<AppState>,
    caller: Caller,
    code: web::Path<String>,
    params: web::Query<ProgressParams>,
) -> Result<HttpResponse, ApiError> {
    let code = code_in_path(&code)?;
    let (query, format) = params.into_inner().parse(code.as_str().to_owned())?;
    let report = state
        .db(move |conn| {
            readable_path(conn, &caller, &code)?;
            readable_plan(&caller, conn, &query.plan_code)?;
            Ok::<_, ApiError>(progress::unit_progress(conn, &query)?)
        })
        .await?;
    if format == ExportFormat::Json {
        return Ok(HttpResponse::Ok().json(ProgressReportView::from(&report)));
    }
    let rendered = render(&report, format).map_err(|error| {
        ApiError::Internal(anyhow::Error::new(error).context("rendering a progress export"))
    })?;
    // The printable page opens in the browser; the other formats are files to keep.
    let disposition = if format == ExportFormat::Html {
        "inline"
    } else {
        "attachment"
    };
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, rendered.content_type))
        .insert_header((
            CONTENT_DISPOSITION,
            format!("{disposition}; filename=\"{}\"", rendered.filename),
        ))
        .body(rendered.body))
}
