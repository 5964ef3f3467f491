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

    /// An ETag this server never issued (weak, a list, not a version) matches no version:
    /// versions start at 1, so it stands for version 0 and the change is refused with 412 when
    /// the store compares versions, after the request itself was validated (a malformed body
    /// is a 400 whatever `If-Match` says).
    fn parse(value: &HeaderValue) -> Self {
        let text = value.to_str().unwrap_or("").trim();
        if text == "*" {
            return IfMatch::Any;
        }
        text.strip_prefix('"')
            .and_then(|t| t.strip_suffix('"'))
            .and_then(|t| t.parse().ok())
            .map_or(IfMatch::Version(0), IfMatch::Version)
    }
}

impl FromRequest for IfMatch {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        ready(match req.headers().get(header::IF_MATCH) {
            Some(value) => Ok(IfMatch::parse(value)),
            None => Err(ApiError::PreconditionRequired),
        })
    }
}
