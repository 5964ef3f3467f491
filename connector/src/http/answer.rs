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
    if profile == Profile::Dhis2
        && (status.is_success() || code == 409)
        && let Some(message) = serde_json::from_str::<Value>(body)
            .ok()
            .as_ref()
            .and_then(dhis2_not_imported)
    {
        // WARNING (part stored: 409 before 2.43, 200 since) and ERROR are never delivered:
        // the operator must see every value DHIS2 refused.
        return Outcome::Rejected {
            status: code,
            message,
        };
    }
    if status.is_success() {
        let json = serde_json::from_str::<Value>(body).ok();
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
    // DHIS2 puts its reference in the web message's `response`.
    let fields = [
        "/receipt",
        "/receiptId",
        "/reference",
        "/id",
        "/response/reference",
    ];
    fields
        .iter()
        .find_map(|pointer| match json.pointer(pointer)? {
            Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
}

/// For a DHIS2 answer whose import summary says WARNING or ERROR (a bare `ImportSummary`, or
/// a `WebMessage` wrapping one), the message for the operator: the status, the counts and every
/// conflict's message (`conflicts[].value`) with its error code and rows.
fn dhis2_not_imported(json: &Value) -> Option<String> {
    let summary = json
        .get("response")
        .filter(|r| r.get("status").is_some())
        .unwrap_or(json);
    let status = summary.get("status").and_then(Value::as_str)?;
    if status != "WARNING" && status != "ERROR" {
        return None;
    }
    let count = |name: &str| {
        summary
            .pointer(&format!("/importCount/{name}"))
            .and_then(Value::as_u64)
            .unwrap_or(0)
    };
    let conflicts: Vec<String> = summary
        .get("conflicts")
        .and_then(Value::as_array)
        .map(|all| all.iter().map(conflict_line).collect())
        .unwrap_or_default();
    let mut message = format!(
        "DHIS2 import {status}: imported {}, updated {}, ignored {}, deleted {}",
        count("imported"),
        count("updated"),
        count("ignored"),
        count("deleted")
    );
    if conflicts.is_empty() {
        let said = json
            .get("message")
            .or_else(|| summary.get("description"))
            .and_then(Value::as_str)
            .unwrap_or("no conflict listed");
        message.push_str(&format!("; {said}"));
    } else {
        message.push_str(&format!(
            "; {} conflict(s): {}",
            conflicts.len(),
            conflicts.join("; ")
        ));
    }
    Some(truncate(&message, MAX_MESSAGE_CHARS))
}

/// `[E7610] Data element not found or not accessible: `X` (rows 3, 4)`.
fn conflict_line(conflict: &Value) -> String {
    let text = |name: &str| conflict.get(name).and_then(Value::as_str).unwrap_or("");
    let mut line = match text("errorCode") {
        "" => String::new(),
        code => format!("[{code}] "),
    };
    line.push_str(match text("value") {
        "" => text("object"),
        message => message,
    });
    let rows: Vec<String> = conflict
        .get("indexes")
        .and_then(Value::as_array)
        .map(|rows| rows.iter().map(Value::to_string).collect())
        .unwrap_or_default();
    if !rows.is_empty() {
        line.push_str(&format!(" (rows {})", rows.join(", ")));
    }
    line
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
        let body = r#"{"status":"ERROR","description":"dataSet not found","importCount":{}}"#;
        let outcome = outcome(Profile::Dhis2, StatusCode::OK, &HeaderMap::new(), body);
        assert_eq!(
            outcome,
            Outcome::Rejected {
                status: 200,
                message: "DHIS2 import ERROR: imported 0, updated 0, ignored 0, deleted 0; \
                    dataSet not found"
                    .into()
            }
        );
    }

    #[test]
    fn a_dhis2_warning_is_never_delivered_and_lists_every_conflict() {
        let body = r#"{"httpStatus":"OK","httpStatusCode":200,"status":"WARNING",
            "message":"Import completed with warnings, please check import summary.",
            "response":{"responseType":"ImportSummary","status":"WARNING",
              "importCount":{"imported":0,"updated":3,"ignored":2,"deleted":0},
              "conflicts":[
                {"object":"X","value":"Data element not found or not accessible: `X`",
                 "errorCode":"E7610","property":"dataElement","indexes":[1]},
                {"object":"Y","value":"Period not valid: `Y`","errorCode":"E7611",
                 "property":"period","indexes":[4]}]}}"#;
        for code in [200, 409] {
            let status = StatusCode::from_u16(code).unwrap();
            let Outcome::Rejected { message, .. } =
                outcome(Profile::Dhis2, status, &HeaderMap::new(), body)
            else {
                panic!("a WARNING must need attention");
            };
            assert_eq!(
                message,
                "DHIS2 import WARNING: imported 0, updated 3, ignored 2, deleted 0; 2 \
                 conflict(s): [E7610] Data element not found or not accessible: `X` (rows 1); \
                 [E7611] Period not valid: `Y` (rows 4)"
            );
        }
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
