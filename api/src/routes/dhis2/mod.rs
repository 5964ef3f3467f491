//! DHIS2's own surface: `POST /api/dataValueSets` and `POST /api/{version}/dataValueSets`, so
//! DHIS2 clients (the `dhis2-client` and `dhis2.py` libraries, another DHIS2's data exchange)
//! can post here unchanged. The import is that of `/api/v1/dataValueSets`; what differs is
//! what DHIS2 does differently:
//!
//! - credentials: also Basic and `ApiToken` ([`crate::auth::require_dhis2_credentials`]);
//! - members DHIS2 ignores are ignored;
//! - the answer is DHIS2's `WebMessage` with DHIS2's HTTP status: `/api/dataValueSets` as
//!   2.43 answers (WARNING is 200), `/api/{version}/…` as that version answers (2.40's rules,
//!   WARNING 409, below 43; the bare `ImportSummary` below 38); an unknown data set is 409
//!   ERROR with conflict E7600, as in DHIS2; other errors are a `WebMessage` with status ERROR.
//!
//! | Route | Who |
//! |---|---|
//! | `POST /api/dataValueSets`, `POST /api/{version}/dataValueSets` | as `POST /api/v1/dataValueSets` |

mod errors;
mod export;
mod export_query;

pub use errors::problems_as_web_messages;
pub use export::{
    get_data_value_sets, get_data_value_sets_versioned, get_data_value_sets_with_extension,
};
pub use export_query::DataExportFormat;

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, ResponseError, post, web};
use chitieu_schema::dhis2::{ApiVersion, ImportSummary, WebMessage};
use serde_json::json;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::BulkBody;
use crate::routes::data_exchange::ensure_may_enter_data;
use crate::routes::data_exchange::params::ImportParams;
use crate::routes::data_exchange::run::{Members, Outcome, import};
use crate::routes::reports::idempotency::idempotent;
use crate::state::AppState;

/// Import values as DHIS2 does (answers as DHIS2 2.43).
///
/// The body, options and checks are those of `POST /api/v1/dataValueSets`; members DHIS2
/// ignores are ignored here. Credentials: `Authorization: Basic` (a user's password, throttled
/// like `POST /api/v1/auth/token`), `Authorization: ApiToken <API key>`, a Bearer token or
/// `X-API-Key`. The answer is DHIS2 2.43's: a `WebMessage` with 200 for SUCCESS and WARNING
/// (some values rejected, listed in `response.conflicts`), 409 for ERROR (nothing stored, or an
/// unknown data set).
#[utoipa::path(
    tag = "DHIS2 compatibility",
    operation_id = "postDataValueSetsDhis2",
    params(ImportParams,
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry return the first answer")),
    request_body(content(
        (chitieu_schema::dhis2::DataValueSet = "application/json"),
        (String = "application/csv"),
        (String = "text/csv"),
        (String = "application/adx+xml")
    )),
    responses(
        (status = 200, description = "SUCCESS or WARNING", body = WebMessage),
        (status = 401, description = "No or wrong credentials; `WWW-Authenticate` offers Basic"),
        (status = 409, description = "ERROR: nothing stored, or an unknown data set", body = WebMessage),
    ),
    security(("basicAuth" = []), ("apiToken" = []), ("bearerAuth" = []), ("apiKey" = []))
)]
#[post("/dataValueSets")]
pub async fn post_data_value_sets(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ImportParams>,
    body: BulkBody,
) -> HttpResponse {
    answer(state, caller, req, params, body, ApiVersion::Unversioned).await
}

