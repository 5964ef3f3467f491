//! The transport that speaks HTTP to a real upstream: builds the profile's body, adds the
//! credential and the `Idempotency-Key`, and sorts the answer into an [`Outcome`].

pub mod answer;
pub mod auth;
pub mod outgoing;
pub mod tls;

use std::sync::Arc;
use std::time::Duration;

use futures_util::FutureExt;
use futures_util::future::BoxFuture;
use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderValue};

use outgoing::Outgoing;

pub use auth::{EnvSecrets, Secrets};

use crate::delivery::{Delivery, Outcome, Transport};
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
        let answered = self.exchange(target, delivery).await;
        log_outcome(target, delivery, &answered.outcome);
        answered.outcome
    }

    /// Sends one delivery once, as `chitieu sync check --send` does: the outcome as the
    /// worker would record it, with the upstream's status and body as they came.
    pub async fn check(&self, target: &Target, delivery: &Delivery) -> Answered {
        self.exchange(target, delivery).await
    }

    async fn exchange(&self, target: &Target, delivery: &Delivery) -> Answered {
        let inner = &self.inner;
        let outgoing = match outgoing::prepare(target, delivery) {
            Ok(outgoing) => outgoing,
            // Status 0: refused here, before anything was sent; the report needs a person.
            Err(message) => {
                return Answered::unsent(Outcome::Rejected { status: 0, message });
            }
        };
        // A TLS file gone bad since start-up is an operator's to mend: the entry waits.
        let client = match inner.clients.for_target(target) {
            Ok(client) => client,
            Err(error) => {
                return Answered::unsent(Outcome::Retry {
                    after: None,
                    reason: error.to_string(),
                });
            }
        };
        let url = format!("{}{}", target.base_url.trim_end_matches('/'), outgoing.path);
        let secrets = inner.settings.secrets.as_ref();
        let credential = match inner
            .tokens
            .credential(&client, secrets, target, None)
            .await
        {
            Ok(credential) => credential,
            Err(error) => return Answered::unsent(error.into_outcome()),
        };
        let mut answered = self
            .submit(&client, &url, &outgoing, &credential, delivery)
            .await;
        if credential.refreshable
            && matches!(answered.outcome, Outcome::Rejected { status: 401, .. })
        {
            tracing::info!(upstream = %target.code, "token refused: fetching a new one, once");
            answered = match inner
                .tokens
                .credential(&client, secrets, target, Some(&credential))
                .await
            {
                Ok(fresh) => {
                    self.submit(&client, &url, &outgoing, &fresh, delivery)
                        .await
                }
                Err(error) => Answered::unsent(error.into_outcome()),
            };
        }
        answered
    }

    async fn submit(
        &self,
        client: &reqwest::Client,
        url: &str,
        outgoing: &Outgoing,
        credential: &auth::Credential,
        delivery: &Delivery,
    ) -> Answered {
        let inner = &self.inner;
        let Ok(key) = HeaderValue::from_str(&delivery.idempotency_key) else {
            return Answered::unsent(Outcome::Rejected {
                status: 0,
                message: format!(
                    "the idempotency key {:?} is not a valid header value",
                    delivery.idempotency_key
                ),
            });
        };
        let mut request = client
            .request(outgoing.method.clone(), url)
            .header(CONTENT_TYPE, outgoing.content_type.as_str())
            .header(ACCEPT, "application/json")
            .header(IDEMPOTENCY_KEY, key)
            .body(outgoing.body.clone());
        for (name, value) in &outgoing.headers {
            request = request.header(name, value);
        }
        if let Some((name, value)) = &credential.header {
            request = request.header(name, value);
        }
        let response = match request.send().await {
            Ok(response) => response,
            Err(error) => {
                return Answered::unsent(answer::failure_outcome(&error, inner.settings.timeout));
            }
        };
        let status = response.status();
        let headers = response.headers().clone();
        match response.text().await {
            Ok(body) => Answered {
                outcome: outgoing.reading.outcome(status, &headers, &body),
                status: Some(status.as_u16()),
                body: Some(body),
            },
            // The head arrived but not the body: resending under the same key fetches the
            // receipt, which is worth more than a delivery recorded without one.
            Err(error) => Answered {
                outcome: answer::failure_outcome(&error, inner.settings.timeout),
                status: Some(status.as_u16()),
                body: None,
            },
        }
    }
}

/// What came of one exchange: the outcome as chitieu reads it, and the upstream's status and
/// body when an answer arrived.
#[derive(Debug, Clone, PartialEq)]
pub struct Answered {
    pub outcome: Outcome,
    pub status: Option<u16>,
    pub body: Option<String>,
}

impl Answered {
    fn unsent(outcome: Outcome) -> Self {
        Self {
            outcome,
            status: None,
            body: None,
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
