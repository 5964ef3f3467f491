//! `/reports/{unitCode}/{planCode}/{period}/document`: the report as a Word document in the
//! state format (GET), and the particulars it needs beyond the report (PUT).

use actix_web::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use actix_web::{HttpResponse, get, put, web};
use chitieu_schema::domain::VIETNAM_OFFSET;
use chitieu_schema::progress::{self, ProgressQuery};
use chitieu_schema::reports::{self, DocumentDetails, ReportState};
use chrono::{FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use utoipa::{IntoParams, ToSchema};

use super::{ReportPath, actor, authorize};
use crate::auth::{Action, Caller};
use crate::document::{self, Context, ReportDocument};
use crate::error::ApiError;
use crate::extract::JsonBody;
use crate::routes::progress::export::filename_slug;
use crate::state::AppState;
use crate::validation::FieldErrors;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct DocumentParams {
    /// Mark the document "DỰ THẢO" (draft). Default: marked unless the report is approved.
    #[param(example = false)]
    pub draft: Option<bool>,
}

/// The document's particulars; anything left out is defaulted from the unit, the period and
/// today's date when the document is rendered.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schema(example = json!({
    "documentNumber": "11/BC-HĐND", "superiorBody": "HĐND XÃ NGHI DƯƠNG",
    "issuingBody": "THƯỜNG TRỰC", "place": "Nghi Dương", "issuedOn": "2026-04-10",
    "signerAuthority": "TM. THƯỜNG TRỰC HĐND\nKT. CHỦ TỊCH", "signerTitle": "PHÓ CHỦ TỊCH",
    "signerName": "Phạm Thị Thanh",
    "recipients": ["Đảng ủy xã (báo cáo)", "Ban Chỉ đạo về thực hiện Chuyển đổi số", "Lưu: VT"]}))]
pub struct DocumentDetailsBody {
    /// What follows "Số:": `11/BC-HĐND`; a Party body's number (`15-BC/ĐU`, `BC-ĐU`) selects
    /// the Party's header. Default: blank number over `/BC-UBND`.
    pub document_number: Option<String>,
    /// The body above the issuing one, upright. Default: none for a commune.
    pub superior_body: Option<String>,
    /// The issuing body, bold; lines separated by `\n`. Default: `ỦY BAN NHÂN DÂN` and the unit.
    pub issuing_body: Option<String>,
    /// Default: the commune's name without `Xã`.
    pub place: Option<String>,
    /// Default: the day the document is rendered (Vietnam time).
    #[schema(value_type = Option<String>, format = Date)]
    pub issued_on: Option<NaiveDate>,
    /// The summary line under "BÁO CÁO". Default: results of Resolution 57 in the period.
    pub summary: Option<String>,
    /// `TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`; lines separated by `\n`.
    pub signer_authority: Option<String>,
    /// Default: `CHỦ TỊCH`.
    pub signer_title: Option<String>,
    /// Default: empty, to be written by hand.
    pub signer_name: Option<String>,
    /// "Nơi nhận" lines. Default: the unit above (báo cáo), `Lưu: VT`.
    pub recipients: Option<Vec<String>>,
}

/// A Word document (DOCX).
// Only its schema is used: it documents the binary body of `getReportDocument`.
#[derive(ToSchema)]
#[schema(value_type = String, format = Binary)]
#[allow(dead_code)]
pub struct DocxFile(Vec<u8>);

const MAX_TEXT: usize = 500;
const MAX_RECIPIENTS: usize = 30;

impl DocumentDetailsBody {
    fn parse(self) -> Result<DocumentDetails, ApiError> {
        let mut errors = FieldErrors::new();
        let mut text = |pointer: &str, value: Option<String>| {
            let value: Option<String> = value.map(|v| v.trim().nfc().collect());
            if let Some(v) = &value
                && v.chars().count() > MAX_TEXT
            {
                errors.add(pointer, format!("must be at most {MAX_TEXT} characters"));
            }
            value.filter(|v| !v.is_empty())
        };
        let document_number = text("/documentNumber", self.document_number);
        let superior_body = text("/superiorBody", self.superior_body);
        let issuing_body = text("/issuingBody", self.issuing_body);
        let place = text("/place", self.place);
        let summary = text("/summary", self.summary);
        let signer_authority = text("/signerAuthority", self.signer_authority);
        let signer_title = text("/signerTitle", self.signer_title);
        let signer_name = text("/signerName", self.signer_name);
        let recipients = self.recipients.map(|list| {
            list.into_iter()
                .enumerate()
                .filter_map(|(i, r)| text(&format!("/recipients/{i}"), Some(r)))
                .collect::<Vec<_>>()
        });
        if recipients
            .as_ref()
            .is_some_and(|r| r.len() > MAX_RECIPIENTS)
        {
            errors.add(
                "/recipients",
                format!("must list at most {MAX_RECIPIENTS} recipients"),
            );
        }
        errors.finish(|| {
            Some(DocumentDetails {
                document_number,
                superior_body,
                issuing_body,
                place,
                issued_on: self.issued_on,
                summary,
                signer_authority,
                signer_title,
                signer_name,
                recipients,
            })
        })
    }
}