/// Import values as the DHIS2 version named in the path answers.
///
/// As `POST /api/dataValueSets`, answered as DHIS2 of that API version: versions 38–42 as
/// 2.40 (a WARNING is **409**), 43 as 2.43 (200), 28–37 with the bare `ImportSummary`. Other
/// versions are 404.
#[utoipa::path(
    tag = "DHIS2 compatibility",
    operation_id = "postDataValueSetsDhis2Versioned",
    params(("version" = u16, Path, description = "DHIS2 API version, 28 to 43", example = 40),
        ImportParams,
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry return the first answer")),
    request_body(content(
        (chitieu_schema::dhis2::DataValueSet = "application/json"),
        (String = "application/csv"),
        (String = "text/csv"),
        (String = "application/adx+xml")
    )),
    responses(
        (status = 200, description = "SUCCESS (and WARNING from version 43)", body = WebMessage),
        (status = 401, description = "No or wrong credentials; `WWW-Authenticate` offers Basic"),
        (status = 404, description = "Not a DHIS2 API version"),
        (status = 409, description = "ERROR, and WARNING before version 43", body = WebMessage),
    ),
    security(("basicAuth" = []), ("apiToken" = []), ("bearerAuth" = []), ("apiKey" = []))
)]
#[post("/{version}/dataValueSets")]
pub async fn post_data_value_sets_versioned(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    version: web::Path<String>,
    params: web::Query<ImportParams>,
    body: BulkBody,
) -> HttpResponse {
    let version = version.parse::<u16>().ok().and_then(ApiVersion::numbered);
    let Some(version) = version else {
        return web_message_error(&ApiError::NotFound(format!(
            "{} is not a DHIS2 API version ({} to {})",
            req.path(),
            ApiVersion::OLDEST,
            ApiVersion::NEWEST
        )));
    };
    answer(state, caller, req, params, body, version).await
}

async fn answer(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ImportParams>,
    body: BulkBody,
    version: ApiVersion,
) -> HttpResponse {
    if let Err(error) = ensure_may_enter_data(&caller) {
        return web_message_error(&error);
    }
    let query = req.query_string().to_owned();
    let format = [body.format as u8];
    let bytes = body.bytes.clone();
    let fingerprint: [&[u8]; 3] = [query.as_bytes(), &format, &bytes];
    let answered = idempotent(&state, &caller, &req, &fingerprint, || async {
        let outcome = import(&state, &caller, params.into_inner(), body, Members::Lenient).await?;
        let rules = version.rules();
        let summary = match outcome {
            Outcome::Imported { summary, options } => {
                ImportSummary::of_import(summary, options, rules)
            }
            Outcome::NoPlan {
                options,
                data_set,
                message,
            } => ImportSummary::set_error(options, "dataSet", &data_set, message),
        };
        let message = summary.into_web_message(rules);
        let status = StatusCode::from_u16(message.http_status_code)
            .map_err(|e| ApiError::Internal(anyhow::anyhow!("a WebMessage status: {e}")))?;
        Ok(if version.plain_summary() {
            HttpResponse::build(status).json(message.response)
        } else {
            HttpResponse::build(status).json(message)
        })
    })
    .await;
    answered.unwrap_or_else(|error| web_message_error(&error))
}

/// An error as DHIS2 answers one: a `WebMessage` with status ERROR and the HTTP status of our
/// problem (and its `Retry-After`).
pub fn web_message_error(error: &ApiError) -> HttpResponse {
    let problem = error.error_response();
    let status = problem.status();
    let message = match error {
        ApiError::Invalid(errors) | ApiError::Malformed { errors, .. } if !errors.is_empty() => {
            errors
                .iter()
                .map(|e| format!("{}: {}", e.pointer.trim_start_matches('/'), e.detail))
                .collect::<Vec<_>>()
                .join("; ")
        }
        other => other.to_string(),
    };
    let mut response = HttpResponse::build(status);
    if let Some(retry) = problem.headers().get(header::RETRY_AFTER) {
        response.insert_header((header::RETRY_AFTER, retry.clone()));
    }
    response.json(json!({
        "httpStatus": status.canonical_reason().unwrap_or(""),
        "httpStatusCode": status.as_u16(),
        "status": "ERROR",
        "message": message,
    }))
}
