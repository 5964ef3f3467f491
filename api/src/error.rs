//! The API's one error type, mapped to HTTP and problem+json in one place.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, ResponseError};
use chitieu_schema::StoreError;
use chitieu_schema::plan_import::ImportError;

use chitieu_schema::messages::{Lang, Message, Text};

use crate::problem::{FieldError, Problem};
use crate::request_id;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The request is not well-formed: not JSON, or not of the expected shape.
    #[error("{detail}")]
    Malformed {
        detail: Text,
        errors: Vec<FieldError>,
    },

    /// The request is well-formed but some values are invalid.
    #[error("{} field(s) are invalid", .0.len())]
    Invalid(Vec<FieldError>),

    /// No credentials, or credentials that are not valid now (wrong, expired, revoked).
    #[error("{0}")]
    Unauthorized(Text),

    /// The caller is known but may not do this.
    #[error("{0}")]
    Forbidden(String),

    #[error("{0}")]
    NotFound(String),

    #[error("{0}")]
    Conflict(String),

    #[error("{0}")]
    PreconditionFailed(String),

    /// A bulk import that took nothing: 409 with its import summary as an extension member.
    #[error("{detail}")]
    ImportRejected {
        detail: String,
        summary: Box<serde_json::Value>,
    },

    /// A submission refused by validation rules: 422 with each violation as an extension.
    #[error("{detail}")]
    RulesViolated {
        detail: String,
        violations: Box<serde_json::Value>,
    },

    /// The path exists but not with this method; `allow` lists the methods it has.
    #[error("{method} is not a method of this path; it has {allow}")]
    MethodNotAllowed { method: String, allow: String },

    #[error("this change needs an If-Match header with the ETag of the version you edited")]
    PreconditionRequired,

    #[error("the request body is larger than the limit of {limit} bytes")]
    PayloadTooLarge { limit: usize },

    #[error("{0}")]
    UnsupportedMediaType(String),

    /// An uploaded file over its limit; the detail names the limit and its setting.
    #[error("{0}")]
    FileTooLarge(String),

    /// An uploaded file that cannot be imported: not what it claims, a zip bomb, too many
    /// rows, or no table with a recognisable header.
    #[error("{0}")]
    UnprocessableFile(String),

    #[error("too many failed sign-ins: try again in {retry_after_secs} seconds")]
    TooManyRequests { retry_after_secs: u64 },

    #[error("the database is not available right now")]
    Unavailable(#[source] anyhow::Error),

    #[error("an unexpected error occurred")]
    Internal(#[source] anyhow::Error),

    /// A problem whose detail comes from the message catalogue, said in the caller's language.
    #[error("{message}")]
    Said { kind: SaidKind, message: Message },
}

/// The kinds of problem that a [`ApiError::Said`] can be (the variants above of the same name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaidKind {
    Malformed,
    NotFound,
    Conflict,
    Forbidden,
    PreconditionFailed,
    UnprocessableFile,
    UnsupportedMediaType,
    FileTooLarge,
}

impl ApiError {
    pub fn invalid(pointer: impl Into<String>, detail: impl Into<Text>) -> Self {
        Self::Invalid(vec![FieldError::new(pointer, detail)])
    }

    /// A problem of `kind` whose detail is a catalogue message.
    pub fn said(kind: SaidKind, message: Message) -> Self {
        Self::Said { kind, message }
    }

    /// A problem of `kind` whose detail is `text`: said in the caller's language when it is a
    /// catalogue message.
    pub fn of_text(kind: SaidKind, text: Text) -> Self {
        match text {
            Text::Message(message) => Self::said(kind, message),
            Text::Untranslated(detail) => match kind {
                SaidKind::Malformed => Self::Malformed {
                    detail: detail.into(),
                    errors: Vec::new(),
                },
                SaidKind::NotFound => Self::NotFound(detail),
                SaidKind::Conflict => Self::Conflict(detail),
                SaidKind::Forbidden => Self::Forbidden(detail),
                SaidKind::PreconditionFailed => Self::PreconditionFailed(detail),
                SaidKind::UnprocessableFile => Self::UnprocessableFile(detail),
                SaidKind::UnsupportedMediaType => Self::UnsupportedMediaType(detail),
                SaidKind::FileTooLarge => Self::FileTooLarge(detail),
            },
        }
    }

