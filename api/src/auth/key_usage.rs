//! When API keys were last used, written off the request path: a request only notes the use in
//! memory, and a background task writes the notes at most once a minute, so reading with a key
//! never waits for (or competes for) the database's write lock.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use chitieu_schema::accounts::api_keys;
use chitieu_schema::db::Db;
use chitieu_schema::{StoreError, now_utc};
use chrono::NaiveDateTime;

/// How often the notes are written.
pub const FLUSH_EVERY: Duration = Duration::from_secs(60);

/// Uses noted since the last write, by key id.
#[derive(Debug, Default)]
pub struct KeyUsage {
    pending: Mutex<HashMap<i64, NaiveDateTime>>,
}

impl KeyUsage {
    /// Notes that the key was used now.
    pub fn note(&self, key_id: i64) {
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        pending.insert(key_id, now_utc());
    }

    /// Writes the noted uses; on failure they are kept for the next round.
    pub fn flush(&self, conn: &mut Db) -> Result<usize, StoreError> {
        let noted: Vec<(i64, NaiveDateTime)> = {
            let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
            pending.drain().collect()
        };
        for (index, (key_id, at)) in noted.iter().enumerate() {
            if let Err(error) = api_keys::mark_used(conn, *key_id, *at) {
                let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
                for (key_id, at) in &noted[index..] {
                    pending.entry(*key_id).or_insert(*at);
                }
                return Err(error);
            }
        }
        Ok(noted.len())
    }
}
