//! Credentials on DHIS2's surface (`/api/dataValueSets`, `/api/{version}/dataValueSets`): what
//! DHIS2 clients send, besides our own Bearer tokens and `X-API-Key`.
//!
//! - `Authorization: Basic base64(username:password)`: a user's password, checked by the very
//!   sign-in of `POST /api/v1/auth/token` (`auth::sign_in::with_password`): the same
//!   throttling per account and address (429 with `Retry-After`), and every attempt recorded
//!   in the access log. DHIS2 takes Basic on every request.
//! - `Authorization: ApiToken <key>`: DHIS2's personal access token header
//!   (`DhisApiTokenAuthenticationEntryPoint`, `ApiTokenAuth` in dhis2-core 2.40.0), carrying
//!   one of our API keys (`ctk_…`).
//!
//! Our `/api/v1` routes take neither: there passwords are exchanged once for a token.

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpRequest, web};
use base64::Engine as _;
use chitieu_schema::accounts::PresentedApiKey;

use super::caller::{caller_of_key, caller_of_subject, invalid_key};
use super::{Caller, ThrottleSettings, origin_of};
use crate::error::ApiError;
use crate::state::AppState;

/// A credential DHIS2 clients send that our `/api/v1` does not take.
enum Dhis2Credential {
    Basic { username: String, password: String },
    ApiToken(String),
}

impl Dhis2Credential {
    /// `None` when the request carries another kind of credential (or none).
    fn from_request(req: &HttpRequest) -> Result<Option<Self>, ApiError> {
        let Some(value) = req.headers().get(header::AUTHORIZATION) else {
            return Ok(None);
        };
        let text = value.to_str().map_err(|_| wrong_credentials())?.trim();
        let Some((scheme, rest)) = text.split_once(' ') else {
            return Ok(None);
        };
        if scheme.eq_ignore_ascii_case("basic") {
            let decoded = base64::engine::general_purpose::STANDARD
                .decode(rest.trim())
                .ok()
                .and_then(|bytes| String::from_utf8(bytes).ok())
                .ok_or_else(wrong_credentials)?;
            let (username, password) = decoded.split_once(':').ok_or_else(wrong_credentials)?;
            return Ok(Some(Dhis2Credential::Basic {
                username: username.to_owned(),
                password: password.to_owned(),
            }));
        }
        if scheme.eq_ignore_ascii_case("apitoken") {
            return Ok(Some(Dhis2Credential::ApiToken(rest.trim().to_owned())));
        }
        Ok(None)
    }
}

fn wrong_credentials() -> ApiError {
    ApiError::Unauthorized(chitieu_schema::messages::Message::new("auth-wrong-password").into())
}

/// The caller of a request on DHIS2's surface.
async fn authenticate(req: &HttpRequest) -> Result<Caller, ApiError> {
    let Some(credential) = Dhis2Credential::from_request(req)? else {
        return Caller::authenticate(req).await;
    };
    let state = req
        .app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("AppState is not registered")))?;
    match credential {
        Dhis2Credential::Basic { username, password } => {
            let limits = req
                .app_data::<web::Data<ThrottleSettings>>()
                .map(|l| *l.get_ref())
                .unwrap_or_default();
            let origin = origin_of(req);
            state
                .db(move |conn| {
                    let signed_in = super::sign_in::with_password(
                        conn, &limits, &origin, &username, &password,
                    )?;
                    caller_of_subject(conn, &signed_in.subject)?.ok_or_else(wrong_credentials)
                })
                .await
        }
        Dhis2Credential::ApiToken(token) => {
            let key = PresentedApiKey::parse(&token).ok_or_else(invalid_key)?;
            let (caller, key_id) = state
                .db(move |conn| caller_of_key(conn, &key))
                .await?
                .ok_or_else(invalid_key)?;
            state.key_usage().note(key_id);
            Ok(caller)
        }
    }
}

/// Wraps DHIS2's surface as [`super::require_credentials`] wraps `/api/v1`. A 401 invites
/// Basic authentication, as DHIS2 does, so clients that wait for the challenge send it.
pub async fn require_dhis2_credentials(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody + 'static>>, actix_web::Error> {
    match authenticate(req.request()).await {
        // A password set by someone else must be changed first, on this surface as on /api/v1.
        Ok(caller) if caller.must_change_password() => {
            let error = ApiError::said(
                crate::error::SaidKind::Forbidden,
                chitieu_schema::messages::Message::new("access-password-set-by-other")
                    .arg("username", caller.subject()),
            );
            Ok(req
                .into_response(crate::routes::dhis2::web_message_error(&error))
                .map_into_right_body())
        }
        Ok(caller) => {
            req.extensions_mut().insert(caller);
            next.call(req)
                .await
                .map(ServiceResponse::map_into_left_body)
        }
        Err(error) => {
            let mut response = crate::routes::dhis2::web_message_error(&error);
            if matches!(error, ApiError::Unauthorized(_)) {
                response.headers_mut().insert(
                    header::WWW_AUTHENTICATE,
                    header::HeaderValue::from_static("Basic realm=\"DHIS2\", ApiToken, Bearer"),
                );
            }
            Ok(req.into_response(response).map_into_right_body())
        }
    }
}
