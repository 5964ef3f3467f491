//! What an upstream's answer (or its absence) means for the outbox entry: delivered with a
//! receipt, worth retrying (with the upstream's `Retry-After`), or refused for good.

use std::error::Error as _;
use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::{HeaderMap, LOCATION, RETRY_AFTER};
use serde_json::Value;

use crate::delivery::Outcome;
use crate::target::Profile;

/// Upstream messages are kept with the entry and shown to people: long enough to explain,
/// short enough not to carry a whole HTML error page.
pub const MAX_MESSAGE_CHARS: usize = 2_000;

/// A 4xx that a retry of the same request cannot fix (408 and 429 can).
pub fn is_refusal(status: u16) -> bool {
    (400..500).contains(&status) && status != 408 && status != 429
}

/// The outcome of an answer whose head and body arrived.
pub fn outcome(profile: Profile, status: StatusCode, headers: &HeaderMap, body: &str) -> Outcome {
    let code = status.as_u16();
    if status.is_success() {
        let json = serde_json::from_str::<Value>(body).ok();
        if profile == Profile::Dhis2
            && let Some(json) = &json
            && dhis2_import_failed(json)
        {
            // Older DHIS2 versions answer a failed import with 200 and status ERROR.
            return Outcome::Rejected {
                status: code,
                message: message_of(body, status),
            };
        }
        return Outcome::Delivered {
            receipt: json
                .as_ref()
                .and_then(receipt_id)
                .unwrap_or_else(|| match body.trim() {
                    "" => format!("HTTP {code}"),
                    text => truncate(text, MAX_MESSAGE_CHARS),
                }),
        };
    }
    if status.is_redirection() {
        let location = headers
            .get(LOCATION)
            .and_then(|l| l.to_str().ok())
            .unwrap_or("nowhere given");
        return Outcome::Rejected {
            status: code,
            message: format!(
                "the upstream redirects to {}: correct the target's base URL",
                truncate(location, 500)
            ),
        };
    }
    if is_refusal(code) {
        return Outcome::Rejected {
            status: code,
            message: message_of(body, status),
        };
    }
    Outcome::Retry {
        after: retry_after(headers),
        reason: format!("HTTP {code}: {}", message_of(body, status)),
    }
}

/// The outcome when no complete answer arrived: all of these are worth a retry, since the
/// idempotency key makes a resend safe even if the upstream stored the first one.
pub fn failure_outcome(error: &reqwest::Error, timeout: Duration) -> Outcome {
    let reason = if error.is_timeout() {
        format!("no answer within {} s", timeout.as_secs_f64())
    } else {
        network_reason(error)
    };
    Outcome::Retry {
        after: None,
        reason,
    }
}

/// The error and its causes in one line, without the URL (which may carry a query we do not
/// want in logs) and without the request, which carries the secrets.
pub fn network_reason(error: &reqwest::Error) -> String {
    let kind = if error.is_connect() {
        "could not connect"
    } else if error.is_timeout() {
        "timed out"
    } else {
        "the connection failed"
    };
    let mut reason = kind.to_owned();
    let mut source = error.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !reason.ends_with(&text) {
            reason.push_str(": ");
            reason.push_str(&text);
        }
        source = cause.source();
    }
    reason
}

/// `Retry-After` as delay-seconds or an HTTP date; a date in the past means now.
pub fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let text = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = text.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = chrono::DateTime::parse_from_rfc2822(text).ok()?;
    let wait = at.with_timezone(&chrono::Utc) - chrono::Utc::now();
    Some(wait.to_std().unwrap_or(Duration::ZERO))
}

