//! `Idempotency-Key` for POST endpoints: a retried request returns the first answer (same
//! status and body, with `Idempotent-Replayed: true`); the same key with another request
//! (another endpoint, report or body) is refused with 422; a retry while the first request is
//! still running gets 409. Keys are scoped per caller subject. Answers with a 5xx status are not
//! kept, so such a request can be retried with the same key. A key left unfinished (its server
//! was killed mid-request) is taken over by a retry after the lease
//! (`CHITIEU_IDEMPOTENCY_LEASE_SECONDS`, 5 minutes); keys expire after
//! `CHITIEU_IDEMPOTENCY_TTL_SECONDS` (24 hours), when the same key starts a new request.

use std::future::Future;

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, ResponseError, web};
use chitieu_schema::reports::idempotency::{self, Claim};

use crate::auth::Caller;
use crate::error::ApiError;
use crate::etag::etag_value;
use crate::integrity_settings::IntegritySettings;
use crate::state::AppState;

pub const HEADER: &str = "Idempotency-Key";
const REPLAYED: HeaderName = HeaderName::from_static("idempotent-replayed");

/// Runs `work` at most once per (caller, key); without the header it just runs `work`.
/// `fingerprint` is what identifies the request besides its method and path (its body, its
/// If-Match).
pub async fn idempotent<Fut>(
    state: &AppState,
    caller: &Caller,
    req: &HttpRequest,
    fingerprint: &[&[u8]],
    work: impl FnOnce() -> Fut,
) -> Result<HttpResponse, ApiError>
where
    Fut: Future<Output = Result<HttpResponse, ApiError>>,
{
    let Some(raw) = req.headers().get(HEADER) else {
        return work().await;
    };
    let key = raw
        .to_str()
        .ok()
        .filter(|k| (1..=255).contains(&k.len()) && k.bytes().all(|b| b.is_ascii_graphic()))
        .ok_or_else(|| {
            ApiError::invalid(
                HEADER,
                chitieu_schema::messages::Message::new("idempotency-key-shape"),
            )
        })?
        .to_owned();
    let endpoint = format!("{} {}", req.method(), req.path());
    let mut parts: Vec<&[u8]> = vec![endpoint.as_bytes()];
    parts.extend_from_slice(fingerprint);
    let hash = idempotency::request_hash(&parts);
    let subject = caller.subject().to_owned();

    let times = req
        .app_data::<web::Data<IntegritySettings>>()
        .map(|settings| settings.idempotency)
        .unwrap_or_default();
    let claim = {
        let (subject, key, endpoint) = (subject.clone(), key.clone(), endpoint.clone());
        state
            .db(move |conn| idempotency::claim(conn, &subject, &key, &endpoint, &hash, times))
            .await?
    };
    match claim {
        Claim::Replay { status, body } => return Ok(replay(status, body)),
        Claim::InFlight => {
            return Err(ApiError::said(
                crate::error::SaidKind::Conflict,
                chitieu_schema::messages::Message::new("idempotency-in-progress")
                    .arg("header", HEADER),
            ));
        }
        Claim::Mismatch { endpoint: first } => {
            return Err(ApiError::invalid(
                HEADER,
                chitieu_schema::messages::Message::new("idempotency-key-reused")
                    .arg("first", first),
            ));
        }
        Claim::Fresh => {}
    }

    let response = match work().await {
        Ok(response) => response,
        Err(error) => error.error_response(),
    };
    let status = response.status();
    if status.is_server_error() {
        state
            .db(move |conn| idempotency::release(conn, &subject, &key))
            .await?;
        return Ok(response);
    }
    let headers = response.headers().clone();
    let bytes = actix_web::body::to_bytes(response.into_body())
        .await
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("reading a response body: {e}")))?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    state
        .db(move |conn| idempotency::complete(conn, &subject, &key, status.as_u16(), &text))
        .await?;
    let mut rebuilt = HttpResponse::build(status);
    for (name, value) in headers.iter() {
        rebuilt.append_header((name.clone(), value.clone()));
    }
    Ok(rebuilt.body(bytes))
}

/// The first answer again: its status and body, with its content type and ETag.
fn replay(status: u16, body: String) -> HttpResponse {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
    let mut response = HttpResponse::build(status);
    let content_type = if status.is_success() {
        "application/json"
    } else {
        "application/problem+json"
    };
    response.insert_header((header::CONTENT_TYPE, content_type));
    response.insert_header((REPLAYED, HeaderValue::from_static("true")));
    if status.is_success() {
        let version = serde_json::from_str::<serde_json::Value>(&body)
            .ok()
            .and_then(|v| v.get("version").and_then(|v| v.as_i64()))
            .and_then(|v| i32::try_from(v).ok());
        if let Some(version) = version {
            response.insert_header((header::ETAG, etag_value(version)));
        }
    }
    response.body(body)
}
