use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, get, web};
use chitieu_schema::db::Db;
use chitieu_schema::domain::Period;
use chitieu_schema::messages::{Lang, Message};
use chitieu_schema::progress::{self, ProgressQuery, ProgressReport};
use chitieu_schema::reports::ReportKey;
use serde::Deserialize;
use utoipa::IntoParams;

use super::export::{ExportFormat, render};
use super::views::ProgressReportView;
use crate::auth::Caller;
use crate::conditional::ConditionalRead;
use crate::error::ApiError;
use crate::rendered_cache::Rendered;
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
    /// The language of the files people read (`progress.html`, `.xlsx`, `.csv`): `vi`
    /// (default) or `en`. The JSON answer follows `Accept-Language` instead.
    #[param(example = "vi")]
    pub lang: Option<String>,
    /// Before each format had its own address: `format=csv` and the others are redirected
    /// there (308), `json` is this operation. Not in the document: clients call the download
    /// operations (`getProgressCsv`, …) instead.
    #[param(ignore)]
    pub format: Option<ExportFormat>,
}

impl ProgressParams {
    /// The language of an export: `lang=`, Vietnamese by default (the tables are Vietnamese
    /// documents).
    pub(super) fn export_lang(&self) -> Result<Lang, ApiError> {
        match self.lang.as_deref() {
            None => Ok(Lang::Vi),
            Some(text) => text.parse().map_err(|_| {
                ApiError::invalid(
                    "lang",
                    Message::new("invalid-lang").arg("raw", format!("{text:?}")),
                )
            }),
        }
    }

    pub(super) fn parse(
        self,
        unit_code: String,
    ) -> Result<(ProgressQuery, ExportFormat), ApiError> {
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
/// method with every number used. The same table as a file: `progress.csv`, `progress.xlsx`,
/// `progress.html`, `progress.dhis2.json` and `progress.adx.xml`.
#[utoipa::path(
    tag = "Progress",
    params(
        ("code" = String, Path, description = "The unit's official code", example = "31001"),
        ProgressParams,
    ),
    responses(
        (status = 304, description = "Not modified: the ETag sent is current"),
        (status = 200, description = "The progress report", body = ProgressReportView),
        (status = 404, description = "No such unit or plan that the caller may read",
            body = crate::problem::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A parameter is invalid; `errors` names it",
            body = crate::problem::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/org-units/{code}/progress")]
pub async fn show_progress(
    request: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    code: web::Path<String>,
    params: web::Query<ProgressParams>,
) -> Result<HttpResponse, ApiError> {
    let format = params.format.unwrap_or(ExportFormat::Json);
    if format != ExportFormat::Json {
        return Ok(redirect_to_download(&request, format));
    }
    answer(
        &request,
        state,
        caller,
        &code,
        params.into_inner(),
        ExportFormat::Json,
    )
    .await
}

/// The report a request asks for in `format`, as a conditional read: 304 for the tag the
/// client holds, the rendered bytes kept for the data version, or computed and rendered.
pub(super) async fn answer(
    request: &HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    code: &str,
    params: ProgressParams,
    format: ExportFormat,
) -> Result<HttpResponse, ApiError> {
    let code = code_in_path(code)?;
    let lang = params.export_lang()?;
    let (query, _) = params.parse(code.as_str().to_owned())?;
    let read = ConditionalRead {
        key: format!("progress {query:?} {} {}", format.extension(), lang.tag()),
    };
    let authorize = {
        let (caller, plan) = (caller.clone(), query.plan_code.clone());
        move |conn: &mut Db| {
            readable_path(conn, &caller, &code)?;
            readable_plan(&caller, conn, &plan)?;
            Ok(())
        }
    };
    let compute = move |conn: &mut Db| Ok(progress::unit_progress(conn, &query)?);
    let render = |report: ProgressReport| {
        let rendered = render(&report, format, lang).map_err(|error| {
            ApiError::Internal(anyhow::Error::new(error).context("rendering a progress export"))
        })?;
        let disposition = match format {
            ExportFormat::Json => None,
            ExportFormat::Html => Some("inline"),
            _ => Some("attachment"),
        };
        Ok(Rendered {
            content_type: rendered.content_type.to_owned(),
            disposition: disposition
                .map(|kind| format!("{kind}; filename=\"{}\"", rendered.filename)),
            body: rendered.body.into(),
        })
    };
    read.answer(request, &state, &caller, authorize, compute, render)
        .await
}

/// `?format=csv` from before each format had its own address: the same query at
/// `progress.csv`, without `format`.
fn redirect_to_download(request: &HttpRequest, format: ExportFormat) -> HttpResponse {
    let query: Vec<&str> = request
        .query_string()
        .split('&')
        .filter(|pair| !pair.is_empty() && !pair.starts_with("format="))
        .collect();
    let location = format!(
        "{}.{}?{}",
        request.path(),
        format.extension(),
        query.join("&")
    );
    HttpResponse::PermanentRedirect()
        .insert_header((LOCATION, location))
        .finish()
}
