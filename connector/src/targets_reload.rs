//! Targets reloaded without a restart: the targets file is read again when it (or a
//! template's `bodyFile`) changes, or when an operator asks through the API; what it holds is
//! stored, and every replica's next run reads the targets from the database.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Mutex, PoisonError};

use chitieu_schema::db::DbPool;

use crate::blocking::with_db;
use crate::error::SyncError;
use crate::targets_file::TargetsFile;

/// Remembers what was last stored from the file, so an unchanged file costs one read.
#[derive(Debug)]
pub struct TargetsWatcher {
    path: String,
    last: Mutex<Option<u64>>,
}

/// What a reload did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reloaded {
    /// The file (and its body files) are as last stored.
    Unchanged,
    /// This many targets were stored.
    Stored(usize),
}

impl TargetsWatcher {
    /// `stored`: the file as stored at start-up, so the first check does not store it again.
    pub fn new(path: String, stored: Option<&TargetsFile>) -> Self {
        Self {
            path,
            last: Mutex::new(stored.map(fingerprint)),
        }
    }

    pub fn path(&self) -> &str {
        &self.path
    }

    /// Reads the file; stores it when it differs from what was last stored, or always when
    /// `force`. A file that no longer parses is an error and the stored targets stay as they
    /// were.
    pub async fn reload(&self, pool: &DbPool, force: bool) -> Result<Reloaded, SyncError> {
        let path = self.path.clone();
        let file = tokio::task::spawn_blocking(move || TargetsFile::read(&path))
            .await
            .map_err(|e| SyncError::Task {
                context: "reading the targets file",
                detail: e.to_string(),
            })??;
        let print = fingerprint(&file);
        if !force && *self.last.lock().unwrap_or_else(PoisonError::into_inner) == Some(print) {
            return Ok(Reloaded::Unchanged);
        }
        let stored = with_db(pool, "storing the reloaded targets", move |conn| {
            file.store(conn)
        })
        .await?;
        *self.last.lock().unwrap_or_else(PoisonError::into_inner) = Some(print);
        tracing::info!(path = %self.path, targets = stored, "sync targets reloaded from the targets file");
        Ok(Reloaded::Stored(stored))
    }

    /// Checks the file every `every` for as long as the process lives; a broken file is
    /// logged (with the template's line and column) and checked again later.
    pub fn spawn(
        self: std::sync::Arc<Self>,
        pool: DbPool,
        every: std::time::Duration,
    ) -> tokio::task::JoinHandle<()> {
        tokio::spawn(async move {
            let mut ticks = tokio::time::interval(every);
            ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            let mut last_error = None;
            loop {
                ticks.tick().await;
                match self.reload(&pool, false).await {
                    Ok(_) => last_error = None,
                    Err(error) => {
                        let text = crate::worker::error_chain(&error);
                        // Said once per distinct problem, not on every tick.
                        if last_error.as_ref() != Some(&text) {
                            tracing::error!(path = %self.path, error = %text,
                                "the changed targets file was not loaded; the targets stay as they were");
                            last_error = Some(text);
                        }
                    }
                }
            }
        })
    }
}

/// The file as it would be stored (body files read in).
fn fingerprint(file: &TargetsFile) -> u64 {
    let mut hasher = DefaultHasher::new();
    format!("{file:?}").hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use chitieu_schema::db::{DatabaseUrl, build_pool, run_pending_migrations};
    use chitieu_schema::sync;

    use super::*;

    fn targets() -> String {
        serde_json::json!({"targets": [{"code": "tinh", "profile": "template",
            "baseUrl": "http://127.0.0.1:9", "auth": {"type": "none"},
            "template": {"path": "/x", "bodyFile": "body.json.j2"}}]})
        .to_string()
    }

    #[tokio::test]
    async fn a_changed_body_file_is_stored_on_the_next_check_and_a_broken_one_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let url =
            DatabaseUrl::parse(&format!("sqlite://{}", dir.path().join("t.db").display())).unwrap();
        let pool = build_pool(&url, 2).unwrap();
        run_pending_migrations(&mut pool.get().unwrap()).unwrap();
        let path = dir.path().join("targets.json");
        let body = dir.path().join("body.json.j2");
        std::fs::write(&path, targets()).unwrap();
        std::fs::write(&body, r#"{"v": 1}"#).unwrap();
        let watcher = TargetsWatcher::new(path.display().to_string(), None);
        let stored_body = |pool: &DbPool| {
            let stored = sync::list_targets(&mut pool.get().unwrap()).unwrap();
            let target = crate::targets_file::target_from_stored(&stored[0]).unwrap();
            target.template.unwrap().body.unwrap()
        };

        assert_eq!(
            watcher.reload(&pool, false).await.unwrap(),
            Reloaded::Stored(1)
        );
        assert_eq!(
            watcher.reload(&pool, false).await.unwrap(),
            Reloaded::Unchanged
        );
        std::fs::write(&body, r#"{"v": 2}"#).unwrap();
        assert_eq!(
            watcher.reload(&pool, false).await.unwrap(),
            Reloaded::Stored(1)
        );
        assert_eq!(stored_body(&pool), r#"{"v": 2}"#);

        std::fs::write(&body, r#"{"v": {% if %}}"#).unwrap();
        let error = watcher.reload(&pool, false).await.unwrap_err().to_string();
        assert!(error.contains("line 1, column"), "{error}");
        assert_eq!(stored_body(&pool), r#"{"v": 2}"#);
    }
}
