use actix_web::{HttpRequest, HttpResponse, post, web};
use chitieu_schema::reports::{
    self, AtomicMode, ImportOptions, ImportStatus, ImportStrategy, UnitAccess,
};
use serde::Deserialize;
use utoipa::IntoParams;

use super::request::DataValueSet;
use super::rows::{Defaults, to_values};
use super::summary::ImportSummaryView;
use crate::auth::{Action, Caller};
use crate::error::ApiError;
use crate::extract::{BulkBody, BulkFormat, parse_json};
use crate::routes::reports::actor;
use crate::routes::reports::idempotency::idempotent;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ImportParams {
    /// Only `code` (the default): dataSet, orgUnit and dataElement are codes.
    #[param(example = "code")]
    pub id_scheme: Option<String>,
    /// The plan's code: needed for CSV; for JSON it may replace the body's `dataSet`.
    pub data_set: Option<String>,
    /// Check and answer the summary without storing anything.
    pub dry_run: Option<bool>,
    /// `CREATE`, `UPDATE`, `CREATE_AND_UPDATE` (default) or `DELETE`.
    #[param(example = "CREATE_AND_UPDATE")]
    pub import_strategy: Option<String>,
    /// `NONE` (default): valid values are stored and the rejected listed; `ALL`: nothing is
    /// stored when any value is rejected.
    #[param(example = "NONE")]
    pub atomic_mode: Option<String>,
}

impl ImportParams {
    fn options(&self) -> Result<ImportOptions, ApiError> {
        let mut errors = Vec::new();
        if let Some(scheme) = self.id_scheme.as_deref() {
            if !scheme.eq_ignore_ascii_case("code") {
                errors.push(crate::problem::FieldError::new(
                    "idScheme",
                    format!("only idScheme=code is supported, not {scheme:?}"),
                ));
            }
        }
        let strategy = match self.import_strategy.as_deref().map(str::to_ascii_uppercase) {
            None => Some(ImportStrategy::CreateAndUpdate),
            Some(s) if s == "CREATE_AND_UPDATE" || s == "NEW_AND_UPDATES" => {
                Some(ImportStrategy::CreateAndUpdate)
            }
            Some(s) if s == "CREATE" || s == "NEW" => Some(ImportStrategy::Create),
            Some(s) if s == "UPDATE" || s == "UPDATES" => Some(ImportStrategy::Update),
            Some(s) if s == "DELETE" || s == "DELETES" => Some(ImportStrategy::Delete),
            Some(other) => {
                errors.push(crate::problem::FieldError::new(
                    "importStrategy",
                    format!("{other:?} is not CREATE, UPDATE, CREATE_AND_UPDATE or DELETE"),
                ));
                None
            }
        };
        let atomic = match self.atomic_mode.as_deref().map(str::to_ascii_uppercase) {
            None => Some(AtomicMode::None),
            Some(s) if s == "NONE" => Some(AtomicMode::None),
            Some(s) if s == "ALL" => Some(AtomicMode::All),
            Some(other) => {
                errors.push(crate::problem::FieldError::new(
                    "atomicMode",
                    format!("{other:?} is not ALL or NONE"),
                ));
                None
            }
        };
        match (strategy, atomic) {
            (Some(strategy), Some(atomic)) if errors.is_empty() => Ok(ImportOptions {
                strategy,
                atomic,
                dry_run: self.dry_run.unwrap_or(false),
            }),
            _ => Err(ApiError::Invalid(errors)),
        }
    }
}

