//! Sign-in throttling, kept in the database so that it holds across replicas.
//!
//! Each key (an account at a client address, or a client address) has a count of recent
//! attempts that were not successes. An attempt is counted *before* the password is checked,
//! by a compare-and-swap on the key's row, so a burst of concurrent guesses cannot pass more
//! tries than the limit; a success takes its own count back. Past the free tries every further
//! attempt is delayed, the delay doubling each time up to a maximum: a growing delay, never a
//! lock-out of the account as such.

use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;

use crate::StoreError;
use crate::db::Db;
use crate::schema::sign_in_throttle as t;

/// The rules of one kind of key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottleRule {
    /// Attempts allowed without delay.
    pub free_tries: u32,
    /// The delay after the last free try; each further attempt doubles it.
    pub first_delay: TimeDelta,
    pub max_delay: TimeDelta,
    /// A key whose last counted attempt is older than this starts again from zero.
    pub window: TimeDelta,
}

impl ThrottleRule {
    /// The delay once `count` attempts have been counted, if any.
    fn delay_after(&self, count: i32) -> Option<TimeDelta> {
        let free = i32::try_from(self.free_tries).unwrap_or(i32::MAX);
        if self.free_tries == 0 || count < free {
            return None;
        }
        let doublings = u32::try_from(count - free).unwrap_or(0).min(30);
        let delay = self
            .first_delay
            .checked_mul(1 << doublings)
            .unwrap_or(self.max_delay);
        Some(delay.min(self.max_delay))
    }
}

/// The answer to an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    /// Counted: go on and check the credentials.
    Allowed,
    /// Not counted and not to be checked before `until`.
    Delayed { until: NaiveDateTime },
}

type State = (i32, NaiveDateTime, Option<NaiveDateTime>);

/// Counts an attempt for `key` unless it is delayed now.
pub fn count_attempt(
    conn: &mut Db,
    key: &str,
    rule: &ThrottleRule,
    now: NaiveDateTime,
) -> Result<Attempt, StoreError> {
    if rule.free_tries == 0 {
        return Ok(Attempt::Allowed);
    }
    ensure_row(conn, key)?;
    // A lost compare-and-swap means another attempt was counted in between: read again.
    loop {
        let (count, last, blocked) = read(conn, key)?;
        if let Some(until) = blocked.filter(|until| *until > now) {
            return Ok(Attempt::Delayed { until });
        }
        let fresh = now - last > rule.window;
        let next = if fresh { 1 } else { count + 1 };
        let blocked_until = rule.delay_after(next).map(|delay| now + delay);
        if swap(
            conn,
            key,
            (count, last, blocked),
            (next, now, blocked_until),
        )? {
            return Ok(Attempt::Allowed);
        }
    }
}

/// Starts `key` again from zero: an account at an address that proved it knows the password.
pub fn forget(conn: &mut Db, key: &str) -> Result<(), StoreError> {
    diesel::delete(t::table.find(key))
        .execute(conn)
        .map(|_| ())
        .map_err(StoreError::database("clearing a sign-in throttle"))
}

/// Takes back the count of an attempt that succeeded (or was not checked after all).
pub fn take_back(conn: &mut Db, key: &str, rule: &ThrottleRule) -> Result<(), StoreError> {
    loop {
        let Some(current) = read_optional(conn, key)? else {
            return Ok(());
        };
        let (count, last, blocked) = current;
        let next = (count - 1).max(0);
        // The attempt's own count may have set a delay the failures alone would not have.
        let blocked = blocked.filter(|_| rule.delay_after(next).is_some());
        if swap(conn, key, current, (next, last, blocked))? {
            return Ok(());
        }
    }
}

fn ensure_row(conn: &mut Db, key: &str) -> Result<(), StoreError> {
    if read_optional(conn, key)?.is_some() {
        return Ok(());
    }
    let inserted = diesel::insert_into(t::table)
        .values((
            t::key.eq(key),
            t::failures.eq(0),
            t::last_failure_at.eq(chrono::DateTime::UNIX_EPOCH.naive_utc()),
            t::blocked_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)
        .map_err(StoreError::database("starting a sign-in throttle"));
    match inserted {
        // Another attempt made the row first.
        Ok(_) | Err(StoreError::Conflict { .. }) => Ok(()),
        Err(other) => Err(other),
    }
}

fn read(conn: &mut Db, key: &str) -> Result<State, StoreError> {
    read_optional(conn, key)?.ok_or_else(|| StoreError::not_found("sign-in throttle", key))
}

fn read_optional(conn: &mut Db, key: &str) -> Result<Option<State>, StoreError> {
    t::table
        .find(key)
        .select((t::failures, t::last_failure_at, t::blocked_until))
        .first::<State>(conn)
        .optional()
        .map_err(StoreError::database("reading a sign-in throttle"))
}

/// Writes `new` if the row still holds `old`; false when another attempt changed it first.
fn swap(conn: &mut Db, key: &str, old: State, new: State) -> Result<bool, StoreError> {
    let (count, last, blocked) = old;
    let base = t::table
        .filter(t::key.eq(key))
        .filter(t::failures.eq(count))
        .filter(t::last_failure_at.eq(last));
    let changes = (
        t::failures.eq(new.0),
        t::last_failure_at.eq(new.1),
        t::blocked_until.eq(new.2),
    );
    let updated = match blocked {
        Some(blocked) => diesel::update(base.filter(t::blocked_until.eq(blocked)))
            .set(changes)
            .execute(conn),
        None => diesel::update(base.filter(t::blocked_until.is_null()))
            .set(changes)
            .execute(conn),
    }
    .map_err(StoreError::database("counting a sign-in attempt"))?;
    Ok(updated == 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::test_databases;

    fn rule() -> ThrottleRule {
        ThrottleRule {
            free_tries: 3,
            first_delay: TimeDelta::seconds(30),
            max_delay: TimeDelta::minutes(15),
            window: TimeDelta::minutes(15),
        }
    }

    #[test]
    fn delays_double_after_the_free_tries_up_to_the_maximum() {
        let rule = rule();
        assert_eq!(rule.delay_after(2), None);
        assert_eq!(rule.delay_after(3), Some(TimeDelta::seconds(30)));
        assert_eq!(rule.delay_after(4), Some(TimeDelta::seconds(60)));
        assert_eq!(rule.delay_after(40), Some(TimeDelta::minutes(15)));
    }

    #[test]
    fn the_free_tries_pass_then_attempts_wait_and_a_success_starts_again() {
        for database in test_databases::migrated("throttle") {
            let conn = &mut database.connect();
            let now = crate::now_utc();
            for _ in 0..3 {
                assert_eq!(
                    count_attempt(conn, "k", &rule(), now).unwrap(),
                    Attempt::Allowed
                );
            }
            let Attempt::Delayed { until } = count_attempt(conn, "k", &rule(), now).unwrap() else {
                panic!("the fourth attempt is delayed");
            };
            assert_eq!(until, now + TimeDelta::seconds(30));
            let later = until + TimeDelta::seconds(1);
            assert_eq!(
                count_attempt(conn, "k", &rule(), later).unwrap(),
                Attempt::Allowed
            );
            forget(conn, "k").unwrap();
            assert_eq!(
                count_attempt(conn, "k", &rule(), later).unwrap(),
                Attempt::Allowed
            );
        }
    }
}
