use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, post, web};
use chitieu_schema::StoreError;
use chitieu_schema::accounts::Role;
use chitieu_schema::plan_import::{self, ImportLimits, ImportRequest};
use chitieu_schema::{catalog, org_units};
use chrono::Datelike;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use super::form::read_form;
use super::views::ImportSummary;
use crate::auth::{Action, Caller};
use crate::error::ApiError;
use crate::extract::parse_json;
use crate::problem::FieldError;
use crate::routes::plans::NewPlanRequest;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// Answer what would be created, store nothing.
    pub dry_run: Option<bool>,
}

/// The form of an import (`multipart/form-data`).
#[derive(Debug, ToSchema)]
#[allow(dead_code)]
pub struct ImportForm {
    /// The plan's document or sheet: DOCX, XLSX, ODS, CSV or TSV (UTF-8).
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
    /// The plan as JSON, as for `POST /api/v1/plans`.
    #[schema(value_type = String, example = json!(r#"{"code":"TT-18-2025","number":"18/KH-UBND","issuedOn":"2025-08-18","title":"Kế hoạch thực hiện Nghị quyết 57-NQ/TW","issuingUnitCode":"31001","catalogCode":"NQ57-THAITAN-2025","validFrom":"2025-08-18","validTo":"2045-12-31"}"#))]
    plan: String,
    /// `true` for a dry run (as the query parameter).
    #[schema(rename = "dryRun")]
    dry_run: Option<bool>,
}

/// Import a plan from its appendix table.
///
/// Finds the indicator table by its header (STT/TT; Chỉ tiêu or Mục tiêu, nhiệm vụ, giải pháp;
/// Đơn vị tính; Năm 2025 … or a header over year sub-headers; Cơ quan chủ trì; phối hợp; Sản
/// phẩm đầu ra; Ghi chú), reads sections (I, II …), items and sub-items (7, 7.1), continued
/// rows, targets per year and agencies. A dry run answers 200 with what would be created and
/// stores nothing; the real run creates the catalog (when `catalogCode` does not exist),
/// the agencies the issuing unit lacks, the plan and its items in one transaction and answers
/// 201 with the same summary. Each row has diagnostics saying what was understood or doubted.
#[utoipa::path(
    tag = "Plans",
    params(ImportQuery),
    request_body(content = ImportForm, content_type = "multipart/form-data"),
    responses(
        (status = 200, description = "Dry run: what would be created; nothing was stored", body = ImportSummary),
        (status = 201, description = "The plan, its catalog and units were created", body = ImportSummary,
            headers(("Location" = String, description = "The plan's URL"))),
        (status = 403, description = "The caller may not import this plan", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:forbidden", "title": "Not allowed", "status": 403,
                "detail": "creating catalog NQ57-X from the table needs an administrator; name an existing catalog in plan.catalogCode"})),
        (status = 409, description = "The plan code (or a proposed unit code) is taken; nothing was stored", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:conflict", "title": "The change conflicts with stored data", "status": 409,
                "detail": "plan code TT-18-2025 is taken"})),
        (status = 413, description = "The file is over CHITIEU_IMPORT_MAX_BYTES", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:payload-too-large", "title": "The request is too large", "status": 413,
                "detail": "the file is larger than the limit of 10485760 bytes (CHITIEU_IMPORT_MAX_BYTES)"})),
        (status = 415, description = "Not multipart/form-data, or a format that is not read (PDF, .doc, .xls)", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:unsupported-media-type", "title": "The content type is not supported", "status": 415,
                "detail": "legacy Office files (.doc, .xls) are not read: save the plan as .docx or .xlsx"})),
        (status = 422, description = "The file cannot be imported (not what it claims, a zip bomb, too many rows, no recognisable table) or the plan is invalid", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:unprocessable-file", "title": "The file cannot be imported", "status": 422,
                "detail": "zip bomb refused: the container would decompress to more than the limit of 52428800 bytes (entry \"word/document.xml\" decompresses to more than its header says) (CHITIEU_IMPORT_MAX_UNZIPPED_BYTES)"})),
    )
)]
#[post("/plans/import")]
pub async fn import_plan(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    payload: web::Payload,
    query: web::Query<ImportQuery>,
) -> Result<HttpResponse, ApiError> {
    caller.require_role(&[Role::ProvinceOfficer, Role::CommuneOfficer])?;
    let limits = req.app_data::<ImportLimits>().copied().unwrap_or_default();
    let form = read_form(&req, payload, limits.max_bytes).await?;
    let missing = |field: &str| {
        ApiError::invalid(
            format!("/{field}"),
            chitieu_schema::messages::Message::new("form-field-required"),
        )
    };
    let file = form.file.ok_or_else(|| missing("file"))?;
    let plan_json = form.plan.ok_or_else(|| missing("plan"))?;
    let plan = parse_json::<NewPlanRequest>(&plan_json)
        .and_then(NewPlanRequest::parse)
        .map_err(within_plan)?;
    let dry_run = query.dry_run.unwrap_or(false)
        || form.dry_run.as_deref().is_some_and(|v| v.trim() == "true");
    let (file_name, media_type) = (form.file_name, form.file_type);
    let last_year = plan.valid_to.year();
    let parsed = web::block(move || {
        let claim = plan_import::Claim {
            file_name: file_name.as_deref(),
            media_type: media_type.as_deref(),
        };
        let tables = plan_import::read_tables(&file, claim, &limits)?;
        plan_import::understand(&tables, last_year)
    })
    .await
    .map_err(|e| ApiError::Internal(e.into()))??;
    let summary = state
        .db(move |conn| {
            authorize(conn, &caller, &plan)?;
            let request = ImportRequest { plan, dry_run };
            Ok::<_, ApiError>(plan_import::apply(conn, &parsed, request)?)
        })
        .await?;
    let body = ImportSummary::from(summary);
    if dry_run {
        return Ok(HttpResponse::Ok().json(body));
    }
    Ok(HttpResponse::Created()
        .insert_header((
            header::LOCATION,
            format!("/api/v1/plans/{}", body.plan_code),
        ))
        .json(body))
}

