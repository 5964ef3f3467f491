use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;

use super::{ApiKey, Row, from_row, key_columns};
use crate::StoreError;
use crate::accounts::PresentedApiKey;
use crate::db::Db;
use crate::schema::{api_keys, users};

pub fn find(conn: &mut Db, prefix: &str) -> Result<Option<ApiKey>, StoreError> {
    let row = api_keys::table
        .inner_join(users::table)
        .filter(api_keys::prefix.eq(prefix))
        .select(key_columns!())
        .first::<Row>(conn)
        .optional()
        .map_err(StoreError::database("reading an API key"))?;
    row.map(|row| from_row(conn, row)).transpose()
}

/// The key `presented` stands for, when its secret matches and it is active at `now`.
pub fn authenticate(
    conn: &mut Db,
    presented: &PresentedApiKey,
    now: NaiveDateTime,
) -> Result<Option<ApiKey>, StoreError> {
    let stored = api_keys::table
        .filter(api_keys::prefix.eq(presented.prefix()))
        .select(api_keys::secret_hash)
        .first::<String>(conn)
        .optional()
        .map_err(StoreError::database("reading an API key"))?;
    let Some(stored) = stored else {
        return Ok(None);
    };
    if !presented.matches(&stored) {
        return Ok(None);
    }
    Ok(find(conn, presented.prefix())?.filter(|key| key.is_active(now)))
}

/// Notes that a key was used, at most once a minute per key so that busy integrations do
/// not turn every read into a write.
pub fn mark_used(conn: &mut Db, key_id: i64, now: NaiveDateTime) -> Result<(), StoreError> {
    let stale = now - TimeDelta::minutes(1);
    diesel::update(
        api_keys::table.filter(api_keys::id.eq(key_id)).filter(
            api_keys::last_used_at
                .is_null()
                .or(api_keys::last_used_at.lt(stale)),
        ),
    )
    .set(api_keys::last_used_at.eq(now))
    .execute(conn)
    .map(|_| ())
    .map_err(StoreError::database("noting the use of an API key"))
}
