//! Rendered answers kept by (query, data version): the bytes of a progress report or roll-up
//! in one format, served again without recomputing while the data version has not moved.
//!
//! Never stale: an entry is used only for the version it was stored under, and the version is
//! read from the database on every request, so a write committed by this process or by another
//! replica makes every older entry unreachable (they are dropped when a newer version is
//! stored). Bounded by the bytes of the answers kept; the least recently used goes first.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use actix_web::web::Bytes;

/// An answer as sent: its media type, its body and, for downloads, its Content-Disposition.
#[derive(Debug)]
pub struct Rendered {
    pub content_type: String,
    pub disposition: Option<String>,
    pub body: Bytes,
}

/// What the answers kept may weigh in total. A commune's progress report is about 26 KiB of
/// JSON, so this keeps about a thousand answers and stays far below the server's memory budget.
pub const DEFAULT_BUDGET_BYTES: usize = 32 * 1024 * 1024;

pub struct RenderedCache {
    budget_bytes: usize,
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    entries: HashMap<String, Entry>,
    bytes: usize,
    clock: u64,
    newest_version: i64,
}

struct Entry {
    version: i64,
    answer: Arc<Rendered>,
    /// The callers' scopes (see `conditional`) already checked for this answer at this version.
    readers: Vec<String>,
    last_used: u64,
}

/// An answer found for the query and version, and whether `reader` was already checked for it.
pub struct Hit {
    pub answer: Arc<Rendered>,
    pub reader_known: bool,
}

impl RenderedCache {
    pub fn new(budget_bytes: usize) -> Self {
        Self {
            budget_bytes,
            inner: Mutex::new(Inner::default()),
        }
    }

    pub fn get(&self, key: &str, version: i64, reader: &str) -> Option<Hit> {
        let mut inner = self.lock();
        inner.clock += 1;
        let now = inner.clock;
        let entry = inner
            .entries
            .get_mut(key)
            .filter(|e| e.version == version)?;
        entry.last_used = now;
        Some(Hit {
            answer: Arc::clone(&entry.answer),
            reader_known: entry.readers.iter().any(|r| r == reader),
        })
    }

    /// Notes that `reader` may read the answer stored for `key` at `version`.
    pub fn allow(&self, key: &str, version: i64, reader: &str) {
        let mut inner = self.lock();
        if let Some(entry) = inner.entries.get_mut(key).filter(|e| e.version == version) {
            if !entry.readers.iter().any(|r| r == reader) && entry.readers.len() < 64 {
                entry.readers.push(reader.to_owned());
            }
        }
    }

    pub fn put(&self, key: String, version: i64, answer: Arc<Rendered>, reader: &str) {
        let size = weight(&key, &answer);
        if size > self.budget_bytes / 8 {
            return;
        }
        let mut inner = self.lock();
        if version < inner.newest_version {
            // Computed before a write another request has already seen: of no use to anyone.
            return;
        }
        if version > inner.newest_version {
            inner.newest_version = version;
            let before = inner.entries.len();
            inner.entries.retain(|_, entry| entry.version >= version);
            if inner.entries.len() != before {
                inner.bytes = inner
                    .entries
                    .iter()
                    .map(|(key, entry)| weight(key, &entry.answer))
                    .sum();
            }
        }
        inner.clock += 1;
        let last_used = inner.clock;
        let entry = Entry {
            version,
            answer,
            readers: vec![reader.to_owned()],
            last_used,
        };
        if let Some(old) = inner.entries.insert(key.clone(), entry) {
            inner.bytes -= weight(&key, &old.answer);
        }
        inner.bytes += size;
        while inner.bytes > self.budget_bytes {
            let Some(oldest) = inner
                .entries
                .iter()
                .min_by_key(|(_, entry)| entry.last_used)
                .map(|(key, _)| key.clone())
            else {
                break;
            };
            if let Some(evicted) = inner.entries.remove(&oldest) {
                inner.bytes -= weight(&oldest, &evicted.answer);
            }
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // A panic while holding the lock leaves at worst a stale size count: keep serving.
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

fn weight(key: &str, answer: &Rendered) -> usize {
    key.len() + answer.body.len() + answer.content_type.len() + 128
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(body: &str) -> Arc<Rendered> {
        Arc::new(Rendered {
            content_type: "application/json".to_owned(),
            disposition: None,
            body: Bytes::from(body.to_owned()),
        })
    }

    #[test]
    fn an_answer_is_served_only_for_the_version_it_was_stored_under() {
        let cache = RenderedCache::new(1 << 20);
        cache.put("q".into(), 5, answer("five"), "all");
        assert!(cache.get("q", 5, "all").is_some());
        assert!(cache.get("q", 6, "all").is_none());
        assert!(cache.get("q", 4, "all").is_none());
    }

    #[test]
    fn a_newer_version_drops_every_older_answer() {
        let cache = RenderedCache::new(1 << 20);
        cache.put("a".into(), 5, answer("a5"), "all");
        cache.put("b".into(), 6, answer("b6"), "all");
        assert!(cache.get("a", 5, "all").is_none());
        cache.put("a".into(), 5, answer("late"), "all");
        assert!(cache.get("a", 5, "all").is_none());
    }

    #[test]
    fn the_least_recently_used_answer_goes_first_when_over_budget() {
        let body = "x".repeat(1_000);
        // Each weighs 1,145 bytes (body, key, media type and 128 for the entry): room for eight.
        let cache = RenderedCache::new(9_200);
        for key in ["a", "b", "c", "d", "e", "f", "g", "h"] {
            cache.put(key.into(), 1, answer(&body), "all");
        }
        assert!(cache.get("a", 1, "all").is_some());
        cache.put("i".into(), 1, answer(&body), "all");
        assert!(cache.get("a", 1, "all").is_some());
        assert!(cache.get("b", 1, "all").is_none());
    }

    #[test]
    fn a_reader_is_known_only_once_checked() {
        let cache = RenderedCache::new(1 << 20);
        cache.put("q".into(), 1, answer("q"), "/01/");
        assert!(cache.get("q", 1, "/01/").unwrap().reader_known);
        assert!(!cache.get("q", 1, "/02/").unwrap().reader_known);
        cache.allow("q", 1, "/02/");
        assert!(cache.get("q", 1, "/02/").unwrap().reader_known);
    }
}
