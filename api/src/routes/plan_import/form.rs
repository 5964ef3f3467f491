//! Reading the `multipart/form-data` body of an import: the file up to the import limit, and
//! the small text fields.

use actix_multipart::Multipart;
use actix_web::http::header;
use actix_web::{HttpRequest, web};
use futures_util::StreamExt;

use crate::error::ApiError;

/// Room for the form's other fields and boundaries beyond the file itself.
const FORM_OVERHEAD: usize = 256 * 1024;
/// The largest text field (`plan`, `dryRun`).
const FIELD_LIMIT: usize = 64 * 1024;

#[derive(Debug, Default)]
pub struct ImportForm {
    pub file: Option<Vec<u8>>,
    pub file_name: Option<String>,
    /// The file part's declared `Content-Type`.
    pub file_type: Option<String>,
    pub plan: Option<Vec<u8>>,
    pub dry_run: Option<String>,
}

pub async fn read_form(
    req: &HttpRequest,
    payload: web::Payload,
    max_file_bytes: usize,
) -> Result<ImportForm, ApiError> {
    let essence = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase());
    if essence.as_deref() != Some("multipart/form-data") {
        return Err(ApiError::said(
            crate::error::SaidKind::UnsupportedMediaType,
            chitieu_schema::messages::Message::new("form-media-type"),
        ));
    }
    let too_large = || {
        ApiError::said(
            crate::error::SaidKind::FileTooLarge,
            chitieu_schema::messages::Message::new("form-file-too-large")
                .arg("limit", max_file_bytes),
        )
    };
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > max_file_bytes.saturating_add(FORM_OVERHEAD)) {
        return Err(too_large());
    }
    let mut form = ImportForm::default();
    let mut multipart = Multipart::new(req.headers(), payload);
    while let Some(field) = multipart.next().await {
        let mut field = field.map_err(malformed)?;
        let name = field.name().unwrap_or_default().to_owned();
        let limit = if name == "file" {
            max_file_bytes
        } else {
            FIELD_LIMIT
        };
        if name == "file" {
            form.file_name = field
                .content_disposition()
                .and_then(|d| d.get_filename())
                .map(str::to_owned);
            form.file_type = field.content_type().map(ToString::to_string);
        }
        let mut content = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(malformed)?;
            if content.len() + chunk.len() > limit {
                return Err(if name == "file" {
                    too_large()
                } else {
                    ApiError::said(
                        crate::error::SaidKind::FileTooLarge,
                        chitieu_schema::messages::Message::new("form-field-too-large")
                            .arg("field", format!("{name:?}"))
                            .arg("limit", FIELD_LIMIT),
                    )
                });
            }
            content.extend_from_slice(&chunk);
        }
        match name.as_str() {
            "file" => form.file = Some(content),
            "plan" => form.plan = Some(content),
            "dryRun" => form.dry_run = Some(String::from_utf8_lossy(&content).into_owned()),
            other => {
                return Err(ApiError::Malformed {
                    detail: chitieu_schema::messages::Message::new("form-unknown-field")
                        .arg("field", format!("{other:?}"))
                        .into(),
                    errors: Vec::new(),
                });
            }
        }
    }
    Ok(form)
}

fn malformed(error: actix_multipart::MultipartError) -> ApiError {
    ApiError::Malformed {
        detail: chitieu_schema::messages::Message::new("form-unreadable")
            .arg("error", error)
            .into(),
        errors: Vec::new(),
    }
}
