//! `Idempotency-Key`: a retried request gets the first answer. Keys are scoped per caller
//! subject; a key is claimed before the work runs (so a concurrent retry is told to wait), the
//! answer is stored after it, and a key whose work failed unexpectedly is released.

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

pub fn claim(
    conn: &mut Db,
    subject: &str,
    key: &str,
    endpoint: &str,
    request_hash: &str,
) -> Result<Claim, StoreError> {
    conn.write_transaction(|conn| {
        let existing = idempotency_keys::table
            .find((subject, key))
            .select((
                idempotency_keys::endpoint,
                idempotency_keys::request_hash,
                idempotency_keys::response_status,
                idempotency_keys::response_body,
            ))
            .first::<(String, String, Option<i32>, Option<String>)>(conn)
            .optional()
            .map_err(StoreError::database("reading an idempotency key"))?;
        match existing {
            Some((stored_endpoint, hash, status, body)) => {
                if stored_endpoint != endpoint || hash != request_hash {
                    return Ok(Claim::Mismatch {
                        endpoint: stored_endpoint,
                    });
                }
                Ok(match (status, body) {
                    (Some(status), Some(body)) => Claim::Replay {
                        status: u16::try_from(status).unwrap_or(500),
                        body,
                    },
                    _ => Claim::InFlight,
                })
            }
            None => {
                let inserted = diesel::insert_into(idempotency_keys::table)
                    .values((
                        idempotency_keys::subject.eq(subject),
                        idempotency_keys::key.eq(key),
                        idempotency_keys::endpoint.eq(endpoint),
                        idempotency_keys::request_hash.eq(request_hash),
                        idempotency_keys::created_at.eq(now_utc()),
                    ))
                    .execute(conn)
                    .map_err(StoreError::database("claiming an idempotency key"));
                match inserted {
                    Ok(_) => Ok(Claim::Fresh),
                    Err(StoreError::Conflict { .. }) => Ok(Claim::InFlight),
                    Err(other) => Err(other),
                }
            }
        }
    })
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
