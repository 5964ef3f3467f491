//! The transport that speaks HTTP to a real upstream: builds the profile's body, adds the
//! credential and the `Idempotency-Key`, and sorts the answer into an [`Outcome`].

pub mod answer;
pub mod auth;
pub mod tls;

use std::sync::Arc;
use std::time::Duration;

use futures_util::FutureExt;
use futures_util::future::BoxFuture;
use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderValue};

pub use auth::{EnvSecrets, Secrets};

use crate::delivery::{Delivery, Outcome, Transport};
use crate::payload::{self, Payload};
use crate::target::Target;

pub const IDEMPOTENCY_KEY: &str = "Idempotency-Key";

/// How the transport behaves; [`HttpSettings::default`] suits production.
#[derive(Clone)]
pub struct HttpSettings {
    /// The longest one request may take, connection to last byte of the answer.
    pub timeout: Duration,
    /// Where the secrets named by targets are read.
    pub secrets: Arc<dyn Secrets>,
}

impl Default for HttpSettings {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(30),
            secrets: Arc::new(EnvSecrets),
        }
    }
}

impl std::fmt::Debug for HttpSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpSettings")
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum HttpError {
    #[error("could not set up the HTTP client: {0}")]
    Client(#[source] reqwest::Error),
}

/// Shares one connection pool and one token cache across all targets; cheap to clone.
#[derive(Clone)]
pub struct HttpTransport {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for HttpTransport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpTransport")
            .field("settings", &self.inner.settings)
            .finish_non_exhaustive()
    }
}

struct Inner {
    clients: tls::Clients,
    settings: HttpSettings,
    tokens: auth::TokenCache,
}

impl HttpTransport {
    pub fn new(settings: HttpSettings) -> Result<Self, HttpError> {
        let clients = tls::Clients::new(tls::ClientBase {
            timeout: settings.timeout,
        })
        .map_err(HttpError::Client)?;
        Ok(Self {
            inner: Arc::new(Inner {
                clients,
                settings,
                tokens: auth::TokenCache::default(),
            }),
        })
    }

    async fn deliver(&self, target: &Target, delivery: &Delivery) -> Outcome {
        let inner = &self.inner;
        let payload = match payload::build(target, delivery) {
            Ok(payload) => payload,
            // Status 0: refused here, before anything was sent; the report needs a person.
            Err(error) => {
                return Outcome::Rejected {
                    status: 0,
                    message: error.to_string(),
                };
            }
        };
        // A TLS file gone bad since start-up is an operator's to mend: the entry waits.
        let client = match inner.clients.for_target(target) {
            Ok(client) => client,
            Err(error) => {
                return Outcome::Retry {
                    after: None,
                    reason: error.to_string(),
                };
            }
        };
        let url = format!("{}{}", target.base_url.trim_end_matches('/'), payload.path);
        let secrets = inner.settings.secrets.as_ref();
        let credential = match inner
            .tokens
            .credential(&client, secrets, target, None)
            .await
        {
            Ok(credential) => credential,
            Err(error) => return error.into_outcome(),
        };
        let mut outcome = self
            .submit(&client, &url, &payload, &credential, delivery)
            .await;
        if credential.refreshable && matches!(outcome, Outcome::Rejected { status: 401, .. }) {
            tracing::info!(upstream = %target.code, "token refused: fetching a new one, once");
            outcome = match inner
                .tokens
                .credential(&client, secrets, target, Some(&credential))
                .await
            {
                Ok(fresh) => self.submit(&client, &url, &payload, &fresh, delivery).await,
                Err(error) => error.into_outcome(),
            };
        }
        log_outcome(target, delivery, &outcome);
        outcome
    }

    async fn submit(
        &self,
        client: &reqwest::Client,
        url: &str,
        payload: &Payload,
        credential: &auth::Credential,
        delivery: &Delivery,
    ) -> Outcome {
        let inner = &self.inner;
        let Ok(key) = HeaderValue::from_str(&delivery.idempotency_key) else {
            return Outcome::Rejected {
                status: 0,
                message: format!(
                    "the idempotency key {:?} is not a valid header value",
                    delivery.idempotency_key
                ),
            };
        };
        let mut request = client
            .post(url)
            .header(CONTENT_TYPE, "application/json")
            .header(ACCEPT, "application/json")
            .header(IDEMPOTENCY_KEY, key)
            .body(payload.body.clone());
        if let Some((name, value)) = &credential.header {
            request = request.header(name, value);
        }
        let response = match request.send().await {
            Ok(response) => response,
            Err(error) => return answer::failure_outcome(&error, inner.settings.timeout),
        };
        let status = response.status();
        let headers = response.headers().clone();
        match response.text().await {
            Ok(body) => answer::outcome(payload.profile, status, &headers, &body),
            // The head arrived but not the body: resending under the same key fetches the
            // receipt, which is worth more than a delivery recorded without one.
            Err(error) => answer::failure_outcome(&error, inner.settings.timeout),
        }
    }
}

fn log_outcome(target: &Target, delivery: &Delivery, outcome: &Outcome) {
    let key = delivery.idempotency_key.as_str();
    match outcome {
        Outcome::Delivered { receipt } => {
            tracing::info!(upstream = %target.code, key, receipt = %answer::truncate(receipt, 200), "delivered");
        }
        Outcome::Retry { after, reason } => {
            tracing::warn!(upstream = %target.code, key, ?after, reason = %reason, "not delivered yet");
        }
        Outcome::Rejected { status, message } => {
            tracing::error!(upstream = %target.code, key, status, message = %message, "rejected");
        }
    }
}

impl Transport for HttpTransport {
    fn send<'a>(&'a self, target: &'a Target, delivery: &'a Delivery) -> BoxFuture<'a, Outcome> {
        self.deliver(target, delivery).boxed()
    }
}
