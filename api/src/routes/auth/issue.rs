use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, post, web};
use chitieu_schema::accounts::events::{self, EventKind, NewEvent};
use chitieu_schema::accounts::{
    Origin, PresentedApiKey, Username, api_keys, users, verify_password,
    verify_password_against_dummy,
};
use chitieu_schema::db::Db;
use chitieu_schema::now_utc;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::throttle;
use crate::auth::{Subject, ThrottleSettings, TokenService, origin_of};
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
/// After 5 failed sign-ins for one account, or 20 from one address, within 15 minutes, further
/// attempts get 429 with `Retry-After` until the window frees.
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
    let subject = match body {
        TokenRequest::Password { username, password } => {
            state
                .db(move |conn| sign_in_with_password(conn, &limits, &origin, &username, &password))
                .await?
        }
        TokenRequest::ApiKey { api_key } => {
            state
                .db(move |conn| sign_in_with_key(conn, &limits, &origin, &api_key))
                .await?
        }
    };
    let access_token = tokens.issue(&subject)?;
    Ok(HttpResponse::Ok()
        // RFC 6749 §5.1: responses carrying tokens must not be cached.
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(TokenResponse {
            access_token,
            token_type: "Bearer",
            expires_in: tokens.ttl().as_secs(),
        }))
}

pub(crate) fn sign_in_with_password(
    conn: &mut Db,
    limits: &ThrottleSettings,
    origin: &Origin,
    raw_username: &str,
    password: &str,
) -> Result<Subject, ApiError> {
    let username = Username::parse(raw_username).ok();
    // Failures of unparseable names still count against that name and the address.
    let subject = username.as_ref().map_or_else(
        || raw_username.trim().to_lowercase(),
        |u| u.as_str().to_owned(),
    );
    throttle::check(
        conn,
        limits,
        Some(&subject),
        origin.client_ip.as_deref(),
        now_utc(),
    )?;
    let found = match &username {
        Some(username) => users::find_with_password(conn, username)?,
        None => None,
    };
    let failure = match found {
        Some((user, hash)) => match (verify_password(password, &hash), user.disabled) {
            (true, false) => None,
            (true, true) => Some("account disabled"),
            (false, _) => Some("wrong password"),
        },
        None => {
            // Same work as for a real account, so timing does not reveal which names exist.
            verify_password_against_dummy(password);
            Some("unknown user")
        }
    };
    let kind = if failure.is_some() {
        EventKind::SignInFailed
    } else {
        EventKind::SignIn
    };
    events::record(
        conn,
        NewEvent {
            kind,
            subject: &subject,
            origin,
            detail: failure.or(Some("password")),
        },
    )?;
    match failure {
        // One answer for every failure: the caller must not learn which part was wrong.
        Some(_) => Err(ApiError::Unauthorized(
            "the username or password is wrong".into(),
        )),
        None => Ok(Subject::User(subject)),
    }
}

fn sign_in_with_key(
    conn: &mut Db,
    limits: &ThrottleSettings,
    origin: &Origin,
    raw_key: &str,
) -> Result<Subject, ApiError> {
    let presented = PresentedApiKey::parse(raw_key);
    let subject = presented
        .as_ref()
        .map_or("(malformed API key)", |k| k.prefix())
        .to_owned();
    // Keys are 256-bit random, so only the per-address limit matters.
    throttle::check(conn, limits, None, origin.client_ip.as_deref(), now_utc())?;
    let key = match &presented {
        Some(presented) => api_keys::authenticate(conn, presented, now_utc())?,
        None => None,
    };
    let kind = match key {
        Some(_) => EventKind::SignIn,
        None => EventKind::SignInFailed,
    };
    events::record(
        conn,
        NewEvent {
            kind,
            subject: &subject,
            origin,
            detail: Some(match key {
                Some(_) => "API key",
                None => "API key invalid, expired or revoked",
            }),
        },
    )?;
    match key {
        Some(key) => {
            api_keys::mark_used(conn, key.id, now_utc())?;
            Ok(Subject::ApiKey(key.prefix))
        }
        None => Err(ApiError::Unauthorized(
            "the API key is invalid, expired or revoked".into(),
        )),
    }
}
