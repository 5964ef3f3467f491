//! `Idempotency-Key`: a retried request gets the first answer. Keys are scoped per caller
//! subject; a key is claimed before the work runs (so a concurrent retry is told to wait), the
//! answer is stored after it, and a key whose work failed unexpectedly is released.
//!
//! A claim is a lease: a key still unfinished after [`KeyTimes::lease`] (its process died
//! mid-request, say) is taken over by the next request with it. A key older than
//! [`KeyTimes::ttl`] is expired: the same key then starts a new request, and
//! [`purge_expired`] removes such rows. Take-overs are compare-and-swaps on the claim time, so
//! two retries racing for a stale key cannot both run.

use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;

use crate::db::Db;
use crate::schema::idempotency_keys;
use crate::{StoreError, now_utc};

/// What to do with a request carrying a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// First use: do the work, then [`complete`] (or [`release`]).
    Fresh,
    /// Seen before with the same request: answer this.
    Replay { status: u16, body: String },
    /// Seen before with the same request, whose answer is not stored yet.
    InFlight,
    /// Seen before with another request (another endpoint or body).
    Mismatch { endpoint: String },
}

/// How long an unfinished claim holds, and how long a key is remembered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyTimes {
    pub lease: TimeDelta,
    pub ttl: TimeDelta,
}

impl Default for KeyTimes {
    fn default() -> Self {
        Self {
            lease: TimeDelta::minutes(5),
            ttl: TimeDelta::hours(24),
        }
    }
}

type Stored = (String, String, Option<i32>, Option<String>, NaiveDateTime);

pub fn claim(
    conn: &mut Db,
    subject: &str,
    key: &str,
    endpoint: &str,
    request_hash: &str,
    times: KeyTimes,
) -> Result<Claim, StoreError> {
    let now = now_utc();
    loop {
        let existing = idempotency_keys::table
            .find((subject, key))
            .select((
                idempotency_keys::endpoint,
                idempotency_keys::request_hash,
                idempotency_keys::response_status,
                idempotency_keys::response_body,
                idempotency_keys::created_at,
            ))
            .first::<Stored>(conn)
            .optional()
            .map_err(StoreError::database("reading an idempotency key"))?;
        let Some((stored_endpoint, hash, status, body, claimed_at)) = existing else {
            let inserted = diesel::insert_into(idempotency_keys::table)
                .values((
                    idempotency_keys::subject.eq(subject),
                    idempotency_keys::key.eq(key),
                    idempotency_keys::endpoint.eq(endpoint),
                    idempotency_keys::request_hash.eq(request_hash),
                    idempotency_keys::created_at.eq(now),
                ))
                .execute(conn)
                .map_err(StoreError::database("claiming an idempotency key"));
            match inserted {
                Ok(_) => return Ok(Claim::Fresh),
                // Another request claimed it in between: look again.
                Err(StoreError::Conflict { .. }) => continue,
                Err(other) => return Err(other),
            }
        };
        let expired = now - claimed_at > times.ttl;
        if !expired && (stored_endpoint != endpoint || hash != request_hash) {
            return Ok(Claim::Mismatch {
                endpoint: stored_endpoint,
            });
        }
        let stale = match (status, body) {
            (Some(status), Some(body)) if !expired => {
                return Ok(Claim::Replay {
                    status: u16::try_from(status).unwrap_or(500),
                    body,
                });
            }
            _ => expired || now - claimed_at > times.lease,
        };
        if !stale {
            return Ok(Claim::InFlight);
        }
        return Ok(
            if take_over(conn, subject, key, claimed_at, endpoint, request_hash, now)? {
                Claim::Fresh
            } else {
                Claim::InFlight
            },
        );
    }
}

