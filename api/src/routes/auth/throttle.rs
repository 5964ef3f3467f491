//! Sign-in throttling, counted from recent `sign_in_failed` events in the database so that it
//! holds across replicas.

use chitieu_schema::accounts::events::{self, FailureKey};
use chitieu_schema::db::Db;
use chrono::{NaiveDateTime, TimeDelta};

use crate::auth::ThrottleSettings;
use crate::error::ApiError;

/// 429 while the account (`subject`) or the client address has too many recent failures, with
/// the seconds until the later of the two windows frees.
pub fn check(
    conn: &mut Db,
    limits: &ThrottleSettings,
    subject: Option<&str>,
    client_ip: Option<&str>,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    let window = TimeDelta::from_std(limits.window)
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("throttle window: {e}")))?;
    let mut until = None;
    if let Some(subject) = subject {
        until = events::throttled_until(
            conn,
            FailureKey::Subject(subject),
            limits.per_account,
            window,
            now,
        )?;
    }
    if let Some(ip) = client_ip {
        let by_address = events::throttled_until(
            conn,
            FailureKey::Address(ip),
            limits.per_address,
            window,
            now,
        )?;
        until = until.max(by_address);
    }
    match until {
        Some(until) if until > now => {
            let millis = (until - now).num_milliseconds();
            let secs = u64::try_from((millis + 999) / 1000).unwrap_or(1).max(1);
            tracing::warn!(
                subject = subject.unwrap_or(""),
                client_ip = client_ip.unwrap_or(""),
                retry_after_secs = secs,
                "sign-in refused: too many recent failures"
            );
            Err(ApiError::TooManyRequests {
                retry_after_secs: secs,
            })
        }
        _ => Ok(()),
    }
}
