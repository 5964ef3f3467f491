//! Diesel is synchronous: every database step runs on the blocking pool with a pooled
//! connection, so the async worker never stalls its runtime on a query.

use chitieu_schema::db::{Db, DbPool};

use crate::error::SyncError;

pub(crate) async fn with_db<T, F>(
    pool: &DbPool,
    context: &'static str,
    work: F,
) -> Result<T, SyncError>
where
    T: Send + 'static,
    F: FnOnce(&mut Db) -> Result<T, SyncError> + Send + 'static,
{
    let pool = pool.clone();
    tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().map_err(SyncError::pool(context))?;
        work(&mut conn)
    })
    .await
    .map_err(|e| SyncError::Task {
        context,
        detail: e.to_string(),
    })?
}