/// Claims an expired key or a stale unfinished one again, if nobody else did since it was read.
fn take_over(
    conn: &mut Db,
    subject: &str,
    key: &str,
    claimed_at: NaiveDateTime,
    endpoint: &str,
    request_hash: &str,
    now: NaiveDateTime,
) -> Result<bool, StoreError> {
    let updated = diesel::update(
        idempotency_keys::table
            .filter(idempotency_keys::subject.eq(subject))
            .filter(idempotency_keys::key.eq(key))
            .filter(idempotency_keys::created_at.eq(claimed_at)),
    )
    .set((
        idempotency_keys::endpoint.eq(endpoint),
        idempotency_keys::request_hash.eq(request_hash),
        idempotency_keys::response_status.eq(None::<i32>),
        idempotency_keys::response_body.eq(None::<String>),
        idempotency_keys::created_at.eq(now),
    ))
    .execute(conn)
    .map_err(StoreError::database("taking over an idempotency key"))?;
    Ok(updated == 1)
}

/// Removes keys claimed before `before`; returns how many.
pub fn purge_expired(conn: &mut Db, before: NaiveDateTime) -> Result<usize, StoreError> {
    diesel::delete(idempotency_keys::table.filter(idempotency_keys::created_at.lt(before)))
        .execute(conn)
        .map_err(StoreError::database("removing expired idempotency keys"))
}

/// Stores the answer of a claimed key.
pub fn complete(
    conn: &mut Db,
    subject: &str,
    key: &str,
    status: u16,
    body: &str,
) -> Result<(), StoreError> {
    diesel::update(idempotency_keys::table.find((subject, key)))
        .set((
            idempotency_keys::response_status.eq(i32::from(status)),
            idempotency_keys::response_body.eq(body),
        ))
        .execute(conn)
        .map(|_| ())
        .map_err(StoreError::database("storing an idempotent answer"))
}

/// Forgets a claimed key, so the request can be retried.
pub fn release(conn: &mut Db, subject: &str, key: &str) -> Result<(), StoreError> {
    diesel::delete(idempotency_keys::table.find((subject, key)))
        .execute(conn)
        .map(|_| ())
        .map_err(StoreError::database("releasing an idempotency key"))
}

/// The fingerprint of a request: SHA-256 over its parts, each prefixed by its length.
pub fn request_hash(parts: &[&[u8]]) -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_be_bytes());
        hasher.update(part);
    }
    hex::encode(hasher.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::test_databases;

    fn claim_k(conn: &mut Db, times: KeyTimes) -> Claim {
        claim(conn, "lan", "k-1", "POST /x", "hash", times).unwrap()
    }

    /// Moves the key's claim back in time, as the clock would.
    fn age(conn: &mut Db, by: TimeDelta) {
        diesel::update(idempotency_keys::table)
            .set(idempotency_keys::created_at.eq(now_utc() - by))
            .execute(conn)
            .unwrap();
    }

    #[test]
    fn an_unfinished_key_is_taken_over_after_its_lease_and_not_before() {
        for database in test_databases::migrated("idem_lease") {
            let conn = &mut database.connect();
            let times = KeyTimes::default();
            assert_eq!(claim_k(conn, times), Claim::Fresh);
            assert_eq!(claim_k(conn, times), Claim::InFlight);
            // The process that claimed it died: after the lease, a retry takes it over, once.
            age(conn, times.lease + TimeDelta::seconds(1));
            assert_eq!(claim_k(conn, times), Claim::Fresh);
            assert_eq!(claim_k(conn, times), Claim::InFlight);
        }
    }

    #[test]
    fn a_key_expires_after_its_time_to_live_and_is_purged() {
        for database in test_databases::migrated("idem_ttl") {
            let conn = &mut database.connect();
            let times = KeyTimes::default();
            assert_eq!(claim_k(conn, times), Claim::Fresh);
            complete(conn, "lan", "k-1", 200, "{}").unwrap();
            let replay = Claim::Replay {
                status: 200,
                body: "{}".into(),
            };
            assert_eq!(claim_k(conn, times), replay);
            age(conn, times.ttl + TimeDelta::seconds(1));
            // Expired: even another request may use the key now.
            let other = claim(conn, "lan", "k-1", "POST /y", "other", times).unwrap();
            assert_eq!(other, Claim::Fresh);
            age(conn, times.ttl + TimeDelta::seconds(1));
            assert_eq!(purge_expired(conn, now_utc() - times.ttl).unwrap(), 1);
        }
    }
}
