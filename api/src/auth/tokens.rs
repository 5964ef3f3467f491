//! Access tokens: HS256 JWTs whose algorithm, issuer, audience and expiry are all checked.
//! A token only names its subject (and, for a person, the token generation of the account when
//! it was issued); role and scope are read from the database on every request, so a change of
//! role or a disabled account takes effect at once, and a token of an older generation (issued
//! before a password change, reset, disabling, or change of role or home unit) is refused.

use std::time::Duration;

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

use super::settings::JwtSecret;
use crate::error::ApiError;

/// The `iss` of every token this service issues.
pub const ISSUER: &str = "chitieu";
/// The `aud` of every token this service issues: its API.
pub const AUDIENCE: &str = "chitieu-api";
/// The one algorithm accepted: pinned, so a token cannot choose how it is checked.
pub const ALGORITHM: Algorithm = Algorithm::HS256;

/// Who a token was issued to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    User { name: String, generation: i32 },
    ApiKey(String),
}

impl Subject {
    fn to_claim(&self) -> String {
        match self {
            Subject::User { name, .. } => format!("user:{name}"),
            Subject::ApiKey(prefix) => format!("key:{prefix}"),
        }
    }

    fn generation(&self) -> Option<i32> {
        match self {
            Subject::User { generation, .. } => Some(*generation),
            Subject::ApiKey(_) => None,
        }
    }

    fn from_claims(raw: &str, generation: Option<i32>) -> Option<Self> {
        match raw.split_once(':')? {
            ("user", name) => Some(Subject::User {
                name: name.to_owned(),
                // A token without a generation predates them: it is of generation 0.
                generation: generation.unwrap_or(0),
            }),
            ("key", prefix) => Some(Subject::ApiKey(prefix.to_owned())),
            _ => None,
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    sub: String,
    iss: String,
    aud: String,
    exp: u64,
    iat: u64,
    /// The token generation of the account (people only).
    #[serde(default, rename = "gen", skip_serializing_if = "Option::is_none")]
    generation: Option<i32>,
}

/// Issues and checks tokens with one secret; shared by all workers.
pub struct TokenService {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    ttl: Duration,
}

impl TokenService {
    pub fn new(secret: &JwtSecret, ttl: Duration) -> Self {
        let mut validation = Validation::new(ALGORITHM);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        // Replicas' clocks may differ a little; a token is short-lived anyway.
        validation.leeway = 30;
        Self {
            encoding: EncodingKey::from_secret(secret.as_bytes()),
            decoding: DecodingKey::from_secret(secret.as_bytes()),
            validation,
            ttl,
        }
    }

    pub fn ttl(&self) -> Duration {
        self.ttl
    }

    pub fn issue(&self, subject: &Subject) -> Result<String, ApiError> {
        let now = jsonwebtoken::get_current_timestamp();
        let claims = Claims {
            sub: subject.to_claim(),
            iss: ISSUER.to_owned(),
            aud: AUDIENCE.to_owned(),
            iat: now,
            exp: now + self.ttl.as_secs(),
            generation: subject.generation(),
        };
        jsonwebtoken::encode(&Header::new(ALGORITHM), &claims, &self.encoding)
            .map_err(|e| ApiError::Internal(anyhow::anyhow!("could not sign a token: {e}")))
    }

    /// The subject of a valid token. Why a token is refused goes to the debug log only (never
    /// the token itself); the caller learns only that it is not valid.
    pub fn verify(&self, token: &str) -> Result<Subject, ApiError> {
        let data = jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .map_err(|e| {
                tracing::debug!(reason = %e, "an access token was refused");
                invalid_token()
            })?;
        Subject::from_claims(&data.claims.sub, data.claims.generation).ok_or_else(invalid_token)
    }
}

pub(crate) fn invalid_token() -> ApiError {
    ApiError::Unauthorized(chitieu_schema::messages::Message::new("auth-token-invalid").into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn service() -> TokenService {
        let secret = JwtSecret::parse("0123456789abcdef0123456789abcdef").unwrap();
        TokenService::new(&secret, Duration::from_secs(60))
    }

    #[test]
    fn an_issued_token_names_its_subject() {
        let tokens = service();
        let subject = Subject::User {
            name: "lan".into(),
            generation: 3,
        };
        let token = tokens.issue(&subject).unwrap();
        assert_eq!(tokens.verify(&token).unwrap(), subject);
    }

    #[test]
    fn a_token_signed_with_another_secret_is_refused() {
        let other = JwtSecret::parse("another secret of thirty-two bytes!").unwrap();
        let token = TokenService::new(&other, Duration::from_secs(60))
            .issue(&Subject::ApiKey("ab".into()))
            .unwrap();
        assert!(service().verify(&token).is_err());
    }
}