impl From<DocumentDetails> for DocumentDetailsBody {
    fn from(details: DocumentDetails) -> Self {
        Self {
            document_number: details.document_number,
            superior_body: details.superior_body,
            issuing_body: details.issuing_body,
            place: details.place,
            issued_on: details.issued_on,
            summary: details.summary,
            signer_authority: details.signer_authority,
            signer_title: details.signer_title,
            signer_name: details.signer_name,
            recipients: details.recipients,
        }
    }
}

/// The report as a Word document in the state format (Decree 30/2020/NĐ-CP, appendix I): the
/// header with the issuing body and the national title (or, for a Party body's number, the
/// Party's header), number, place and date in words, "BÁO CÁO" and the summary line, the
/// narrative in its I, 1, a) numbering with its emphasis, lists and tables, "Nơi nhận", the
/// signature block, and the appendix table of `GET /org-units/{code}/progress` for the same
/// plan and period. A4, Times New Roman, the decree's margins; Vietnamese whatever the
/// request's language. Particulars not stored with `PUT …/document` are defaulted.
#[utoipa::path(
    tag = "Reports",
    operation_id = "getReportDocument",
    params(ReportPath, DocumentParams),
    responses(
        (status = 200, description = "The document (DOCX)",
            content((DocxFile = "application/vnd.openxmlformats-officedocument.wordprocessingml.document")),
            headers(("Content-Disposition" = String, description = "attachment with an ASCII file name"))),
        (status = 404, description = "No such report in the caller's subtree", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:not-found", "title": "Not found", "status": 404,
                "detail": "report 31002/ND-KH-2025/2026Q3 does not exist"})),
        (status = 422, description = "The period is not one", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:invalid-field", "title": "A field is invalid", "status": 422,
                "detail": "/period: unknown period \"2026Q5\"",
                "errors": [{"pointer": "/period", "detail": "unknown period \"2026Q5\""}]})),
    )
)]
#[get("/reports/{unitCode}/{planCode}/{period}/document")]
pub async fn get_report_document(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<ReportPath>,
    params: web::Query<DocumentParams>,
) -> Result<HttpResponse, ApiError> {
    let key = path.key()?;
    authorize(&state, &caller, &key, Action::Read).await?;
    let draft = params.into_inner().draft;
    let (report, details, unit, progress) = state
        .db(move |conn| {
            let report = reports::find(conn, &key)?;
            let details = reports::document_details(conn, &key)?;
            let unit = reports::unit_names(conn, key.unit.as_str())?;
            // The appendix is the progress export's table, computed by the same query.
            let progress = progress::unit_progress(
                conn,
                &ProgressQuery {
                    unit_code: key.unit.as_str().to_owned(),
                    plan_code: key.plan.clone(),
                    period: key.period,
                    approved_only: false,
                    baseline: None,
                },
            )?;
            Ok::<_, ApiError>((report, details, unit, progress))
        })
        .await?;
    let vietnam = FixedOffset::east_opt(VIETNAM_OFFSET).expect("UTC+7 is a valid offset");
    let today = Utc::now().with_timezone(&vietnam).date_naive();
    let particulars = document::resolve(
        &details,
        draft,
        &Context {
            unit: &unit,
            period: &progress.period,
            today,
            approved: report.summary.state == ReportState::Approved,
        },
    );
    let body = document::render(&ReportDocument {
        particulars: &particulars,
        sections: &report.sections,
        progress: &progress,
    })
    .map_err(|error| ApiError::Internal(anyhow::Error::new(error)))?;
    let filename = format!(
        "bao-cao-{}.docx",
        filename_slug(&[
            report.summary.unit_code.as_str(),
            report.summary.plan_code.as_str(),
            report.summary.period.as_str()
        ])
    );
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, document::CONTENT_TYPE))
        .insert_header((
            CONTENT_DISPOSITION,
            format!("attachment; filename=\"{filename}\""),
        ))
        .body(body))
}

/// Store the particulars of the report's document: number and symbol, issuing body, place and
/// date, summary line, signer and recipients. Replaces what was stored; fields left out are
/// defaulted at rendering. Allowed in every state, since a report is numbered and signed after
/// approval; recorded in the audit trail.
#[utoipa::path(
    tag = "Reports",
    operation_id = "setReportDocumentDetails",
    params(ReportPath),
    request_body = DocumentDetailsBody,
    responses(
        (status = 200, description = "The stored particulars", body = DocumentDetailsBody),
        (status = 403, description = "The caller may not enter data for this unit", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 404, description = "No such report in the caller's subtree", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid; `errors` names it", body = crate::problem::Problem,
            content_type = "application/problem+json", example = json!({
                "type": "urn:chitieu:problem:invalid-field", "title": "A field is invalid", "status": 422,
                "detail": "/recipients: must list at most 30 recipients",
                "errors": [{"pointer": "/recipients", "detail": "must list at most 30 recipients"}]})),
    )
)]
#[put("/reports/{unitCode}/{planCode}/{period}/document")]
pub async fn set_report_document_details(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<ReportPath>,
    body: JsonBody<DocumentDetailsBody>,
) -> Result<HttpResponse, ApiError> {
    let key = path.key()?;
    authorize(&state, &caller, &key, Action::EnterData).await?;
    let details = body.0.parse()?;
    let actor = actor(&caller);
    let stored = state
        .db(move |conn| reports::set_document_details(conn, &key, &details, &actor))
        .await?;
    Ok(HttpResponse::Ok().json(DocumentDetailsBody::from(stored)))
}
