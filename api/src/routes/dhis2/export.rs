//! `GET /api/dataValueSets`, `GET /api/{version}/dataValueSets` and
//! `GET /api/dataValueSets.{format}`: DHIS2's data value set export (dhis2-core 2.40/2.43
//! `DataValueSetController`), reading stored report values back in DHIS2's JSON, CSV or ADX,
//! with the logins of the import, within the caller's part of the tree. The form is chosen as
//! DHIS2 chooses it: the path's extension, else `format`, else `Accept`.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, get, web};
use chitieu_schema::dhis2::{DataValueSet, ExportQuery, export_values, known_data_sets, write};
use chitieu_schema::reports::unit_ref;
use chrono::Utc;
use serde_json::json;

use super::export_query::{DataExportFormat, ExportRequest, QueryError};
use super::web_message_error;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;
use chitieu_schema::dhis2::{ApiVersion, IdSchemeName};

/// Export values as DHIS2 does.
///
/// By data set (the plan's code) and unit (its code, with its subtree when `children=true`),
/// for `period`s, a `startDate`–`endDate` range, or values changed since `lastUpdated` (or in
/// the last `lastUpdatedDuration`, such as `10d`); at most `limit` values. JSON by default;
/// CSV for `format=csv` or `Accept: application/csv`; ADX for `format=adx+xml` or `Accept:
/// application/adx+xml` (one data set). A query DHIS2 calls illegal is 409 with DHIS2's
/// error code (`E2001` no data set, `E2002` no period, `E2006` no unit …).
#[utoipa::path(
    tag = "DHIS2 compatibility",
    operation_id = "getDataValueSetsDhis2",
    params(
        ("dataSet" = Vec<String>, Query, description = "Plan codes (repeat or separate with commas)", example = json!(["TT-18-2025"])),
        ("orgUnit" = Vec<String>, Query, description = "Unit codes in your part of the tree", example = json!(["31001"])),
        ("period" = Option<Vec<String>>, Query, description = "DHIS2 period ids: 202601, 2026Q1, 2026S1, 2026; ids that are not periods are skipped, as DHIS2 does"),
        ("startDate" = Option<chrono::NaiveDate>, Query, description = "With endDate: the periods wholly between the two days"),
        ("endDate" = Option<chrono::NaiveDate>, Query),
        ("children" = Option<bool>, Query, description = "Also the units below each orgUnit"),
        ("lastUpdated" = Option<String>, Query, description = "Only values changed since this day or moment (UTC without an offset)"),
        ("lastUpdatedDuration" = Option<String>, Query, description = "Only values changed in this last span: a number and d, h, m or s (`10d`)"),
        ("limit" = Option<i64>, Query, minimum = 0, description = "At most this many values"),
        ("includeDeleted" = Option<bool>, Query, description = "Accepted; deleted values are not kept here"),
        ("idScheme" = Option<IdSchemeName>, Query),
        ("format" = Option<DataExportFormat>, Query, description = "Overrides `Accept`"),
    ),
    responses(
        (status = 200, description = "The values", content(
            (DataValueSet = "application/json"),
            (String = "application/csv"),
            (String = "application/adx+xml"),
        )),
        (status = 409, description = "A query DHIS2 calls illegal (`errorCode` E2001–E2012)",
            body = super::export_query::Dhis2QueryError),
    ),
    security(("basicAuth" = []), ("apiToken" = []), ("bearerAuth" = []), ("apiKey" = []))
)]
#[get("/dataValueSets")]
pub async fn get_data_value_sets(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    query: web::Query<Vec<(String, String)>>,
) -> HttpResponse {
    answer(state, caller, &req, &query, None).await
}

