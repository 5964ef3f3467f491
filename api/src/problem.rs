//! RFC 9457 problem details: the one error shape of the API.

use chitieu_schema::messages::{Lang, Message, Text};
use serde::Serialize;
use utoipa::ToSchema;

/// An error answer (`application/problem+json`).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "type": "urn:chitieu:problem:invalid-field",
    "title": "A field is invalid",
    "status": 422,
    "detail": "1 field is invalid",
    "instance": "/api/v1/org-units",
    "requestId": "5f0c6f0e-8a59-4c1b-9a57-0b1f3d2f8e11",
    "errors": [{"pointer": "/code", "detail": "a commune code has exactly 5 digits (QĐ 19/2025/QĐ-TTg)"}]
}))]
pub struct Problem {
    /// A URI naming the kind of problem.
    #[serde(rename = "type")]
    pub problem_type: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// The request path.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    /// The request id, also in the `X-Request-Id` response header and the server's logs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// One entry per invalid field.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// Only on 409 from `POST /api/v1/dataValueSets`: the import summary of a rejected import
    /// (status `ERROR`, its conflicts), as a 200 answer would carry it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<chitieu_schema::dhis2::ImportSummary>)]
    pub import_summary: Option<serde_json::Value>,
    /// Only on 422 from `POST /api/v1/reports/…/submit`: each validation rule that refuses the
    /// submission, with both sides' values.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Vec<crate::routes::validation_rules::views::RuleJudgement>>)]
    pub violations: Option<serde_json::Value>,
}

/// What is wrong with one field of the request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct FieldError {
    /// A JSON Pointer (RFC 6901) to the field in the request body, or the name of the query or
    /// path parameter. The same in every language.
    pub pointer: String,
    /// What is wrong, in the language of the request's `Accept-Language`.
    pub detail: String,
    /// The detail as a catalogue message, said in the caller's language when the problem is
    /// answered; `detail` holds it in English meanwhile.
    #[serde(skip)]
    pub message: Option<Message>,
}

impl FieldError {
    pub fn new(pointer: impl Into<String>, detail: impl Into<Text>) -> Self {
        let detail = detail.into();
        Self {
            pointer: pointer.into(),
            detail: detail.to_string(),
            message: match detail {
                Text::Message(message) => Some(message),
                Text::Untranslated(_) => None,
            },
        }
    }

    /// The same error in `lang`.
    pub fn in_lang(&self, lang: Lang) -> FieldError {
        FieldError {
            pointer: self.pointer.clone(),
            detail: self
                .message
                .as_ref()
                .map_or_else(|| self.detail.clone(), |m| m.in_lang(lang)),
            message: self.message.clone(),
        }
    }

    /// The same error at another pointer (a field nested in a larger request).
    pub fn at(self, pointer: impl Into<String>) -> FieldError {
        FieldError {
            pointer: pointer.into(),
            ..self
        }
    }
}
