//! A sync run: claim what is due, send it, record it, until nothing due is left.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use chitieu_schema::db::DbPool;
use chitieu_schema::sync::{self, ClaimRequest, OutboxEntry};
use futures_util::StreamExt;
use futures_util::future::{Either, select};
use futures_util::stream::FuturesUnordered;

use super::config::WorkerConfig;
use super::metrics::SyncMetrics;
use crate::Transport;
use crate::blocking::with_db;
use crate::error::SyncError;
use crate::target::Target;
use crate::targets_file::target_from_stored;

/// What one run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunSummary {
    /// Claims made (an entry retried within the run counts each time).
    pub claimed: usize,
    pub sent: usize,
    /// Failed attempts that will be tried again later.
    pub retrying: usize,
    pub attention: usize,
    pub dead: usize,
    /// Entries of reports reopened since their approval: not sent.
    pub superseded: usize,
    /// Entries whose outcome could not be recorded (the claim was lost, or the database
    /// failed); their lease runs out and another run takes them.
    pub unrecorded: usize,
}

/// What became of one claimed entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Recorded {
    Sent,
    Retrying,
    Attention,
    Dead,
    Superseded,
    Unrecorded,
}

impl RunSummary {
    fn add(&mut self, recorded: Recorded) {
        match recorded {
            Recorded::Sent => self.sent += 1,
            Recorded::Retrying => self.retrying += 1,
            Recorded::Attention => self.attention += 1,
            Recorded::Dead => self.dead += 1,
            Recorded::Superseded => self.superseded += 1,
            Recorded::Unrecorded => self.unrecorded += 1,
        }
    }
}

pub struct Worker {
    pub(super) pool: DbPool,
    pub(super) transport: Arc<dyn Transport>,
    pub(super) config: WorkerConfig,
    pub(super) metrics: Arc<SyncMetrics>,
    pub(super) checkpoint: super::checkpoint::RecentCheckpoint,
    /// Webhook deliveries go out through this client, not through the targets' transport.
    pub(super) webhook_client: reqwest::Client,
}

/// What a run waited for and got: a claimed batch, or the outcome of one delivery.
enum Step {
    Claimed(Result<Vec<OutboxEntry>, SyncError>),
    Delivered(Option<Recorded>),
}

/// A target as the worker knows it: usable, or why not (the entries then need attention).
pub(super) type Targets = HashMap<String, Result<Target, String>>;

impl Worker {
    pub fn new(pool: DbPool, transport: Arc<dyn Transport>, config: WorkerConfig) -> Self {
        Self {
            pool,
            transport,
            webhook_client: crate::webhook::client(config.send_timeout),
            config,
            metrics: Arc::new(SyncMetrics::default()),
            checkpoint: Default::default(),
        }
    }

    pub fn config(&self) -> &WorkerConfig {
        &self.config
    }

    pub fn metrics(&self) -> Arc<SyncMetrics> {
        Arc::clone(&self.metrics)
    }

    pub fn pool(&self) -> &DbPool {
        &self.pool
    }

    /// The client webhook deliveries (and test deliveries) go out with.
    pub fn webhook_client(&self) -> &reqwest::Client {
        &self.webhook_client
    }

    /// Sends everything due now (for one target, or all enabled ones), batch after batch,
    /// until a claim comes back empty. Entries that fail wait for their backoff: a later run
    /// takes them.
    ///
    /// The next batch is claimed as soon as the last entry of the previous one has started,
    /// while up to `concurrency` deliveries are still in flight: waiting for a whole batch
    /// to finish first left slots idle behind each batch's slowest answer (the national
    /// month of `benches/sync_national.rs`, 50 ms per answer: 26.5 s that way, 22.8 s now).
    pub async fn run_once(&self, target_code: Option<&str>) -> Result<RunSummary, SyncError> {
        let targets = self.load_targets().await?;
        let concurrency = self.config.concurrency.max(1);
        let mut summary = RunSummary::default();
        let mut waiting: VecDeque<OutboxEntry> = VecDeque::new();
        let mut in_flight = FuturesUnordered::new();
        let mut claiming = None;
        let (mut exhausted, mut failed_claim) = (false, None);
        loop {
            while in_flight.len() < concurrency {
                let Some(entry) = waiting.pop_front() else {
                    break;
                };
                in_flight.push(self.deliver(entry, &targets));
            }
            if waiting.is_empty() && claiming.is_none() && !exhausted {
                claiming = Some(Box::pin(self.claim_batch(target_code)));
            }
            // Worked out first, so the borrows of the claim and the deliveries end here.
            let step = match (claiming.as_mut(), in_flight.is_empty()) {
                (None, true) => break,
                (None, false) => Step::Delivered(in_flight.next().await),
                (Some(claim), true) => Step::Claimed(claim.await),
                (Some(claim), false) => match select(claim, in_flight.next()).await {
                    Either::Left((claimed, _)) => Step::Claimed(claimed),
                    Either::Right((recorded, _)) => Step::Delivered(recorded),
                },
            };
            match step {
                Step::Claimed(claimed) => {
                    claiming = None;
                    match claimed {
                        Ok(batch) if batch.is_empty() => exhausted = true,
                        Ok(batch) => {
                            summary.claimed += batch.len();
                            waiting.extend(batch);
                        }
                        // What is in flight still finishes and records its outcome.
                        Err(error) => (exhausted, failed_claim) = (true, Some(error)),
                    }
                }
                Step::Delivered(Some(recorded)) => summary.add(recorded),
                Step::Delivered(None) => {}
            }
        }
        if summary.claimed > 0 {
            tracing::info!(?summary, worker = %self.config.worker_id, "sync run finished");
        }
        match failed_claim {
            Some(error) => Err(error),
            None => Ok(summary),
        }
    }

    async fn claim_batch(&self, target_code: Option<&str>) -> Result<Vec<OutboxEntry>, SyncError> {
        let request = ClaimRequest {
            worker_id: self.config.worker_id.clone(),
            batch: self.config.batch,
            lease: self.config.lease,
            target_code: target_code.map(str::to_owned),
        };
        with_db(&self.pool, "claiming outbox entries", move |conn| {
            sync::claim(conn, &request).map_err(SyncError::store("claiming outbox entries"))
        })
        .await
    }

    async fn load_targets(&self) -> Result<Targets, SyncError> {
        let stored = with_db(&self.pool, "reading the sync targets", |conn| {
            sync::list_targets(conn).map_err(SyncError::store("reading the sync targets"))
        })
        .await?;
        Ok(stored
            .iter()
            .map(|t| {
                let target = target_from_stored(t).map_err(|e| e.to_string());
                (t.code.clone(), target)
            })
            .collect())
    }

    /// Polls for due entries every `poll_interval`, for as long as the process lives.
    pub fn spawn_loop(self: Arc<Self>) -> tokio::task::JoinHandle<()> {
        tokio::spawn(async move {
            let mut ticks = tokio::time::interval(self.config.poll_interval);
            ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                ticks.tick().await;
                if let Err(error) = self.run_once(None).await {
                    tracing::warn!(error = %error_chain(&error), "the sync worker could not run");
                }
            }
        })
    }
}

/// An error with its sources, on one line.
pub fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
