use std::future::Future;
use std::pin::Pin;

use actix_web::http::header::{self, HeaderMap};
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use chitieu_schema::accounts::{HomeUnit, PresentedApiKey, Role, Username, api_keys, users};
use chitieu_schema::db::Db;
use chitieu_schema::{StoreError, now_utc};

use super::tokens::{Subject, TokenService, invalid_token};
use crate::error::ApiError;
use crate::state::AppState;

/// Who is calling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Identity {
    User { id: i64, username: Username },
    ApiKey { prefix: String },
}

/// The authenticated principal of a request, with its role and home unit as stored now.
/// Use it as a handler argument; see the module docs for the policy methods.
#[derive(Debug, Clone)]
pub struct Caller {
    identity: Identity,
    role: Role,
    home_unit: Option<HomeUnit>,
    /// The password was set by someone else and must be changed before anything else.
    must_change_password: bool,
}

impl Caller {
    pub fn identity(&self) -> &Identity {
        &self.identity
    }

    pub fn role(&self) -> Role {
        self.role
    }

    /// Whether the caller must change their password (set by someone else) before doing
    /// anything else.
    pub fn must_change_password(&self) -> bool {
        self.must_change_password
    }

    /// `None` only for administrators without a home unit.
    pub fn home_unit(&self) -> Option<&HomeUnit> {
        self.home_unit.as_ref()
    }

    /// The username, when a person (not an API key) is calling.
    pub fn username(&self) -> Option<&Username> {
        match &self.identity {
            Identity::User { username, .. } => Some(username),
            Identity::ApiKey { .. } => None,
        }
    }

    /// The subject name recorded in the access log: a username or a key prefix.
    pub fn subject(&self) -> &str {
        match &self.identity {
            Identity::User { username, .. } => username.as_str(),
            Identity::ApiKey { prefix } => prefix,
        }
    }

    /// Reads the credentials of `req` and checks them against the database.
    pub(crate) async fn authenticate(req: &HttpRequest) -> Result<Caller, ApiError> {
        let credential = Credential::from_headers(req.headers())?;
        let state = req
            .app_data::<web::Data<AppState>>()
            .cloned()
            .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("AppState is not registered")))?;
        match credential {
            Credential::Bearer(token) => {
                let tokens = req.app_data::<web::Data<TokenService>>().ok_or_else(|| {
                    ApiError::Internal(anyhow::anyhow!("TokenService is not registered"))
                })?;
                let subject = tokens.verify(&token)?;
                state
                    .db(move |conn| caller_of_subject(conn, &subject))
                    .await?
                    .ok_or_else(invalid_token)
            }
            Credential::ApiKey(key) => {
                let caller = state
                    .db(move |conn| caller_of_key(conn, &key))
                    .await?
                    .ok_or_else(invalid_key)?;
                state.key_usage().note(caller.1);
                Ok(caller.0)
            }
        }
    }
}

enum Credential {
    Bearer(String),
    ApiKey(PresentedApiKey),
}

impl Credential {
    fn from_headers(headers: &HeaderMap) -> Result<Self, ApiError> {
        // Two credentials could name two callers; which one acts would be a guess, and a bad
        // key next to a good token must not pass unnoticed.
        if headers.contains_key(header::AUTHORIZATION) && headers.contains_key("x-api-key") {
            return Err(ApiError::Unauthorized(
                chitieu_schema::messages::Message::new("auth-two-credentials").into(),
            ));
        }
        if let Some(value) = headers.get(header::AUTHORIZATION) {
            let text = value.to_str().map_err(|_| invalid_token())?;
            let (scheme, token) = text.trim().split_once(' ').ok_or_else(invalid_token)?;
            if !scheme.eq_ignore_ascii_case("bearer") {
                return Err(ApiError::Unauthorized(
                    chitieu_schema::messages::Message::new("auth-bearer-only").into(),
                ));
            }
            let token = token.trim();
            // An API key sent as a bearer token is accepted as if sent in X-API-Key.
            if let Some(key) = PresentedApiKey::parse(token) {
                return Ok(Credential::ApiKey(key));
            }
            return Ok(Credential::Bearer(token.to_owned()));
        }
        if let Some(value) = headers.get("x-api-key") {
            let text = value.to_str().map_err(|_| invalid_key())?;
            return PresentedApiKey::parse(text)
                .map(Credential::ApiKey)
                .ok_or_else(invalid_key);
        }
        Err(ApiError::Unauthorized(
            chitieu_schema::messages::Message::new("auth-credentials-needed").into(),
        ))
    }
}

