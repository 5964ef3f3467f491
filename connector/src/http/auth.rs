//! Credentials for a submission: secrets come from named environment variables (or another
//! [`Secrets`] source in tests); OAuth2 tokens are cached per target and fetched again shortly
//! before they expire or after the upstream refuses them.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, PoisonError};
use std::time::{Duration, Instant};

use reqwest::header::{AUTHORIZATION, HeaderName, HeaderValue};
use serde::Deserialize;
use tokio::sync::Mutex;

use super::answer::{message_of, truncate};
use crate::delivery::Outcome;
use crate::target::{Auth, ClientAuthentication, Target};

/// Where secrets named in the targets come from.
pub trait Secrets: Send + Sync + 'static {
    fn get(&self, name: &str) -> Option<String>;
}

/// The process environment: the production source. `NAME`, or else the file named by
/// `NAME_FILE` (a systemd credential, a container secret), without its final line break.
#[derive(Debug, Clone, Copy, Default)]
pub struct EnvSecrets;

impl Secrets for EnvSecrets {
    fn get(&self, name: &str) -> Option<String> {
        std::env::var(name)
            .ok()
            .filter(|v| !v.is_empty())
            .or_else(|| {
                let path = std::env::var(format!("{name}_FILE")).ok()?;
                let text = std::fs::read_to_string(path.trim()).ok()?;
                Some(text.trim_end_matches(['\n', '\r']).to_owned())
            })
            .filter(|v| !v.is_empty())
    }
}

/// Fixed secrets by name, for tests and tools (setting environment variables is unsafe in
/// edition 2024).
impl Secrets for HashMap<String, String> {
    fn get(&self, name: &str) -> Option<String> {
        HashMap::get(self, name).cloned()
    }
}

/// Tokens are refreshed this long before they expire, so one is never sent as it runs out.
const REFRESH_MARGIN: Duration = Duration::from_secs(30);

/// Why no credential could be had. Never holds a secret.
#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error(
        "target {target}: the secret {name} is not set (neither the environment variable nor a readable {name}_FILE)"
    )]
    MissingSecret { target: String, name: String },
    #[error(
        "target {target}: {header:?} is not a valid header name or the secret is not a valid header value"
    )]
    InvalidHeader { target: String, header: String },
    #[error("target {target}: token request to {url} failed: {reason}")]
    TokenUnreachable {
        target: String,
        url: String,
        reason: String,
    },
    #[error("target {target}: token endpoint {url} answered {status}: {message}")]
    TokenRefused {
        target: String,
        url: String,
        status: u16,
        message: String,
    },
}

impl AuthError {
    /// A refusal of our client credentials needs a person; anything else may pass later
    /// (a secret set by the operator, an endpoint back up), so the entry waits and retries.
    pub fn into_outcome(self) -> Outcome {
        let refused = match &self {
            AuthError::TokenRefused { status, .. } if super::answer::is_refusal(*status) => {
                Some(*status)
            }
            _ => None,
        };
        match refused {
            Some(status) => Outcome::Rejected {
                status,
                message: self.to_string(),
            },
            None => Outcome::Retry {
                after: None,
                reason: self.to_string(),
            },
        }
    }
}

/// A header to add to the submission; its value is marked sensitive so it is never printed.
#[derive(Clone)]
pub struct Credential {
    pub header: Option<(HeaderName, HeaderValue)>,
    /// Set for OAuth2 tokens: a 401 is then worth one refresh.
    pub refreshable: bool,
}

impl fmt::Debug for Credential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credential")
            .field("header", &self.header.as_ref().map(|(name, _)| name))
            .field("refreshable", &self.refreshable)
            .finish()
    }
}

#[derive(Clone)]
struct CachedToken {
    access_token: String,
    refresh_at: Option<Instant>,
}

type TokenKey = (String, String, String);
type TokenSlot = Arc<Mutex<Option<CachedToken>>>;

/// OAuth2 tokens by (target, token URL, client id), each behind its own lock so a slow token
/// endpoint holds up only its own target.
#[derive(Default)]
pub struct TokenCache {
    slots: std::sync::Mutex<HashMap<TokenKey, TokenSlot>>,
}

#[derive(Deserialize)]
struct TokenAnswer {
    access_token: String,
    expires_in: Option<u64>,
}

impl TokenCache {
    fn slot(&self, key: TokenKey) -> TokenSlot {
        let mut slots = self.slots.lock().unwrap_or_else(PoisonError::into_inner);
        Arc::clone(slots.entry(key).or_default())
    }

