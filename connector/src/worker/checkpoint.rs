//! The audit checkpoint sent with each theodoinq submission: a signed checkpoint of the audit
//! chain's head (the same line as in the checkpoint file), so the upstream keeps an anchor of
//! our trail that nobody with access to our database can rewrite. Counting the chain costs a
//! scan, so one checkpoint serves every submission of the next second.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use chitieu_schema::audit::Checkpoint;
use chitieu_schema::db::DbPool;
use chitieu_schema::now_utc;

use crate::blocking::with_db;
use crate::error::SyncError;

/// How long a checkpoint is reused before the head is read again.
const FRESH_FOR: Duration = Duration::from_secs(1);

#[derive(Default)]
pub(crate) struct RecentCheckpoint {
    taken: Mutex<Option<(Instant, Option<Checkpoint>)>>,
}

impl RecentCheckpoint {
    /// A checkpoint of the head taken within the last second; `None` while the chain is empty.
    pub async fn recent(&self, pool: &DbPool) -> Result<Option<Checkpoint>, SyncError> {
        if let Some((at, checkpoint)) = self.taken.lock().expect("not poisoned").as_ref() {
            if at.elapsed() < FRESH_FOR {
                return Ok(checkpoint.clone());
            }
        }
        let checkpoint = with_db(pool, "reading the audit chain's head", |conn| {
            Checkpoint::of_head(conn, now_utc())
                .map_err(SyncError::store("reading the audit chain's head"))
        })
        .await?;
        *self.taken.lock().expect("not poisoned") = Some((Instant::now(), checkpoint.clone()));
        Ok(checkpoint)
    }
}