pub(super) fn invalid_key() -> ApiError {
    ApiError::Unauthorized(chitieu_schema::messages::Message::new("auth-key-invalid").into())
}

/// The caller a token names, if it still exists and is allowed in.
pub(super) fn caller_of_subject(
    conn: &mut Db,
    subject: &Subject,
) -> Result<Option<Caller>, StoreError> {
    match subject {
        Subject::User { name, generation } => {
            let Ok(username) = Username::parse(name) else {
                return Ok(None);
            };
            Ok(users::find(conn, &username)?
                .filter(|user| !user.disabled && user.token_generation == *generation)
                .map(|user| Caller {
                    identity: Identity::User {
                        id: user.id,
                        username: user.username,
                    },
                    role: user.role,
                    home_unit: user.home_unit,
                    must_change_password: user.password_must_change,
                }))
        }
        Subject::ApiKey(prefix) => Ok(api_keys::find(conn, prefix)?
            .filter(|key| key.is_active(now_utc()))
            .map(|key| Caller {
                identity: Identity::ApiKey { prefix: key.prefix },
                role: key.role,
                home_unit: key.home_unit,
                must_change_password: false,
            })),
    }
}

/// The caller a presented key stands for, with the key's id; reads only, so that requests
/// with a key never wait for the write lock (the use is noted in memory).
pub(super) fn caller_of_key(
    conn: &mut Db,
    presented: &PresentedApiKey,
) -> Result<Option<(Caller, i64)>, StoreError> {
    let Some(key) = api_keys::authenticate(conn, presented, now_utc())? else {
        return Ok(None);
    };
    let caller = Caller {
        identity: Identity::ApiKey { prefix: key.prefix },
        role: key.role,
        home_unit: key.home_unit,
        must_change_password: false,
    };
    Ok(Some((caller, key.id)))
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        // The /api/v1 middleware has usually authenticated the request already.
        let known = req.extensions().get::<Caller>().cloned();
        let req = req.clone();
        Box::pin(async move {
            match known {
                Some(caller) => Ok(caller),
                None => Caller::authenticate(&req).await,
            }
        })
    }
}

#[cfg(test)]
impl Caller {
    pub(crate) fn for_tests(role: Role, home_path: Option<&str>) -> Caller {
        Caller {
            identity: Identity::ApiKey {
                prefix: "test".into(),
            },
            role,
            home_unit: home_path.map(|path| HomeUnit {
                id: 1,
                code: "HOME".into(),
                path: path.into(),
            }),
            must_change_password: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use actix_web::http::header::{AUTHORIZATION, HeaderValue};

    use super::*;

    #[test]
    fn a_token_and_a_key_together_are_refused_whatever_either_is_worth() {
        let mut headers = HeaderMap::new();
        headers.insert(
            AUTHORIZATION,
            HeaderValue::from_static("Bearer eyJ.good.token"),
        );
        headers.insert(
            header::HeaderName::from_static("x-api-key"),
            HeaderValue::from_static("ctk_wrong_key"),
        );
        let refused = Credential::from_headers(&headers).err().expect("refused");
        assert!(
            matches!(&refused, ApiError::Unauthorized(detail) if detail.to_string().contains("not both")),
            "{refused:?}"
        );
    }

    #[test]
    fn a_token_alone_is_read_as_a_bearer_credential() {
        let mut headers = HeaderMap::new();
        headers.insert(
            AUTHORIZATION,
            HeaderValue::from_static("Bearer eyJ.good.token"),
        );
        assert!(matches!(
            Credential::from_headers(&headers),
            Ok(Credential::Bearer(token)) if token == "eyJ.good.token"
        ));
    }
}
