//! What every handler shares: the database pool, and the API key uses not yet written.

use std::sync::Arc;

use chitieu_schema::db::{DbPool, PooledDb};

use crate::auth::KeyUsage;
use crate::auth::caller_cache::CallerCache;
use crate::error::ApiError;
use crate::rendered_cache::{DEFAULT_BUDGET_BYTES, RenderedCache};

#[derive(Clone)]
pub struct AppState {
    pool: DbPool,
    key_usage: Arc<KeyUsage>,
    rendered: Arc<RenderedCache>,
    callers: Arc<CallerCache>,
}

impl AppState {
    pub fn new(pool: DbPool, key_usage: Arc<KeyUsage>) -> Self {
        Self {
            pool,
            key_usage,
            rendered: Arc::new(RenderedCache::new(DEFAULT_BUDGET_BYTES)),
            callers: Arc::new(CallerCache::default()),
        }
    }

    /// API key uses noted in memory, written by a background task.
    pub fn key_usage(&self) -> &KeyUsage {
        &self.key_usage
    }

    /// Rendered answers of computed reads, by query and data version (see `conditional`).
    pub fn rendered(&self) -> Arc<RenderedCache> {
        Arc::clone(&self.rendered)
    }

    /// The callers credentials stood for, by the stamp they were read under (see
    /// `Caller::authenticate_stamped`).
    pub fn callers(&self) -> Arc<CallerCache> {
        Arc::clone(&self.callers)
    }

    /// Runs blocking Diesel work on the thread pool with a pooled connection, so the async
    /// workers never wait on the database.
    pub async fn db<T, E>(
        &self,
        work: impl FnOnce(&mut PooledDb) -> Result<T, E> + Send + 'static,
    ) -> Result<T, ApiError>
    where
        T: Send + 'static,
        E: Into<ApiError> + Send + 'static,
    {
        let pool = self.pool.clone();
        let outcome = actix_web::web::block(move || {
            let mut conn = pool.get().map_err(|e| ApiError::Unavailable(e.into()))?;
            work(&mut conn).map_err(Into::into)
        })
        .await;
        outcome.map_err(|e| ApiError::Internal(anyhow::anyhow!("blocking task failed: {e}")))?
    }
}
