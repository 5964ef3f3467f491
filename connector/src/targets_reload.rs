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