/// Export values as DHIS2 of the version in the path does (the same answer from 28 to 43).
#[utoipa::path(
    tag = "DHIS2 compatibility",
    operation_id = "getDataValueSetsDhis2Versioned",
    params(("version" = u16, Path, description = "DHIS2 API version, 28 to 43", example = 40),
        ("dataSet" = Vec<String>, Query, description = "Plan codes"),
        ("orgUnit" = Vec<String>, Query, description = "Unit codes"),
        ("period" = Option<Vec<String>>, Query),
        ("startDate" = Option<chrono::NaiveDate>, Query),
        ("endDate" = Option<chrono::NaiveDate>, Query),
        ("children" = Option<bool>, Query),
        ("lastUpdated" = Option<String>, Query),
        ("lastUpdatedDuration" = Option<String>, Query),
        ("limit" = Option<i64>, Query, minimum = 0),
        ("includeDeleted" = Option<bool>, Query),
        ("idScheme" = Option<IdSchemeName>, Query),
        ("format" = Option<DataExportFormat>, Query),
    ),
    responses(
        (status = 200, description = "The values", content(
            (DataValueSet = "application/json"),
            (String = "application/csv"),
            (String = "application/adx+xml"),
        )),
        (status = 409, description = "A query DHIS2 calls illegal",
            body = super::export_query::Dhis2QueryError),
    ),
    security(("basicAuth" = []), ("apiToken" = []), ("bearerAuth" = []), ("apiKey" = []))
)]
#[get("/{version}/dataValueSets")]
pub async fn get_data_value_sets_versioned(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    version: web::Path<String>,
    query: web::Query<Vec<(String, String)>>,
) -> HttpResponse {
    if version
        .parse::<u16>()
        .ok()
        .and_then(ApiVersion::numbered)
        .is_none()
    {
        return web_message_error(&ApiError::NotFound(format!(
            "{} is not a DHIS2 API version ({} to {})",
            req.path(),
            ApiVersion::OLDEST,
            ApiVersion::NEWEST
        )));
    }
    answer(state, caller, &req, &query, None).await
}

/// Export values in the form the extension names: `.json`, `.csv` or `.adx`.
#[utoipa::path(
    tag = "DHIS2 compatibility",
    operation_id = "getDataValueSetsDhis2WithExtension",
    params(("extension" = String, Path, pattern = "^(json|csv|adx)$", description = "json, csv or adx"),
        ("dataSet" = Vec<String>, Query, description = "Plan codes"),
        ("orgUnit" = Vec<String>, Query, description = "Unit codes"),
        ("period" = Option<Vec<String>>, Query),
        ("startDate" = Option<chrono::NaiveDate>, Query),
        ("endDate" = Option<chrono::NaiveDate>, Query),
        ("children" = Option<bool>, Query),
        ("lastUpdated" = Option<String>, Query),
        ("lastUpdatedDuration" = Option<String>, Query),
        ("limit" = Option<i64>, Query, minimum = 0),
        ("includeDeleted" = Option<bool>, Query),
        ("idScheme" = Option<IdSchemeName>, Query),
    ),
    responses(
        (status = 200, description = "The values", content(
            (DataValueSet = "application/json"),
            (String = "application/csv"),
            (String = "application/adx+xml"),
        )),
        (status = 409, description = "A query DHIS2 calls illegal",
            body = super::export_query::Dhis2QueryError),
    ),
    security(("basicAuth" = []), ("apiToken" = []), ("bearerAuth" = []), ("apiKey" = []))
)]
#[get("/dataValueSets.{extension}")]
pub async fn get_data_value_sets_with_extension(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    extension: web::Path<String>,
    query: web::Query<Vec<(String, String)>>,
) -> HttpResponse {
    let Some(format) = DataExportFormat::of_extension(&extension) else {
        return web_message_error(&ApiError::NotFound(format!(
            "{} is not an export: use .json, .csv or .adx",
            req.path()
        )));
    };
    answer(state, caller, &req, &query, Some(format)).await
}

