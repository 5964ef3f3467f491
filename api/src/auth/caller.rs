use std::future::Future;
use std::pin::Pin;

use actix_web::http::header::{self, HeaderMap};
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use chitieu_schema::accounts::{HomeUnit, PresentedApiKey, Role, Username, api_keys, users};
use chitieu_schema::data_version::{self, Stamp};
use chitieu_schema::db::Db;
use chitieu_schema::{StoreError, now_utc};

use super::caller_cache::Known;
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
        Self::authenticate_stamped(req)
            .await
            .map(|(caller, _)| caller)
    }

    /// [`Caller::authenticate`] and the stamp (data and accounts versions) it was checked
    /// under, in one trip to the database: the stamp first, then the account, unless this
    /// credential was already checked under the same stamp (see `CallerCache`).
    pub(crate) async fn authenticate_stamped(
        req: &HttpRequest,
    ) -> Result<(Caller, Stamp), ApiError> {
        let credential = Credential::from_headers(req.headers())?;
        let state = req
            .app_data::<web::Data<AppState>>()
            .cloned()
            .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("AppState is not registered")))?;
        // What to look up: a verified token's subject (the signature and expiry are checked
        // here, on every request), or a presented key.
        let lookup = match credential {
            Credential::Bearer(token) => {
                let tokens = req.app_data::<web::Data<TokenService>>().ok_or_else(|| {
                    ApiError::Internal(anyhow::anyhow!("TokenService is not registered"))
                })?;
                Lookup::Subject(tokens.verify(&token)?)
            }
            Credential::ApiKey(key) => Lookup::Key(key),
        };
        let refusal: fn() -> ApiError = match &lookup {
            Lookup::Subject(_) => invalid_token,
            Lookup::Key(_) => invalid_key,
        };
        let callers = state.callers();
        let (known, stamp) = state
            .db(move |conn| {
                let stamp = data_version::stamp(conn)?;
                let name = lookup.cache_key();
                let now = now_utc();
                if let Some(known) = callers.get(&name, stamp, now) {
                    return Ok::<_, StoreError>((Some(known), stamp));
                }
                let known = match &lookup {
                    Lookup::Subject(subject) => known_of_subject(conn, subject)?,
                    Lookup::Key(key) => known_of_key(conn, key)?,
                };
                if let Some(known) = &known {
                    callers.put(name, stamp, known.clone());
                }
                Ok((known, stamp))
            })
            .await?;
        let known = known.ok_or_else(refusal)?;
        if let Some(key_id) = known.key_id {
            state.key_usage().note(key_id);
        }
        Ok((known.caller, stamp))
    }
}

/// What a credential is checked against.
enum Lookup {
    Subject(Subject),
    Key(PresentedApiKey),
}

impl Lookup {
    /// The name of the credential in the `CallerCache`: never the key's secret, only the
    /// SHA-256 it is stored as.
    fn cache_key(&self) -> String {
        match self {
            Lookup::Subject(Subject::User { name, generation }) => {
                format!("user {generation} {name}")
            }
            Lookup::Subject(Subject::ApiKey(prefix)) => format!("key-token {prefix}"),
            Lookup::Key(key) => format!("key {}", key.fingerprint()),
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
    Ok(known_of_subject(conn, subject)?.map(|known| known.caller))
}

fn known_of_subject(conn: &mut Db, subject: &Subject) -> Result<Option<Known>, StoreError> {
    match subject {
        Subject::User { name, generation } => {
            let Ok(username) = Username::parse(name) else {
                return Ok(None);
            };
            Ok(users::find(conn, &username)?
                .filter(|user| !user.disabled && user.token_generation == *generation)
                .map(|user| Known {
                    caller: Caller {
                        identity: Identity::User {
                            id: user.id,
                            username: user.username,
                        },
                        role: user.role,
                        home_unit: user.home_unit,
                        must_change_password: user.password_must_change,
                    },
                    key_id: None,
                    expires_at: None,
                }))
        }
        Subject::ApiKey(prefix) => Ok(api_keys::find(conn, prefix)?
            .filter(|key| key.is_active(now_utc()))
            .map(|key| Known {
                expires_at: key.expires_at,
                key_id: None,
                caller: Caller {
                    identity: Identity::ApiKey { prefix: key.prefix },
                    role: key.role,
                    home_unit: key.home_unit,
                    must_change_password: false,
                },
            })),
    }
}

/// The caller a presented key stands for, with the key's id; reads only, so that requests
/// with a key never wait for the write lock (the use is noted in memory).
pub(super) fn caller_of_key(
    conn: &mut Db,
    presented: &PresentedApiKey,
) -> Result<Option<(Caller, i64)>, StoreError> {
    Ok(known_of_key(conn, presented)?.and_then(|known| Some((known.caller, known.key_id?))))
}

fn known_of_key(conn: &mut Db, presented: &PresentedApiKey) -> Result<Option<Known>, StoreError> {
    let Some(key) = api_keys::authenticate(conn, presented, now_utc())? else {
        return Ok(None);
    };
    Ok(Some(Known {
        key_id: Some(key.id),
        expires_at: key.expires_at,
        caller: Caller {
            identity: Identity::ApiKey { prefix: key.prefix },
            role: key.role,
            home_unit: key.home_unit,
            must_change_password: false,
        },
    }))
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
