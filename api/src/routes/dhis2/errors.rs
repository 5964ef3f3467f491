//! Errors raised before a DHIS2 handler runs (401 from the credentials, 413 and 415 from the
//! body, 400 from an unreadable query, 404 and 405 from routing) are answered as DHIS2 answers
//! them, a `WebMessage` with status ERROR, rather than our problem+json: the document's
//! `Dhis2Error` response says so, and DHIS2 clients read `message` from that shape. Handlers
//! answer WebMessages themselves; this converts whatever problem+json is left, keeping its
//! status and headers (`WWW-Authenticate`, `Retry-After`, `Allow`).

use actix_web::HttpResponse;
use actix_web::body::{BoxBody, MessageBody, to_bytes};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderMap};
use actix_web::middleware::Next;
use serde_json::{Value, json};

/// What `crate::error` answers errors with.
const PROBLEM_CONTENT_TYPE: &str = "application/problem+json";

pub async fn problems_as_web_messages(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    // No clone of the request is kept across the call: actix needs it uniquely owned later.
    // An error returned by an inner middleware (the credentials' 401) becomes a WebMessage
    // here; one of any other kind keeps its own answer.
    let response = match next.call(req).await {
        Ok(response) => response.map_into_boxed_body(),
        Err(error) => {
            let Some(api_error) = error.as_error::<crate::error::ApiError>() else {
                return Err(error);
            };
            let answer = super::web_message_error(api_error);
            return Err(
                actix_web::error::InternalError::from_response(error.to_string(), answer).into(),
            );
        }
    };
    let is_problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|value| {
            value
                .as_bytes()
                .starts_with(PROBLEM_CONTENT_TYPE.as_bytes())
        });
    if !is_problem {
        return Ok(response);
    }
    let (request, response) = response.into_parts();
    let status = response.status();
    let headers = response.headers().clone();
    let body = to_bytes(response.into_body()).await.unwrap_or_default();
    let problem: Value = serde_json::from_slice(&body).unwrap_or_default();
    let mut answer = HttpResponse::build(status);
    copy_headers(&headers, &mut answer);
    let answer = answer.json(json!({
        "httpStatus": status.canonical_reason().unwrap_or(""),
        "httpStatusCode": status.as_u16(),
        "status": "ERROR",
        "message": message_of(&problem),
    }));
    Ok(ServiceResponse::new(request, answer))
}

/// The problem's field errors (`pointer: detail`), or its detail, or its title.
fn message_of(problem: &Value) -> String {
    let fields: Vec<String> = problem["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            let pointer = e["pointer"].as_str().unwrap_or("").trim_start_matches('/');
            let detail = e["detail"].as_str().unwrap_or("");
            format!("{pointer}: {detail}")
        })
        .collect();
    if !fields.is_empty() {
        return fields.join("; ");
    }
    problem["detail"]
        .as_str()
        .or(problem["title"].as_str())
        .unwrap_or("")
        .to_owned()
}

fn copy_headers(headers: &HeaderMap, answer: &mut actix_web::HttpResponseBuilder) {
    for (name, value) in headers {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            answer.append_header((name.clone(), value.clone()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_errors_make_the_message() {
        let problem = json!({"title": "Bad request", "detail": "the query string is invalid",
            "errors": [{"pointer": "/importStrategy", "detail": "unknown variant"}]});
        assert_eq!(message_of(&problem), "importStrategy: unknown variant");
        assert_eq!(
            message_of(&json!({"title": "Unauthorized", "detail": "no credentials"})),
            "no credentials"
        );
    }
}