async fn answer(
    state: web::Data<AppState>,
    caller: Caller,
    req: &HttpRequest,
    query: &[(String, String)],
    extension: Option<DataExportFormat>,
) -> HttpResponse {
    let request = match ExportRequest::parse(query) {
        Ok(request) => request,
        Err(error) => return query_error(&error),
    };
    let accept = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let format = extension
        .or(request.format)
        .unwrap_or_else(|| DataExportFormat::of_accept(accept));
    if format == DataExportFormat::Adx && request.data_sets.len() != 1 {
        return query_error(&QueryError {
            code: "E2001",
            message: "An ADX export names exactly one data set".to_owned(),
            unreadable: false,
        });
    }
    let result = state
        .db(move |conn| resolve_and_export(conn, &caller, request))
        .await;
    let (request, values) = match result {
        Ok(Ok(found)) => found,
        Ok(Err(error)) => return query_error(&error),
        Err(error) => return web_message_error(&error),
    };
    let mut response = HttpResponse::build(StatusCode::OK);
    response
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .content_type(format.content_type());
    match format {
        DataExportFormat::Json => response.json(single_set(&request, values)),
        DataExportFormat::Csv => response.body(write::csv(&values)),
        DataExportFormat::Adx => {
            let exported = Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
            response.body(write::adx(&values, &request.data_sets[0], &exported))
        }
    }
}

/// Units and data sets resolved (unknown data sets dropped, as DHIS2 drops them; units
/// outside the caller's subtree refused like unknown ones), then the values.
fn resolve_and_export(
    conn: &mut chitieu_schema::db::Db,
    caller: &Caller,
    mut request: ExportRequest,
) -> Result<Result<(ExportRequest, Vec<chitieu_schema::dhis2::DataValue>), QueryError>, ApiError> {
    let mut unit_paths = Vec::new();
    for code in &request.org_units {
        match unit_ref(conn, code) {
            Ok(unit) if caller.can_read_path(&unit.path) => unit_paths.push(unit.path),
            _ => {
                return Ok(Err(QueryError {
                    code: "E2012",
                    message: format!(
                        "User is not allowed to view org unit: {code} (it does not exist or \
                         lies outside your part of the tree)"
                    ),
                    unreadable: false,
                }));
            }
        }
    }
    request.data_sets = known_data_sets(conn, &request.data_sets)?;
    if request.data_sets.is_empty() {
        return Ok(Err(QueryError {
            code: "E2001",
            message: "At least one valid data set or data element group must be specified"
                .to_owned(),
            unreadable: false,
        }));
    }
    let changed_since = match (request.last_updated, request.last_updated_duration) {
        (Some(at), _) => Some(at),
        (None, Some(span)) => Some(Utc::now().naive_utc() - span),
        (None, None) => None,
    };
    let query = ExportQuery {
        data_sets: request.data_sets.clone(),
        periods: request.periods.iter().map(ToString::to_string).collect(),
        between: request.start_date.zip(request.end_date),
        unit_paths,
        children: request.children,
        changed_since,
        limit: request.limit,
    };
    let values = export_values(conn, &query)?;
    Ok(Ok((request, values)))
}

/// DHIS2 names the set's data set, period and unit when the query names exactly one of each
/// (`DataExportParams.isSingleDataValueSet`).
fn single_set(
    request: &ExportRequest,
    values: Vec<chitieu_schema::dhis2::DataValue>,
) -> DataValueSet {
    let single = request.data_sets.len() == 1
        && request.periods.len() == 1
        && request.org_units.len() == 1
        && !request.children;
    DataValueSet {
        data_set: single.then(|| request.data_sets[0].clone()),
        period: single.then(|| request.periods[0].to_string()),
        org_unit: single.then(|| request.org_units[0].clone()),
        data_values: values,
        ..DataValueSet::default()
    }
}

/// DHIS2's answer to an illegal query: 409 with the error code (400 for a value it cannot
/// read).
fn query_error(error: &QueryError) -> HttpResponse {
    let status = if error.unreadable {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::CONFLICT
    };
    HttpResponse::build(status).json(json!({
        "httpStatus": status.canonical_reason().unwrap_or(""),
        "httpStatusCode": status.as_u16(),
        "status": "ERROR",
        "message": error.message,
        "errorCode": error.code,
    }))
}