/// Errors about the plan's JSON, pointing into the form's `plan` part.
fn within_plan(error: ApiError) -> ApiError {
    let prefix = |errors: Vec<FieldError>| -> Vec<FieldError> {
        errors
            .into_iter()
            .map(|e| {
                let pointer = format!("/plan{}", e.pointer);
                e.at(pointer)
            })
            .collect()
    };
    match error {
        ApiError::Invalid(errors) => ApiError::Invalid(prefix(errors)),
        ApiError::Malformed { detail, errors } => ApiError::Malformed {
            detail: chitieu_schema::messages::Message::new("form-plan-part")
                .message("detail", detail.into_message())
                .into(),
            errors: prefix(errors),
        },
        other => other,
    }
}

/// The issuing unit must be in the caller's part of the tree (else 422 as if unknown), where
/// the caller manages plans and may add units; building a new catalog needs an administrator.
fn authorize(
    conn: &mut chitieu_schema::db::Db,
    caller: &Caller,
    plan: &chitieu_schema::plans::NewPlan,
) -> Result<(), ApiError> {
    let unknown = || {
        ApiError::invalid(
            "/plan/issuingUnitCode",
            chitieu_schema::messages::Message::new("org-unit-no-unit-with-code")
                .arg("code", &plan.issuing_unit),
        )
    };
    let unit = match org_units::find(conn, &plan.issuing_unit) {
        Err(StoreError::NotFound { .. }) => return Err(unknown()),
        other => other?,
    };
    if !caller.can_read_path(&unit.row.path) {
        return Err(unknown());
    }
    if !caller.may(Action::ManageCatalogAssignments, &unit.row.path) {
        return Err(ApiError::said(
            crate::error::SaidKind::Forbidden,
            chitieu_schema::messages::Message::new("access-may-not-import-plans")
                .message("role", caller.role().message())
                .arg("unit", &unit.row.code),
        ));
    }
    caller.ensure_may_add_under(Some(&unit.row.path))?;
    let code = plan.catalog.as_str();
    match catalog::find_catalog(conn, code) {
        Err(StoreError::NotFound { .. }) if !caller.is_admin() => Err(ApiError::said(
            crate::error::SaidKind::Forbidden,
            chitieu_schema::messages::Message::new("access-import-creates-catalog")
                .arg("code", code),
        )),
        Err(StoreError::NotFound { .. }) | Ok(_) => Ok(()),
        Err(other) => Err(other.into()),
    }
}
