use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;

use super::EventKind;
use crate::StoreError;
use crate::db::Db;
use crate::schema::access_events;

/// Whose failures to count.
#[derive(Debug, Clone, Copy)]
pub enum FailureKey<'a> {
    /// A username or key prefix.
    Subject(&'a str),
    /// A client address.
    Address(&'a str),
}

/// When sign-ins for `key` are allowed again, if `limit` or more failures happened within
/// `window` before `now`; `None` when they are allowed now.
///
/// The window frees when the `limit`-th most recent failure leaves it: from then on fewer than
/// `limit` failures remain inside.
pub fn throttled_until(
    conn: &mut Db,
    key: FailureKey<'_>,
    limit: u32,
    window: TimeDelta,
    now: NaiveDateTime,
) -> Result<Option<NaiveDateTime>, StoreError> {
    if limit == 0 {
        return Ok(None);
    }
    let since = now - window;
    let mut query = access_events::table
        .filter(access_events::kind.eq(EventKind::SignInFailed.as_str()))
        .filter(access_events::at.gt(since))
        .into_boxed();
    query = match key {
        FailureKey::Subject(subject) => query.filter(access_events::subject.eq(subject.to_owned())),
        FailureKey::Address(ip) => query.filter(access_events::client_ip.eq(ip.to_owned())),
    };
    let limit_th = query
        .order(access_events::at.desc())
        .offset(i64::from(limit - 1))
        .limit(1)
        .select(access_events::at)
        .first::<NaiveDateTime>(conn)
        .optional()
        .map_err(StoreError::database("counting recent sign-in failures"))?;
    Ok(limit_th.map(|at| at + window))
}