/// The upstream's own explanation: problem+json `detail`, a JSON `message` (DHIS2 and most
/// APIs), an OAuth2 `error_description`, or the body text; the reason phrase when empty.
pub fn message_of(body: &str, status: StatusCode) -> String {
    let json = serde_json::from_str::<Value>(body).ok();
    let field = |name: &str| {
        json.as_ref()
            .and_then(|j| j.get(name))
            .and_then(Value::as_str)
            .filter(|s| !s.trim().is_empty())
            .map(str::to_owned)
    };
    let message = field("detail")
        .or_else(|| field("message"))
        .or_else(|| field("error_description"))
        .or_else(|| field("description"))
        .or_else(|| field("title"))
        .or_else(|| field("error"))
        .unwrap_or_else(|| body.trim().to_owned());
    if message.is_empty() {
        return status.canonical_reason().unwrap_or("no message").to_owned();
    }
    truncate(&message, MAX_MESSAGE_CHARS)
}

fn receipt_id(json: &Value) -> Option<String> {
    ["receipt", "receiptId", "reference", "id"]
        .iter()
        .find_map(|name| match json.get(name)? {
            Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
}

/// DHIS2 answers either an import summary or a web message wrapping one.
fn dhis2_import_failed(json: &Value) -> bool {
    let error = |v: &Value| v.get("status").and_then(Value::as_str) == Some("ERROR");
    error(json) || json.get("response").is_some_and(error)
}

pub fn truncate(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use reqwest::header::HeaderValue;

    use super::*;

    fn with_retry_after(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(RETRY_AFTER, HeaderValue::from_str(value).unwrap());
        headers
    }

    #[test]
    fn retry_after_is_read_as_seconds_or_as_an_http_date() {
        assert_eq!(
            retry_after(&with_retry_after("7")),
            Some(Duration::from_secs(7))
        );
        let in_a_minute = (chrono::Utc::now() + chrono::Duration::seconds(60))
            .format("%a, %d %b %Y %H:%M:%S GMT")
            .to_string();
        let wait = retry_after(&with_retry_after(&in_a_minute)).unwrap();
        assert!(wait > Duration::from_secs(55) && wait <= Duration::from_secs(60));
        assert_eq!(
            retry_after(&with_retry_after("Sun, 06 Nov 1994 08:49:37 GMT")),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after(&with_retry_after("soon")), None);
    }

    #[test]
    fn the_message_is_the_problem_detail_then_a_json_message_then_the_text() {
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        assert_eq!(
            message_of(r#"{"title":"Invalid","detail":"unit is missing"}"#, status),
            "unit is missing"
        );
        assert_eq!(
            message_of(r#"{"message":"no such dataSet"}"#, status),
            "no such dataSet"
        );
        assert_eq!(message_of("plain words", status), "plain words");
        assert_eq!(message_of("", status), "Unprocessable Entity");
        let long = "x".repeat(5_000);
        assert_eq!(
            message_of(&long, status).chars().count(),
            MAX_MESSAGE_CHARS + 1
        );
    }

    #[test]
    fn a_dhis2_answer_with_status_error_is_a_rejection_even_with_200() {
        let body = r#"{"status":"ERROR","message":"dataSet not found"}"#;
        let outcome = outcome(Profile::Dhis2, StatusCode::OK, &HeaderMap::new(), body);
        assert_eq!(
            outcome,
            Outcome::Rejected {
                status: 200,
                message: "dataSet not found".into()
            }
        );
    }

    #[test]
    fn statuses_are_sorted_into_delivered_retry_and_rejected() {
        let headers = HeaderMap::new();
        let of = |code: u16| {
            outcome(
                Profile::Theodoinq,
                StatusCode::from_u16(code).unwrap(),
                &headers,
                r#"{"receipt":"R-1"}"#,
            )
        };
        assert_eq!(
            of(201),
            Outcome::Delivered {
                receipt: "R-1".into()
            }
        );
        for code in [408, 429, 500, 502, 503] {
            assert!(matches!(of(code), Outcome::Retry { .. }), "{code}");
        }
        for code in [301, 302, 307, 400, 401, 403, 404, 409, 422] {
            assert!(matches!(of(code), Outcome::Rejected { status, .. } if status == code));
        }
    }
}
