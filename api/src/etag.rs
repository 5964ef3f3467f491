//! Optimistic concurrency: every editable resource has a version, sent as a strong ETag;
//! changes need `If-Match` with it, so two editors cannot overwrite each other silently.

use std::future::{Ready, ready};

use actix_web::http::header::{self, HeaderValue};
use actix_web::{FromRequest, HttpRequest, HttpResponseBuilder};

use crate::error::ApiError;

pub fn etag_value(version: i32) -> String {
    format!("\"{version}\"")
}

/// Adds the ETag of `version` to a response.
pub fn with_etag(builder: &mut HttpResponseBuilder, version: i32) -> &mut HttpResponseBuilder {
    builder.insert_header((header::ETAG, etag_value(version)))
}

/// The version a change was made against, from `If-Match`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IfMatch {
    /// `If-Match: *`: the caller knowingly overwrites whatever is stored.
    Any,
    Version(i32),
}

impl IfMatch {
    /// The version to compare with, `None` for `*`.
    pub fn expected(self) -> Option<i32> {
        match self {
            IfMatch::Any => None,
            IfMatch::Version(v) => Some(v),
        }
    }

    fn parse(value: &HeaderValue) -> Result<Self, ApiError> {
        let text = value.to_str().unwrap_or("").trim();
        if text == "*" {
            return Ok(IfMatch::Any);
        }
        text.strip_prefix('"')
            .and_then(|t| t.strip_suffix('"'))
            .and_then(|t| t.parse().ok())
            .map(IfMatch::Version)
            .ok_or_else(|| {
                ApiError::PreconditionFailed(format!(
                    "If-Match {text:?} is not an ETag this server issued; send the ETag header \
                     of your last read, such as \"3\""
                ))
            })
    }
}

impl FromRequest for IfMatch {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        ready(match req.headers().get(header::IF_MATCH) {
            Some(value) => IfMatch::parse(value),
            None => Err(ApiError::PreconditionRequired),
        })
    }
}
