use actix_web::{HttpRequest, HttpResponse, post, web};
use chitieu_schema::dhis2::{ImportSummary, Status, StatusRules, WebMessage};

use super::params::ImportParams;
use super::run::{Members, Outcome, import};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::BulkBody;
use crate::routes::reports::idempotency::idempotent;
use crate::state::AppState;

/// Import values (DHIS2 `dataValueSets`, `idScheme=code`).
///
/// The body is DHIS2's JSON `dataValueSet`, its CSV (`Content-Type: text/csv` or
/// `application/csv`; the first row is skipped as DHIS2 does unless `firstRowIsHeader=false`;
/// columns `dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,
/// lastupdated,comment,followup,deleted`, the plan given by the query parameter `dataSet`) or
/// ADX (`application/adx+xml`, namespace `urn:ihe:qrph:adx:2015`). Each value goes into its
/// (unit, plan, period) report, opened as a draft when absent, and is checked like
/// `PUT /api/v1/reports/…/values`: the indicator's kind, its assignment to the unit, the
/// period within the plan, and a draft or returned report. Ratio indicators take two rows,
/// `categoryOptionCombo` `NUMERATOR` and `DENOMINATOR`, or one row with a percent (0–100).
/// Status indicators take `true`/`false` or a label (`Đạt`, `Có`, `Không đạt` …). An empty
/// value or `deleted: true` deletes the stored value; a value that is absent is a conflict.
/// Only the default attribute option combo exists: another one is a conflict.
///
/// This route is strict: members DHIS2 would ignore are refused (400). DHIS2's own surface,
/// `POST /api/dataValueSets`, takes the same body leniently, with Basic and `ApiToken`
/// authentication, and answers with DHIS2's statuses.
///
/// The answer is DHIS2's `WebMessage` wrapping its `ImportSummary` (2.43's statuses: 200 for
/// SUCCESS and WARNING); an import that stored nothing (ERROR) is 409 problem+json whose
/// `importSummary` member is the summary. Units outside the caller's part of the tree are
/// conflicts worded like unknown units. Every stored change writes an audit entry in the same
/// transaction. `Idempotency-Key` makes a retry return the first answer. The body may be up to
/// `CHITIEU_BULK_BODY_LIMIT_BYTES` (64 MiB by default).
#[utoipa::path(
    tag = "Data exchange",
    operation_id = "postDataValueSets",
    params(ImportParams,
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry return the first answer")),
    request_body(content(
        (chitieu_schema::dhis2::DataValueSet = "application/json"),
        (String = "text/csv", example = "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted\nNQ57-THAITAN-2025-12,2026Q1,31001,,,3,,,Theo báo cáo quý,false,false\n"),
        (String = "application/adx+xml", example = "<adx xmlns=\"urn:ihe:qrph:adx:2015\" exported=\"2026-04-03T00:00:00Z\"><group orgUnit=\"31001\" period=\"2026-01-01/P3M\" dataSet=\"TT-18-2025\"><dataValue dataElement=\"NQ57-THAITAN-2025-12\" value=\"3\"/></group></adx>")
    )),
    responses(
        (status = 200, description = "Imported (status OK, summary SUCCESS) or partly imported (WARNING): DHIS2's WebMessage", body = WebMessage,
            example = json!({"httpStatus": "OK", "httpStatusCode": 200, "status": "WARNING",
                "message": "Import completed with warnings, please check import summary.",
                "response": {"responseType": "ImportSummary", "status": "WARNING",
                    "importOptions": {"idSchemes": {"idScheme": "CODE"}, "dryRun": false,
                        "importStrategy": "CREATE_AND_UPDATE", "atomicMode": "NONE"},
                    "description": "Import process completed successfully",
                    "importCount": {"imported": 2, "updated": 0, "ignored": 1, "deleted": 0, "unchanged": 0},
                    "conflicts": [{"object": "-1", "objects": {"value": "-1"},
                        "value": "NQ57-THAITAN-2025-12: a count must be a whole number ≥ 0, not -1",
                        "errorCode": "E7619", "property": "value", "indexes": [2]}],
                    "rejectedIndexes": [2], "dataSetComplete": "false"}})),
        (status = 400, description = "The body is not JSON, CSV or ADX of this shape, or has members DHIS2 ignores", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 403, description = "The caller may not enter data anywhere", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 409, description = "Nothing was imported (status ERROR): every value was rejected, or atomicMode=ALL met a conflict. problem+json whose `importSummary` member is DHIS2's ImportSummary", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 413, description = "The body is larger than the bulk limit", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 415, description = "Neither JSON, CSV nor ADX", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "A parameter is invalid (idScheme, importStrategy, atomicMode, dataSet)", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:invalid-field", "title": "A field is invalid",
                "status": 422, "detail": "idScheme: only idScheme=code is supported, not \"uid\"",
                "errors": [{"pointer": "idScheme", "detail": "only idScheme=code is supported, not \"uid\""}]})),
    )
)]
#[post("/dataValueSets")]
pub async fn import_data_values(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    params: web::Query<ImportParams>,
    body: BulkBody,
) -> Result<HttpResponse, ApiError> {
    ensure_may_enter_data(&caller)?;
    let query = req.query_string().to_owned();
    let format = [body.format as u8];
    // Bytes are reference-counted: the clone shares the body.
    let bytes = body.bytes.clone();
    let fingerprint: [&[u8]; 3] = [query.as_bytes(), &format, &bytes];
    idempotent(&state, &caller, &req, &fingerprint, || async {
        let outcome = import(&state, &caller, params.into_inner(), body, Members::Strict).await?;
        let (summary, options) = match outcome {
            Outcome::Imported { summary, options } => (summary, options),
            Outcome::NoPlan { message, .. } => return Err(ApiError::invalid("/dataSet", message)),
        };
        let summary = ImportSummary::of_import(summary, options, StatusRules::V2_43);
        if summary.status() == Status::Error {
            let detail = format!(
                "{}: {} conflict(s)",
                summary.description,
                summary.conflicts.len()
            );
            let summary = serde_json::to_value(&summary)
                .map_err(|e| ApiError::Internal(anyhow::anyhow!("serialising a summary: {e}")))?;
            return Err(ApiError::ImportRejected {
                detail,
                summary: Box::new(summary),
            });
        }
        Ok(HttpResponse::Ok().json(summary.into_web_message(StatusRules::V2_43)))
    })
    .await
}

pub(crate) fn ensure_may_enter_data(caller: &Caller) -> Result<(), ApiError> {
    if caller.may_enter_data_somewhere() {
        return Ok(());
    }
    Err(ApiError::said(
        crate::error::SaidKind::Forbidden,
        chitieu_schema::messages::Message::new("access-may-not-enter-data")
            .message("role", caller.role().message()),
    ))
}
