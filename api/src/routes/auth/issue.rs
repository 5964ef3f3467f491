use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, post, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::{ThrottleSettings, TokenService, origin_of, sign_in};
use crate::error::ApiError;
use crate::extract::JsonBody;
use crate::state::AppState;

/// How to obtain a token: a person's username and password, or an API key.
// No `Debug`: it holds a secret.
#[derive(Deserialize, ToSchema)]
#[serde(tag = "grantType", rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({"grantType": "password", "username": "lan.nguyen",
    "password": "correct horse battery"}))]
pub enum TokenRequest {
    Password {
        #[schema(example = "lan.nguyen")]
        username: String,
        #[schema(example = "correct horse battery", format = Password)]
        password: String,
    },
    ApiKey {
        #[serde(rename = "apiKey")]
        #[schema(example = "ctk_3f9a1c0e5b7d2a64_9c1e…")]
        api_key: String,
    },
}

/// A bearer token for the `Authorization` header.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"accessToken": "eyJhbGciOiJIUzI1NiJ9…", "tokenType": "Bearer",
    "expiresIn": 900}))]
pub struct TokenResponse {
    pub access_token: String,
    #[schema(example = "Bearer")]
    pub token_type: &'static str,
    /// Seconds until the token expires.
    #[schema(example = 900)]
    pub expires_in: u64,
}

/// Exchange a password or an API key for a short-lived bearer token.
///
/// After 5 failed sign-ins for one account from one client address, or 20 from one address,
/// further attempts from that address get 429 with `Retry-After`: 30 seconds, doubling with
/// each further attempt up to 15 minutes. Failures from one address never delay the account's
/// sign-ins from another. An account whose password was set by someone else gets a token that
/// may only change that password (and read `/api/v1/auth/me`).
#[utoipa::path(
    tag = "Authentication",
    request_body = TokenRequest,
    responses(
        (status = 200, description = "A token", body = TokenResponse),
        (status = 400, description = "Malformed request", body = crate::problem::Problem,
            content_type = "application/problem+json"),
        (status = 401, description = "Wrong credentials, or a disabled account, expired or \
            revoked key", body = crate::problem::Problem, content_type = "application/problem+json",
            example = json!({"type": "urn:chitieu:problem:unauthorized",
                "title": "Authentication is required", "status": 401,
                "detail": "the username or password is wrong"})),
        (status = 429, description = "Too many recent failures; see Retry-After",
            body = crate::problem::Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds until sign-in is allowed"))),
    )
)]
#[post("/api/v1/auth/token")]
pub async fn token(
    req: HttpRequest,
    state: web::Data<AppState>,
    tokens: web::Data<TokenService>,
    limits: web::Data<ThrottleSettings>,
    JsonBody(body): JsonBody<TokenRequest>,
) -> Result<HttpResponse, ApiError> {
    let origin = origin_of(&req);
    let limits = **limits;
    let signed_in = match body {
        TokenRequest::Password { username, password } => {
            state
                .db(move |conn| {
                    sign_in::with_password(conn, &limits, &origin, &username, &password)
                })
                .await?
        }
        TokenRequest::ApiKey { api_key } => {
            state
                .db(move |conn| sign_in::with_key(conn, &limits, &origin, &api_key))
                .await?
        }
    };
    if let Some(key_id) = signed_in.key_id {
        state.key_usage().note(key_id);
    }
    let access_token = tokens.issue(&signed_in.subject)?;
    Ok(HttpResponse::Ok()
        // RFC 6749 §5.1: responses carrying tokens must not be cached.
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(TokenResponse {
            access_token,
            token_type: "Bearer",
            expires_in: tokens.ttl().as_secs(),
        }))
}