    /// The problem type's slug and the catalogue key of its title.
    fn kind(&self) -> (&'static str, &'static str) {
        match self {
            ApiError::Malformed { .. }
            | ApiError::Said {
                kind: SaidKind::Malformed,
                ..
            } => ("malformed-request", "problem-title-malformed-request"),
            ApiError::Invalid(_) => ("invalid-field", "problem-title-invalid-field"),
            ApiError::Unauthorized(_) => ("unauthorized", "problem-title-unauthorized"),
            ApiError::Forbidden(_)
            | ApiError::Said {
                kind: SaidKind::Forbidden,
                ..
            } => ("forbidden", "problem-title-forbidden"),
            ApiError::NotFound(_)
            | ApiError::Said {
                kind: SaidKind::NotFound,
                ..
            } => ("not-found", "problem-title-not-found"),
            ApiError::Conflict(_)
            | ApiError::Said {
                kind: SaidKind::Conflict,
                ..
            } => ("conflict", "problem-title-conflict"),
            ApiError::ImportRejected { .. } => ("import-rejected", "problem-title-import-rejected"),
            ApiError::RulesViolated { .. } => (
                "validation-rules-violated",
                "problem-title-validation-rules-violated",
            ),
            ApiError::PreconditionFailed(_)
            | ApiError::Said {
                kind: SaidKind::PreconditionFailed,
                ..
            } => ("precondition-failed", "problem-title-precondition-failed"),
            ApiError::PreconditionRequired => (
                "precondition-required",
                "problem-title-precondition-required",
            ),
            ApiError::MethodNotAllowed { .. } => {
                ("method-not-allowed", "problem-title-method-not-allowed")
            }
            ApiError::PayloadTooLarge { .. }
            | ApiError::FileTooLarge(_)
            | ApiError::Said {
                kind: SaidKind::FileTooLarge,
                ..
            } => ("payload-too-large", "problem-title-payload-too-large"),
            ApiError::UnprocessableFile(_)
            | ApiError::Said {
                kind: SaidKind::UnprocessableFile,
                ..
            } => ("unprocessable-file", "problem-title-unprocessable-file"),
            ApiError::UnsupportedMediaType(_)
            | ApiError::Said {
                kind: SaidKind::UnsupportedMediaType,
                ..
            } => (
                "unsupported-media-type",
                "problem-title-unsupported-media-type",
            ),
            ApiError::TooManyRequests { .. } => {
                ("too-many-requests", "problem-title-too-many-requests")
            }
            ApiError::Unavailable(_) => ("unavailable", "problem-title-unavailable"),
            ApiError::Internal(_) => ("internal", "problem-title-internal"),
        }
    }

    fn field_errors(&self, lang: Lang) -> Vec<FieldError> {
        let errors = match self {
            ApiError::Malformed { errors, .. } => errors,
            ApiError::Invalid(errors) => errors,
            _ => return Vec::new(),
        };
        errors.iter().map(|e| e.in_lang(lang)).collect()
    }

    /// The detail in `lang`: catalogue messages are translated; sentences not yet moved into
    /// the catalogue are said as written (English).
    fn detail(&self, lang: Lang) -> String {
        match self {
            ApiError::Invalid(errors) if errors.len() == 1 => {
                let error = errors[0].in_lang(lang);
                format!("{}: {}", error.pointer, error.detail)
            }
            ApiError::Invalid(errors) => Message::new("problem-detail-invalid-fields")
                .arg("count", errors.len())
                .in_lang(lang),
            ApiError::Said { message, .. } => message.in_lang(lang),
            ApiError::Malformed { detail, .. } | ApiError::Unauthorized(detail) => {
                detail.in_lang(lang)
            }
            ApiError::Internal(_) => Message::new("problem-detail-internal").in_lang(lang),
            ApiError::Unavailable(_) => Message::new("problem-detail-unavailable").in_lang(lang),
            other => other.to_string(),
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::Malformed { .. } => StatusCode::BAD_REQUEST,
            ApiError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Conflict(_) | ApiError::ImportRejected { .. } => StatusCode::CONFLICT,
            ApiError::PreconditionFailed(_) => StatusCode::PRECONDITION_FAILED,
            ApiError::PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
            ApiError::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::PayloadTooLarge { .. } | ApiError::FileTooLarge(_) => {
                StatusCode::PAYLOAD_TOO_LARGE
            }
            ApiError::UnprocessableFile(_) | ApiError::RulesViolated { .. } => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            ApiError::Said { kind, .. } => match kind {
                SaidKind::Malformed => StatusCode::BAD_REQUEST,
                SaidKind::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
                SaidKind::FileTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
                SaidKind::NotFound => StatusCode::NOT_FOUND,
                SaidKind::Conflict => StatusCode::CONFLICT,
                SaidKind::Forbidden => StatusCode::FORBIDDEN,
                SaidKind::PreconditionFailed => StatusCode::PRECONDITION_FAILED,
                SaidKind::UnprocessableFile => StatusCode::UNPROCESSABLE_ENTITY,
            },
        }
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        let context = request_id::current();
        if status.is_server_error() {
            // The cause chain goes to the log only: it may name tables or hosts.
            tracing::error!(error = ?anyhow_chain(self), "request failed");
        }
        let lang = context.as_ref().map(|c| c.lang).unwrap_or_default();
        let (slug, title) = self.kind();
        let problem = Problem {
            problem_type: format!("urn:chitieu:problem:{slug}"),
            title: Message::new(title).in_lang(lang),
            status: status.as_u16(),
            detail: self.detail(lang),
            instance: context.as_ref().map(|c| c.path.clone()),
            request_id: context.map(|c| c.id),
            errors: self.field_errors(lang),
            import_summary: match self {
                ApiError::ImportRejected { summary, .. } => Some((**summary).clone()),
                _ => None,
            },
            violations: match self {
                ApiError::RulesViolated { violations, .. } => Some((**violations).clone()),
                _ => None,
            },
        };
        let mut response = HttpResponse::build(status);
        response.insert_header((header::CONTENT_TYPE, "application/problem+json"));
        response.insert_header((header::CONTENT_LANGUAGE, lang.tag()));
        response.insert_header((header::VARY, "Accept-Language"));
        match self {
            ApiError::Unavailable(_) => {
                response.insert_header((header::RETRY_AFTER, "5"));
            }
            ApiError::MethodNotAllowed { allow, .. } => {
                response.insert_header((header::ALLOW, allow.as_str()));
            }
            ApiError::TooManyRequests { retry_after_secs } => {
                response.insert_header((header::RETRY_AFTER, retry_after_secs.to_string()));
            }
            // RFC 6750: a 401 names the scheme the caller should use.
            ApiError::Unauthorized(_) => {
                response.insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"chitieu\""));
            }
            _ => {}
        }
        response.json(problem)
    }
}

