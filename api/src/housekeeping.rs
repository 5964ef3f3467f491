//! Background work that keeps requests free of it: writing API key uses once a minute,
//! removing expired idempotency keys and events past their retention, and sealing the audit chain's head into the checkpoint
//! file.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use actix_web::web;
use chitieu_schema::audit::checkpoint;
use chitieu_schema::db::{DbPool, PooledDb};
use chitieu_schema::events;
use chitieu_schema::now_utc;
use chitieu_schema::reports::idempotency;
use tokio::task::JoinHandle;

use crate::auth::KeyUsage;
use crate::auth::key_usage::FLUSH_EVERY;
use crate::integrity_settings::IntegritySettings;

/// How often events past `CHITIEU_EVENT_RETENTION_DAYS` are removed.
const PRUNE_EVERY: Duration = Duration::from_secs(60 * 60);

/// Starts the key-use writer, the idempotency purge and the audit checkpoints (a first
/// checkpoint is taken at once); abort the handles when the server stops.
pub fn spawn(
    pool: &DbPool,
    settings: &IntegritySettings,
    usage: Arc<KeyUsage>,
) -> Vec<JoinHandle<()>> {
    let ttl = settings.idempotency.ttl;
    let retention = settings.event_retention;
    let path: PathBuf = settings.checkpoint_file.clone();
    vec![
        every(pool, FLUSH_EVERY, "noting API key uses", move |conn| {
            usage.flush(conn)?;
            Ok(())
        }),
        every(
            pool,
            FLUSH_EVERY,
            "removing expired idempotency keys",
            move |conn| {
                idempotency::purge_expired(conn, now_utc() - ttl)?;
                Ok(())
            },
        ),
        every(pool, PRUNE_EVERY, "removing old events", move |conn| {
            let removed = events::prune(conn, now_utc() - retention)?;
            if removed > 0 {
                tracing::info!(removed, "events past their retention removed from the feed");
            }
            Ok(())
        }),
        every(
            pool,
            settings.checkpoint_every,
            "sealing the audit chain",
            move |conn| {
                if let Some(sealed) = checkpoint::append_to_file(conn, &path, now_utc())? {
                    tracing::debug!(entries = sealed.entries, head = %sealed.head, "audit checkpoint");
                }
                Ok(())
            },
        ),
    ]
}

/// Runs `work` now and then every `period` on the blocking pool; failures are logged and
/// retried at the next round.
fn every(
    pool: &DbPool,
    period: Duration,
    what: &'static str,
    work: impl Fn(&mut PooledDb) -> anyhow::Result<()> + Send + Sync + 'static,
) -> JoinHandle<()> {
    let pool = pool.clone();
    let work = Arc::new(work);
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(period);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            let (pool, work) = (pool.clone(), Arc::clone(&work));
            let done = web::block(move || {
                let mut conn = pool.get()?;
                work(&mut conn)
            })
            .await;
            match done {
                Ok(Ok(())) => {}
                Ok(Err(error)) => {
                    tracing::warn!(error = %format!("{error:#}"), "{what} failed; will retry")
                }
                Err(error) => tracing::warn!(%error, "{what}: the background task failed"),
            }
        }
    })
}
