use diesel::prelude::*;

use super::{ApiKey, find};
use crate::StoreError;
use crate::accounts::Origin;
use crate::accounts::events::{self, EventKind, NewEvent};
use crate::db::Db;
use crate::schema::api_keys;

/// Revokes the key and records `key_revoked`, in one transaction. Revoking a revoked key
/// changes nothing and records nothing.
pub fn revoke(conn: &mut Db, prefix: &str, origin: &Origin) -> Result<ApiKey, StoreError> {
    conn.write_transaction(|conn| {
        let changed = diesel::update(
            api_keys::table
                .filter(api_keys::prefix.eq(prefix))
                .filter(api_keys::revoked_at.is_null()),
        )
        .set(api_keys::revoked_at.eq(crate::now_utc()))
        .execute(conn)
        .map_err(StoreError::database("revoking an API key"))?;
        if changed > 0 {
            events::record(
                conn,
                NewEvent {
                    kind: EventKind::KeyRevoked,
                    subject: prefix,
                    origin,
                    detail: None,
                },
            )?;
        }
        find(conn, prefix)?.ok_or_else(|| StoreError::not_found("API key", prefix))
    })
}