fn anyhow_chain(error: &ApiError) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

impl From<ImportError> for ApiError {
    fn from(error: ImportError) -> Self {
        // The setting that raises a limit is named after the sentence, in every language.
        let limit = |kind, setting: &str| match error.message() {
            Some(message) => ApiError::said(
                kind,
                Message::new("problem-detail-with-setting")
                    .message("detail", message)
                    .arg("setting", setting),
            ),
            None => ApiError::of_text(kind, format!("{error} ({setting})").into()),
        };
        match error {
            ImportError::TooLarge { .. } => {
                limit(SaidKind::FileTooLarge, "CHITIEU_IMPORT_MAX_BYTES")
            }
            ImportError::UnsupportedFormat(detail) => ApiError::UnsupportedMediaType(detail),
            ImportError::ZipBomb { .. } => limit(
                SaidKind::UnprocessableFile,
                "CHITIEU_IMPORT_MAX_UNZIPPED_BYTES",
            ),
            ImportError::TooManyRows { .. } => {
                limit(SaidKind::UnprocessableFile, "CHITIEU_IMPORT_MAX_ROWS")
            }
            ImportError::NoTable { .. } => ApiError::of_text(
                SaidKind::UnprocessableFile,
                error
                    .message()
                    .map_or_else(|| error.to_string().into(), Text::from),
            ),
            ImportError::NotWhatItClaims(_) | ImportError::Unreadable(_) => {
                ApiError::UnprocessableFile(error.to_string())
            }
            // The plan's fields are in the form's `plan` part; a row of the file is named by
            // its cell reference, not a JSON Pointer.
            ImportError::Store(StoreError::Rejected { field, reason }) => {
                ApiError::invalid(format!("/plan/{field}"), reason)
            }
            ImportError::Store(StoreError::RejectedAt { pointer, reason })
                if !pointer.starts_with('/') =>
            {
                ApiError::of_text(SaidKind::UnprocessableFile, at(&pointer, reason))
            }
            ImportError::Store(store) => store.into(),
        }
    }
}

/// `reason` prefixed by where it applies (a cell reference), in the reason's language.
fn at(place: &str, reason: Text) -> Text {
    match reason {
        Text::Message(reason) => Message::new("problem-detail-at")
            .arg("place", place)
            .message("reason", reason)
            .into(),
        Text::Untranslated(reason) => format!("{place}: {reason}").into(),
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound { .. } => {
                ApiError::said(SaidKind::NotFound, error.message().expect("said"))
            }
            StoreError::Conflict { detail } => ApiError::of_text(SaidKind::Conflict, detail),
            StoreError::VersionMismatch { current, .. } => ApiError::said(
                SaidKind::PreconditionFailed,
                Message::new("problem-detail-version-mismatch").arg("current", current),
            ),
            StoreError::Rejected { field, reason } => {
                ApiError::invalid(format!("/{field}"), reason)
            }
            StoreError::RejectedAt { pointer, reason } => ApiError::invalid(pointer, reason),
            StoreError::RulesViolated { detail, violations } => {
                let views: Vec<crate::routes::validation_rules::views::RuleJudgement> =
                    violations.into_iter().map(Into::into).collect();
                ApiError::RulesViolated {
                    detail,
                    violations: Box::new(serde_json::to_value(views).unwrap_or_default()),
                }
            }
            // A busy database is a moment's wait for the caller (503 with Retry-After), not a
            // fault of the server.
            error if error.is_busy() => ApiError::Unavailable(error.into()),
            error @ (StoreError::Database { .. } | StoreError::Crypto { .. }) => {
                ApiError::Internal(error.into())
            }
        }
    }
}
