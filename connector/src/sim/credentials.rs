//! The simulator's side of authentication: the credential the submission endpoints check, and
//! `POST /oauth/token`, which issues short-lived tokens to the one client it knows.

use base64::Engine as _;
use hyper::header::HeaderMap;
use serde::Deserialize;
use serde_json::json;

use super::receive::Refusal;
use super::server::{Answer, json_answer};
use super::{Sim, SimAuth};

impl Sim {
    pub(super) fn authorize(&self, headers: &HeaderMap) -> Result<(), Refusal> {
        let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
        let bearer = header("authorization").and_then(|v| v.strip_prefix("Bearer "));
        let ok = match &self.config.auth {
            SimAuth::Open => true,
            SimAuth::Basic { username, password } => {
                basic(headers).is_some_and(|(u, p)| &u == username && &p == password)
            }
            SimAuth::ApiToken { token } => {
                header("authorization").and_then(|v| v.strip_prefix("ApiToken "))
                    == Some(token.as_str())
            }
            SimAuth::Bearer { token } => bearer == Some(token.as_str()),
            SimAuth::ApiKey { header: name, key } => header(name) == Some(key.as_str()),
            SimAuth::OAuth2 => bearer.is_some_and(|token| self.state().token_is_valid(token)),
        };
        if ok {
            return Ok(());
        }
        let expected = match &self.config.auth {
            SimAuth::Open => "nothing".to_owned(),
            SimAuth::Basic { .. } => "Basic authentication of the configured user".to_owned(),
            SimAuth::ApiToken { .. } => {
                "Authorization: ApiToken with the configured token".to_owned()
            }
            SimAuth::Bearer { .. } => "the configured bearer token".to_owned(),
            SimAuth::ApiKey { header: name, .. } => format!("the API key in the {name} header"),
            SimAuth::OAuth2 => "a bearer token from POST /oauth/token, not expired".to_owned(),
        };
        Err(Refusal::problem(
            401,
            "Unauthorized",
            format!("missing or invalid credential: this upstream expects {expected}"),
        ))
    }

    /// `POST /oauth/token` takes the client in the form; `POST /uaa/oauth/token`, DHIS2's
    /// token endpoint (spring-security-oauth2 without form authentication for clients, see
    /// `DhisWebApiWebSecurityConfig` in dhis2-core 2.40.0), only in HTTP Basic.
    pub(super) fn token(&self, headers: &HeaderMap, body: &[u8], dhis2: bool) -> Answer {
        #[derive(Deserialize)]
        struct TokenRequest {
            grant_type: Option<String>,
            client_id: Option<String>,
            client_secret: Option<String>,
        }
        let oauth_error = |status: u16, error: &str, description: &str| {
            json_answer(
                status,
                &json!({"error": error, "error_description": description}),
            )
        };
        let Ok(request) = serde_urlencoded::from_bytes::<TokenRequest>(body) else {
            return oauth_error(400, "invalid_request", "the body is not a form");
        };
        if request.grant_type.as_deref() != Some("client_credentials") {
            return oauth_error(
                400,
                "unsupported_grant_type",
                "only grant_type=client_credentials is supported",
            );
        }
        let config = &self.config;
        let (client_id, client_secret) = if dhis2 {
            basic(headers).unzip()
        } else {
            (request.client_id, request.client_secret)
        };
        if client_id.as_deref() != Some(config.oauth_client_id.as_str())
            || client_secret.as_deref() != Some(config.oauth_client_secret.as_str())
        {
            self.say("🔒 token refused: unknown client or wrong secret".to_owned());
            return oauth_error(401, "invalid_client", "unknown client or wrong secret");
        }
        let token = self.state().issue_token(config.token_lifetime);
        let seconds = config.token_lifetime.as_secs().max(1);
        self.say(format!("🔑 token issued, valid {seconds} s"));
        json_answer(
            200,
            &json!({"access_token": token, "token_type": "Bearer", "expires_in": seconds}),
        )
    }
}

/// The user and password of `Authorization: Basic …`.
fn basic(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get("authorization")?.to_str().ok()?;
    let encoded = value.strip_prefix("Basic ")?;
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (user, password) = text.split_once(':')?;
    Some((user.to_owned(), password.to_owned()))
}
