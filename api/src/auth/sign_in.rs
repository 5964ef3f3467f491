//! Checking a password or an API key for a sign-in: the one path every way of presenting them
//! goes through (the token endpoint, and any endpoint accepting Basic authentication), so all
//! get the same throttling and the same access log entries.
//!
//! Throttling follows OWASP's advice against lock-outs: attempts are counted per account *at a
//! client address* and per client address, never per account alone, so failures from one
//! address cannot keep the owner out from another. Past the free tries each attempt is delayed,
//! the delay doubling (30 s, 1 min, 2 min, … up to 15 min). Attempts are counted before the
//! password is checked and a success takes its count back, so concurrent guesses cannot pass
//! more tries than the limit.

use chitieu_schema::accounts::events::{self, EventKind, NewEvent};
use chitieu_schema::accounts::throttle::{self, Attempt, ThrottleRule};
use chitieu_schema::accounts::{
    Origin, PresentedApiKey, Username, api_keys, users, verify_password,
    verify_password_against_dummy,
};
use chitieu_schema::db::Db;
use chitieu_schema::now_utc;
use chrono::NaiveDateTime;

use super::{Subject, ThrottleSettings};
use crate::error::ApiError;

/// A successful sign-in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedIn {
    pub subject: Subject,
    /// The API key's id, to note its use.
    pub key_id: Option<i64>,
}

/// Checks a username and password from `origin`, throttled and recorded in the access log.
pub fn with_password(
    conn: &mut Db,
    limits: &ThrottleSettings,
    origin: &Origin,
    raw_username: &str,
    password: &str,
) -> Result<SignedIn, ApiError> {
    let username = Username::parse(raw_username).ok();
    // Failures of unparseable names still count against that name and the address.
    let subject = username.as_ref().map_or_else(
        || raw_username.trim().to_lowercase(),
        |u| u.as_str().to_owned(),
    );
    let address = address_of(origin);
    let keys = [
        (address_key(address), &limits.per_address),
        (account_key(&subject, address), &limits.per_account_address),
    ];
    count_attempts(conn, &keys, &subject, address)?;
    let found = match &username {
        Some(username) => users::find_with_password(conn, username)?,
        None => None,
    };
    let (failure, signed_in) = match found {
        Some((user, hash)) => match (verify_password(password, &hash), user.disabled) {
            (true, false) => (None, Some(user)),
            (true, true) => (Some("account disabled"), None),
            (false, _) => (Some("wrong password"), None),
        },
        None => {
            // Same work as for a real account, so timing does not reveal which names exist.
            verify_password_against_dummy(password);
            (Some("unknown user"), None)
        }
    };
    let detail = match (&failure, &signed_in) {
        (Some(failure), _) => *failure,
        (None, Some(user)) if user.password_must_change => {
            "password; it was set by someone else and must be changed now"
        }
        _ => "password",
    };
    record(conn, failure.is_none(), &subject, origin, detail)?;
    match signed_in {
        Some(user) => {
            throttle::take_back(conn, &keys[0].0, keys[0].1)?;
            throttle::forget(conn, &keys[1].0)?;
            Ok(SignedIn {
                subject: Subject::User {
                    name: subject,
                    generation: user.token_generation,
                },
                key_id: None,
            })
        }
        // One answer for every failure: the caller must not learn which part was wrong.
        None => Err(ApiError::Unauthorized(
            chitieu_schema::messages::Message::new("auth-wrong-password").into(),
        )),
    }
}

/// Checks an API key from `origin`, throttled per address and recorded in the access log.
pub fn with_key(
    conn: &mut Db,
    limits: &ThrottleSettings,
    origin: &Origin,
    raw_key: &str,
) -> Result<SignedIn, ApiError> {
    let presented = PresentedApiKey::parse(raw_key);
    let subject = presented
        .as_ref()
        .map_or("(malformed API key)", |k| k.prefix())
        .to_owned();
    let address = address_of(origin);
    // Keys are 256-bit random, so only the per-address limit matters.
    let keys = [(address_key(address), &limits.per_address)];
    count_attempts(conn, &keys, &subject, address)?;
    let key = match &presented {
        Some(presented) => api_keys::authenticate(conn, presented, now_utc())?,
        None => None,
    };
    let detail = match key {
        Some(_) => "API key",
        None => "API key invalid, expired or revoked",
    };
    record(conn, key.is_some(), &subject, origin, detail)?;
    match key {
        Some(key) => {
            throttle::take_back(conn, &keys[0].0, keys[0].1)?;
            Ok(SignedIn {
                subject: Subject::ApiKey(key.prefix),
                key_id: Some(key.id),
            })
        }
        None => Err(ApiError::Unauthorized(
            chitieu_schema::messages::Message::new("auth-key-invalid").into(),
        )),
    }
}

fn address_of(origin: &Origin) -> &str {
    origin.client_ip.as_deref().unwrap_or("unknown")
}

fn address_key(address: &str) -> String {
    format!("address:{address}")
}

fn account_key(subject: &str, address: &str) -> String {
    // Subjects come from the request: keep the key short.
    let subject: String = subject.chars().take(128).collect();
    format!("account:{address}:{subject}")
}

/// Counts the attempt against every key; when one of them is delayed, the counts already made
/// are taken back and the answer is 429 with the seconds to wait.
fn count_attempts(
    conn: &mut Db,
    keys: &[(String, &ThrottleRule)],
    subject: &str,
    address: &str,
) -> Result<(), ApiError> {
    let now = now_utc();
    for (index, (key, rule)) in keys.iter().enumerate() {
        if let Attempt::Delayed { until } = throttle::count_attempt(conn, key, rule, now)? {
            for (counted, rule) in &keys[..index] {
                throttle::take_back(conn, counted, rule)?;
            }
            return Err(too_many(subject, address, until, now));
        }
    }
    Ok(())
}

fn too_many(subject: &str, address: &str, until: NaiveDateTime, now: NaiveDateTime) -> ApiError {
    let millis = (until - now).num_milliseconds();
    let secs = u64::try_from((millis + 999) / 1000).unwrap_or(1).max(1);
    tracing::warn!(
        subject,
        client_ip = address,
        retry_after_secs = secs,
        "sign-in delayed: too many recent failures"
    );
    ApiError::TooManyRequests {
        retry_after_secs: secs,
    }
}

fn record(
    conn: &mut Db,
    success: bool,
    subject: &str,
    origin: &Origin,
    detail: &str,
) -> Result<(), ApiError> {
    let kind = if success {
        EventKind::SignIn
    } else {
        EventKind::SignInFailed
    };
    events::record(
        conn,
        NewEvent {
            kind,
            subject,
            origin,
            detail: Some(detail),
        },
    )?;
    Ok(())
}
