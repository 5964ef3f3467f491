//! The progress report as files, one operation per format so that each has its own media
//! type and schema in the document and a generated client can download it: CSV, XLSX, a
//! printable HTML page, DHIS2 `dataValueSets` JSON and ADX XML.

use actix_web::{HttpRequest, HttpResponse, get, web};

use super::export::ExportFormat;
use super::show::{ProgressParams, answer};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;

/// Renders the report of the request in `format`: attachments, except the printable page.
async fn download(
    request: &HttpRequest,
    format: ExportFormat,
    state: web::Data<AppState>,
    caller: Caller,
    code: &str,
    params: ProgressParams,
) -> Result<HttpResponse, ApiError> {
    if params.format.is_some_and(|asked| asked != format) {
        return Err(ApiError::invalid(
            "format",
            chitieu_schema::messages::Message::new("progress-format-in-path")
                .arg("extension", format.extension()),
        ));
    }
    answer(request, state, caller, code, params, format).await
}

/// The progress report as CSV: UTF-8 with a byte order mark so Excel reads Vietnamese, dot
/// decimals, one line per item under its section.
#[utoipa::path(
    tag = "Progress",
    params(
        ("code" = String, Path, description = "The unit's official code", example = "31001"),
        ProgressParams,
    ),
    responses(
        (status = 304, description = "Not modified: the ETag sent is current"),
        (status = 200, description = "The table as CSV",
            content((String = "text/csv", example = "STT,Chỉ tiêu,Đơn vị tính,Chỉ tiêu năm 2026,Thực hiện quý I/2026,So với chỉ tiêu kế hoạch,Tỷ lệ đạt (%)\nI,Phát triển hạ tầng số,,,,,\n1,Tỷ lệ phủ sóng 5G trên địa bàn,%,>60%,75,Đạt,125\n")),
            headers(("Content-Disposition" = String, description = "attachment with an ASCII file name"))),
        (status = 404, description = "No such unit or plan that the caller may read",
            body = crate::problem::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/org-units/{code}/progress.csv")]
pub async fn progress_csv(
    request: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    code: web::Path<String>,
    params: web::Query<ProgressParams>,
) -> Result<HttpResponse, ApiError> {
    download(
        &request,
        ExportFormat::Csv,
        state,
        caller,
        &code,
        params.into_inner(),
    )
    .await
}

/// The progress report as a spreadsheet: one sheet, `Tiến độ`, with numeric cells.
#[utoipa::path(
    tag = "Progress",
    params(
        ("code" = String, Path, description = "The unit's official code", example = "31001"),
        ProgressParams,
    ),
    responses(
        (status = 304, description = "Not modified: the ETag sent is current"),
        (status = 200, description = "The table as an XLSX workbook",
            content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            body = Vec<u8>,
            headers(("Content-Disposition" = String, description = "attachment with an ASCII file name"))),
        (status = 404, description = "No such unit or plan that the caller may read",
            body = crate::problem::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/org-units/{code}/progress.xlsx")]
pub async fn progress_xlsx(
    request: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    code: web::Path<String>,
    params: web::Query<ProgressParams>,
) -> Result<HttpResponse, ApiError> {
    download(
        &request,
        ExportFormat::Xlsx,
        state,
        caller,
        &code,
        params.into_inner(),
    )
    .await
}

/// The progress report as a printable page.
#[utoipa::path(
    tag = "Progress",
    params(
        ("code" = String, Path, description = "The unit's official code", example = "31001"),
        ProgressParams,
    ),
    responses(
        (status = 304, description = "Not modified: the ETag sent is current"),
        (status = 200, description = "The table as a printable HTML page",
            content_type = "text/html", body = String,
            headers(("Content-Disposition" = String, description = "inline with an ASCII file name"))),
        (status = 404, description = "No such unit or plan that the caller may read",
            body = crate::problem::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/org-units/{code}/progress.html")]
pub async fn progress_html(
    request: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    code: web::Path<String>,
    params: web::Query<ProgressParams>,
) -> Result<HttpResponse, ApiError> {
    download(
        &request,
        ExportFormat::Html,
        state,
        caller,
        &code,
        params.into_inner(),
    )
    .await
}

/// The figures as DHIS2 `dataValueSets` JSON with codes as identifiers, importable again with
/// `POST /api/v1/dataValueSets`.
#[utoipa::path(
    tag = "Progress",
    params(
        ("code" = String, Path, description = "The unit's official code", example = "31001"),
        ProgressParams,
    ),
    responses(
        (status = 304, description = "Not modified: the ETag sent is current"),
        (status = 200, description = "The figures as a DHIS2 data value set",
            body = chitieu_schema::dhis2::DataValueSet,
            headers(("Content-Disposition" = String, description = "attachment with an ASCII file name"))),
        (status = 404, description = "No such unit or plan that the caller may read",
            body = crate::problem::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/org-units/{code}/progress.dhis2.json")]
pub async fn progress_dhis2(
    request: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    code: web::Path<String>,
    params: web::Query<ProgressParams>,
) -> Result<HttpResponse, ApiError> {
    download(
        &request,
        ExportFormat::Dhis2,
        state,
        caller,
        &code,
        params.into_inner(),
    )
    .await
}

/// The figures as ADX XML (IHE ADX, the SDMX-based twin of `dataValueSets`).
#[utoipa::path(
    tag = "Progress",
    params(
        ("code" = String, Path, description = "The unit's official code", example = "31001"),
        ProgressParams,
    ),
    responses(
        (status = 304, description = "Not modified: the ETag sent is current"),
        (status = 200, description = "The figures as an ADX document",
            content((String = "application/adx+xml", example = "<adx xmlns=\"urn:ihe:qrph:adx:2015\" exported=\"2026-04-05T01:00:00Z\"><group orgUnit=\"31001\" period=\"2026-01-01/P3M\" dataSet=\"TT-18-2025\"><dataValue dataElement=\"NQ57-THAITAN-1\" categoryOptionCombo=\"NUMERATOR\" value=\"30\"/></group></adx>")),
            headers(("Content-Disposition" = String, description = "attachment with an ASCII file name"))),
        (status = 404, description = "No such unit or plan that the caller may read",
            body = crate::problem::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/org-units/{code}/progress.adx.xml")]
pub async fn progress_adx(
    request: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    code: web::Path<String>,
    params: web::Query<ProgressParams>,
) -> Result<HttpResponse, ApiError> {
    download(
        &request,
        ExportFormat::Adx,
        state,
        caller,
        &code,
        params.into_inner(),
    )
    .await
}
