//! The callers that credentials stood for, kept in memory by the stamp they were read under
//! (data version and accounts version, see `chitieu_schema::data_version::stamp`), so that a
//! request whose credential was seen since the last write to accounts or units reads one row
//! (the stamp) instead of the account and its home unit.
//!
//! Never stale across replicas: an entry is used only while the stamp read by this request
//! equals the one it was stored under, and the stamp is read before the account, so any write
//! to users, keys or units committed anywhere makes it unreachable. Keys that expire carry
//! their expiry, checked on every use. Bounded: when full, it starts again empty.

use std::collections::HashMap;
use std::sync::Mutex;

use chitieu_schema::data_version::Stamp;
use chrono::NaiveDateTime;

use super::Caller;

/// More distinct credentials than any deployment polls with between two account writes.
const MOST_ENTRIES: usize = 4096;

/// What a credential stood for when read under a stamp.
#[derive(Debug, Clone)]
pub struct Known {
    pub caller: Caller,
    /// The API key's id, for its last-used note.
    pub key_id: Option<i64>,
    /// An API key's expiry: the entry is not used from then on.
    pub expires_at: Option<NaiveDateTime>,
}

#[derive(Default)]
pub struct CallerCache {
    entries: Mutex<HashMap<String, (Stamp, Known)>>,
}

impl CallerCache {
    /// The caller `credential` stood for under `stamp`, if read under it and not expired `now`.
    pub fn get(&self, credential: &str, stamp: Stamp, now: NaiveDateTime) -> Option<Known> {
        let entries = self.lock();
        let (stored, known) = entries.get(credential)?;
        (*stored == stamp && known.expires_at.is_none_or(|at| at > now)).then(|| known.clone())
    }

    pub fn put(&self, credential: String, stamp: Stamp, known: Known) {
        let mut entries = self.lock();
        if entries.len() >= MOST_ENTRIES && !entries.contains_key(&credential) {
            entries.clear();
        }
        entries.insert(credential, (stamp, known));
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, (Stamp, Known)>> {
        // Nothing in the map can be half-written: keep serving after a panic elsewhere.
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use chitieu_schema::accounts::Role;

    use super::*;

    fn known(expires_at: Option<NaiveDateTime>) -> Known {
        Known {
            caller: Caller::for_tests(Role::Viewer, Some("/31/")),
            key_id: Some(1),
            expires_at,
        }
    }

    fn at(hour: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 12, 7)
            .unwrap()
            .and_hms_opt(hour, 0, 0)
            .unwrap()
    }

    #[test]
    fn a_caller_is_known_only_under_the_stamp_it_was_read_under() {
        let cache = CallerCache::default();
        let stamp = Stamp {
            data: 5,
            accounts: 2,
        };
        cache.put("k".into(), stamp, known(None));
        assert!(cache.get("k", stamp, at(1)).is_some());
        assert!(cache.get("k", Stamp { data: 6, ..stamp }, at(1)).is_none());
        assert!(
            cache
                .get(
                    "k",
                    Stamp {
                        accounts: 3,
                        ..stamp
                    },
                    at(1)
                )
                .is_none()
        );
        assert!(cache.get("other", stamp, at(1)).is_none());
    }

    #[test]
    fn an_expired_key_is_not_known_any_more() {
        let cache = CallerCache::default();
        let stamp = Stamp {
            data: 1,
            accounts: 1,
        };
        cache.put("k".into(), stamp, known(Some(at(10))));
        assert!(cache.get("k", stamp, at(9)).is_some());
        assert!(cache.get("k", stamp, at(10)).is_none());
    }
}
