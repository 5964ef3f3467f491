//! Sending one webhook delivery as the Standard Webhooks specification asks: a `POST` of the
//! JSON body with `webhook-id`, `webhook-timestamp` (Unix seconds of this attempt) and
//! `webhook-signature` (one `v1,…` per secret), and what the answer means: a 2xx is
//! delivered, `410 Gone` asks us to stop (the subscription is disabled), anything else is
//! retried with backoff, honouring `Retry-After`. Redirects are not followed (a 3xx fails).

use std::time::Duration;

use chitieu_schema::webhooks::{WebhookSecrets, signature_header};
use reqwest::header::CONTENT_TYPE;

use crate::delivery::Outcome;
use crate::http::answer::{failure_outcome, retry_after};

/// The client deliveries go out with: no redirects, the sync's send timeout.
pub fn client(timeout: Duration) -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(timeout)
        .user_agent(concat!("chitieu-webhooks/", env!("CARGO_PKG_VERSION")))
        .build()
        .unwrap_or_default()
}

/// Signs `body` now and posts it to the subscription's URL.
pub async fn send(
    client: &reqwest::Client,
    secrets: &WebhookSecrets,
    message_id: &str,
    body: &str,
    timeout: Duration,
) -> Outcome {
    let timestamp = chrono::Utc::now().timestamp();
    let signature = match signature_header(&secrets.all(), message_id, timestamp, body) {
        Ok(signature) => signature,
        Err(error) => {
            return Outcome::Rejected {
                status: 0,
                message: error.to_string(),
            };
        }
    };
    let sent = client
        .post(&secrets.url)
        .header(CONTENT_TYPE, "application/json")
        .header("webhook-id", message_id)
        .header("webhook-timestamp", timestamp.to_string())
        .header("webhook-signature", signature)
        .body(body.to_owned())
        .send()
        .await;
    let response = match sent {
        Ok(response) => response,
        Err(error) => return failure_outcome(&error, timeout),
    };
    let status = response.status().as_u16();
    match status {
        200..=299 => Outcome::Delivered {
            receipt: format!("HTTP {status}"),
        },
        410 => Outcome::Rejected {
            status,
            message: "the receiver answered 410 Gone: it wants no more deliveries".to_owned(),
        },
        _ => Outcome::Retry {
            after: retry_after(response.headers()),
            reason: format!("the receiver answered HTTP {status}"),
        },
    }
}