    /// The credential for `target`. `stale` is the token a 401 was just answered to: it is
    /// dropped (unless another submission already replaced it) and a new one fetched.
    pub async fn credential(
        &self,
        client: &reqwest::Client,
        secrets: &dyn Secrets,
        target: &Target,
        stale: Option<&Credential>,
    ) -> Result<Credential, AuthError> {
        let secret = |name: &str| {
            secrets.get(name).ok_or_else(|| AuthError::MissingSecret {
                target: target.code.clone(),
                name: name.to_owned(),
            })
        };
        let header = |name: HeaderName, value: String| {
            let mut value =
                HeaderValue::from_str(&value).map_err(|_| AuthError::InvalidHeader {
                    target: target.code.clone(),
                    header: name.to_string(),
                })?;
            value.set_sensitive(true);
            Ok::<_, AuthError>(Some((name, value)))
        };
        match &target.auth {
            Auth::None => Ok(Credential {
                header: None,
                refreshable: false,
            }),
            Auth::Bearer { token_env } => Ok(Credential {
                header: header(AUTHORIZATION, format!("Bearer {}", secret(token_env)?))?,
                refreshable: false,
            }),
            Auth::ApiKey {
                header: name,
                key_env,
            } => {
                let name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
                    AuthError::InvalidHeader {
                        target: target.code.clone(),
                        header: name.clone(),
                    }
                })?;
                Ok(Credential {
                    header: header(name, secret(key_env)?)?,
                    refreshable: false,
                })
            }
            Auth::Basic {
                username,
                password_env,
            } => {
                use base64::Engine as _;
                let pair = format!("{username}:{}", secret(password_env)?);
                let encoded = base64::engine::general_purpose::STANDARD.encode(pair);
                Ok(Credential {
                    header: header(AUTHORIZATION, format!("Basic {encoded}"))?,
                    refreshable: false,
                })
            }
            Auth::ApiToken { token_env } => Ok(Credential {
                header: header(AUTHORIZATION, format!("ApiToken {}", secret(token_env)?))?,
                refreshable: false,
            }),
            Auth::OAuth2ClientCredentials {
                token_url,
                client_id,
                client_secret_env,
                scope,
                client_authentication,
            } => {
                let slot = self.slot((target.code.clone(), token_url.clone(), client_id.clone()));
                // Held across the fetch so concurrent submissions wait for one token instead
                // of each asking for their own.
                let mut cached_token = slot.lock().await;
                let sent_stale = |cached: &CachedToken| {
                    stale
                        .and_then(|s| s.header.as_ref())
                        .is_some_and(|(_, value)| {
                            value.as_bytes() == format!("Bearer {}", cached.access_token).as_bytes()
                        })
                };
                let usable = cached_token.as_ref().filter(|cached| {
                    cached.refresh_at.is_none_or(|at| Instant::now() < at) && !sent_stale(cached)
                });
                let token = match usable {
                    Some(cached) => cached.clone(),
                    None => {
                        let secret = secret(client_secret_env)?;
                        let client_auth = ClientAuth {
                            id: client_id,
                            secret: &secret,
                            how: *client_authentication,
                        };
                        let fresh =
                            fetch_token(client, target, token_url, client_auth, scope).await?;
                        *cached_token = Some(fresh.clone());
                        fresh
                    }
                };
                Ok(Credential {
                    header: header(AUTHORIZATION, format!("Bearer {}", token.access_token))?,
                    refreshable: true,
                })
            }
        }
    }
}

/// The client's credentials for a token request, and where they go.
struct ClientAuth<'a> {
    id: &'a str,
    secret: &'a str,
    how: ClientAuthentication,
}

async fn fetch_token(
    client: &reqwest::Client,
    target: &Target,
    token_url: &str,
    client_auth: ClientAuth<'_>,
    scope: &Option<String>,
) -> Result<CachedToken, AuthError> {
    let unreachable = |reason: String| AuthError::TokenUnreachable {
        target: target.code.clone(),
        url: token_url.to_owned(),
        reason,
    };
    let mut form = vec![("grant_type", "client_credentials")];
    if client_auth.how == ClientAuthentication::Body {
        form.push(("client_id", client_auth.id));
        form.push(("client_secret", client_auth.secret));
    }
    if let Some(scope) = scope {
        form.push(("scope", scope));
    }
    let asked_at = Instant::now();
    let mut request = client.post(token_url).form(&form);
    if client_auth.how == ClientAuthentication::Basic {
        request = request.basic_auth(client_auth.id, Some(client_auth.secret));
    }
    let response = request
        .send()
        .await
        .map_err(|e| unreachable(super::answer::network_reason(&e)))?;
    let status = response.status();
    let body = response
        .text()
        .await
        .map_err(|e| unreachable(super::answer::network_reason(&e)))?;
    if !status.is_success() {
        return Err(AuthError::TokenRefused {
            target: target.code.clone(),
            url: token_url.to_owned(),
            status: status.as_u16(),
            message: message_of(&body, status),
        });
    }
    let answer: TokenAnswer = serde_json::from_str(&body).map_err(|e| {
        unreachable(format!(
            "the answer is not a token ({e}): {}",
            truncate(&body, 200)
        ))
    })?;
    Ok(CachedToken {
        access_token: answer.access_token,
        refresh_at: answer.expires_in.map(|seconds| {
            let lifetime = Duration::from_secs(seconds);
            // A lifetime shorter than two margins would never be reused: keep half of it.
            asked_at + lifetime.saturating_sub(REFRESH_MARGIN.min(lifetime / 2))
        }),
    })
}
