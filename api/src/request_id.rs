//! Request ids: taken from `X-Request-Id` when the caller sends a sensible one, otherwise made
//! up; returned in the response header, in every problem document and in every log line.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use chitieu_schema::messages::Lang;
use tracing::Instrument;

pub const HEADER: HeaderName = HeaderName::from_static("x-request-id");

/// What error responses need to know about the request being served.
#[derive(Debug, Clone)]
pub struct RequestContext {
    pub id: String,
    pub path: String,
    /// The language the caller's `Accept-Language` asks for: problem titles, details and field
    /// errors are said in it.
    pub lang: Lang,
}

tokio::task_local! {
    static CONTEXT: RequestContext;
}

/// The context of the request this task is serving, if any.
pub fn current() -> Option<RequestContext> {
    CONTEXT.try_with(Clone::clone).ok()
}

/// The language of the request this task is serving; English outside a request.
pub fn lang() -> Lang {
    CONTEXT.try_with(|c| c.lang).unwrap_or_default()
}

pub async fn middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody + 'static>, actix_web::Error> {
    let id = req
        .headers()
        .get(&HEADER)
        .and_then(|v| v.to_str().ok())
        .filter(|v| is_acceptable(v))
        .map(str::to_owned)
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let context = RequestContext {
        id: id.clone(),
        path: req.path().to_owned(),
        lang: Lang::from_accept_language(
            req.headers()
                .get(actix_web::http::header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok()),
        ),
    };
    let client_ip = crate::auth::client_ip(req.request())
        .map(|ip| ip.to_string())
        .unwrap_or_default();
    let span = tracing::info_span!(
        "request",
        request_id = %id,
        client_ip = %client_ip,
        method = %req.method(),
        path = %req.path(),
    );
    let started = Instant::now();
    let result = CONTEXT
        .scope(context, next.call(req))
        .instrument(span.clone())
        .await;
    let _entered = span.enter();
    match result {
        Ok(mut response) => {
            let status = response.status().as_u16();
            let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
            tracing::info!(status, elapsed_ms, "served");
            if let Ok(value) = HeaderValue::from_str(&id) {
                response.headers_mut().insert(HEADER, value);
            }
            Ok(response)
        }
        Err(error) => {
            tracing::warn!(%error, "request failed before a response was made");
            Err(error)
        }
    }
}

/// Caller-supplied ids are echoed into logs, so only short printable ones are kept.
fn is_acceptable(id: &str) -> bool {
    (1..=128).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b))
}