/// Import values (DHIS2 `dataValueSets`, `idScheme=code`).
///
/// The body is DHIS2's JSON `dataValueSet` or CSV (`Content-Type: text/csv`) with the columns
/// `dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup`
/// (header row optional; the plan given by the query parameter `dataSet`). Each value goes
/// into its (unit, plan, period) report, opened as a draft when absent, and is checked like
/// `PUT /api/v1/reports/…/values`: the indicator's kind, its assignment to the unit, the
/// period within the plan, and a draft or returned report (values for submitted or approved
/// reports are conflicts). Ratio indicators take two rows, `categoryOptionCombo` `NUMERATOR`
/// and `DENOMINATOR`, or one row with a percent (0–100). Status indicators take `true`/`false`
/// or a label: `Đạt`, `Có`, `Duy trì`, `Kết nối`, `Nâng cấp`, `Đáp ứng`, `Hoạt động ổn định`,
/// `Hoàn thành` (achieved), `Không đạt`, `Chưa đạt`, `Không`, `Chưa`, `Chưa hoàn thành` (not
/// achieved), kept as the value's label.
///
/// Units outside the caller's part of the tree are conflicts worded like unknown units.
/// Every stored change writes an audit entry in the same transaction. `Idempotency-Key` makes
/// a retry return the first summary. The body may be up to `CHITIEU_BULK_BODY_LIMIT_BYTES`
/// (64 MiB by default).
#[utoipa::path(
    tag = "Data exchange",
    params(ImportParams,
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retry return the first answer")),
    request_body(content(
        (DataValueSet = "application/json"),
        (String = "text/csv", example = "dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup\nNQ57-THAITAN-12,2026Q1,31001-VHXH,,,3,,,Theo báo cáo quý,\n")
    )),
    responses(
        (status = 200, description = "Imported (SUCCESS) or partly imported (WARNING); conflicts listed with their row index", body = ImportSummaryView),
        (status = 400, description = "The body is not JSON or CSV of this shape", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 403, description = "The caller may not enter data anywhere", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 409, description = "Nothing was imported (status ERROR): every value was rejected, or atomicMode=ALL met a conflict. problem+json whose `importSummary` member is the summary", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:import-rejected", "title": "Nothing was imported",
                "status": 409, "detail": "Nothing was imported (atomicMode=ALL): 1 conflict(s)",
                "importSummary": {"responseType": "ImportSummary", "status": "ERROR", "dryRun": false,
                    "description": "Nothing was imported (atomicMode=ALL): 1 conflict(s)",
                    "importCount": {"imported": 0, "updated": 0, "unchanged": 0, "ignored": 2, "deleted": 0},
                    "conflicts": [{"index": 1, "object": "orgUnit", "value": "99001",
                        "reason": "organisation unit 99001 not found"}]}})),
        (status = 413, description = "The body is larger than the bulk limit", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 415, description = "Neither JSON nor CSV", body = crate::problem::Problem,
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
    if !caller.may_enter_data_somewhere() {
        return Err(ApiError::Forbidden(format!(
            "a {} may not enter data",
            caller.role()
        )));
    }
    let query = req.query_string().to_owned();
    let format = [body.format as u8];
    // Bytes are reference-counted: the clone shares the body.
    let bytes = body.bytes.clone();
    let fingerprint: [&[u8]; 3] = [query.as_bytes(), &format, &bytes];
    idempotent(&state, &caller, &req, &fingerprint, || {
        import(&state, &caller, params.into_inner(), body)
    })
    .await
}

async fn import(
    state: &AppState,
    caller: &Caller,
    params: ImportParams,
    body: BulkBody,
) -> Result<HttpResponse, ApiError> {
    let options = params.options()?;
    let (data_set, defaults, rows) = match body.format {
        BulkFormat::Json => {
            let set: DataValueSet = parse_json(&body.bytes)?;
            let defaults = Defaults {
                period: set.period,
                org_unit: set.org_unit,
            };
            (set.data_set.or(params.data_set), defaults, set.data_values)
        }
        BulkFormat::Csv => (
            params.data_set,
            Defaults::default(),
            super::csv::parse(&body.bytes)?,
        ),
    };
    let plan = data_set.filter(|d| !d.trim().is_empty()).ok_or_else(|| {
        ApiError::invalid("dataSet", "name the plan: dataSet in the body or the query")
    })?;
    let (values, early) = to_values(rows, &defaults, options.strategy != ImportStrategy::Delete);
    let actor = actor(caller);
    let policy = caller.clone();
    let summary = state
        .db(move |conn| {
            let access = |path: &str| {
                if policy.may(Action::EnterData, path) {
                    UnitAccess::EnterData
                } else if policy.can_read_path(path) {
                    UnitAccess::ReadOnly
                } else {
                    UnitAccess::Hidden
                }
            };
            reports::import_values(conn, plan.trim(), values, early, options, &access, &actor)
        })
        .await?;
    let error = summary.status() == ImportStatus::Error;
    let view = ImportSummaryView::new(summary, options.dry_run);
    if error {
        let summary = serde_json::to_value(&view)
            .map_err(|e| ApiError::Internal(anyhow::anyhow!("serialising a summary: {e}")))?;
        return Err(ApiError::ImportRejected {
            detail: view.description,
            summary: Box::new(summary),
        });
    }
    Ok(HttpResponse::Ok().json(view))
}
