//! Runs the jobs: the in-memory scheduler on every replica, one claim row per (job, slot).

use std::sync::Arc;

use chitieu_schema::sync;
use chrono::{DateTime, Utc};
use tokio_cron_scheduler::{Job, JobScheduler};

use super::config::{JobKind, JobSpec, ScheduleConfig, VIETNAM};
use super::deadline::{DeadlineWatch, previous_month};
use crate::blocking::with_db;
use crate::error::SyncError;
use crate::worker::Worker;

/// Keeps the scheduler alive; dropping it does not stop the jobs, [`ScheduleHandle::stop`]
/// does.
pub struct ScheduleHandle {
    scheduler: JobScheduler,
}

impl ScheduleHandle {
    pub async fn stop(mut self) -> Result<(), SyncError> {
        self.scheduler
            .shutdown()
            .await
            .map_err(|e| SyncError::Scheduler {
                context: "stopping",
                detail: e.to_string(),
            })
    }
}

/// Starts the scheduler and, in the background, runs the latest slot of each job that was
/// missed while every replica was down.
pub async fn start(
    worker: Arc<Worker>,
    config: ScheduleConfig,
) -> Result<ScheduleHandle, SyncError> {
    let scheduler_error = |context: &'static str| {
        move |e: tokio_cron_scheduler::JobSchedulerError| SyncError::Scheduler {
            context,
            detail: e.to_string(),
        }
    };
    let scheduler = JobScheduler::new()
        .await
        .map_err(scheduler_error("creating the scheduler"))?;
    for spec in &config.jobs {
        let (spec_for_job, worker_for_job) = (spec.clone(), Arc::clone(&worker));
        let job = Job::new_async_tz(spec.cron.as_str(), VIETNAM, move |_id, _scheduler| {
            let (spec, worker) = (spec_for_job.clone(), Arc::clone(&worker_for_job));
            Box::pin(async move {
                if let Some(slot) = spec.slot_at(Utc::now()) {
                    run_slot(&worker, &spec, slot).await;
                }
            })
        })
        .map_err(scheduler_error("adding a job"))?;
        scheduler
            .add(job)
            .await
            .map_err(scheduler_error("adding a job"))?;
    }
    scheduler
        .start()
        .await
        .map_err(scheduler_error("starting the scheduler"))?;
    tracing::info!(jobs = ?config.jobs.iter().map(|j| (&j.name, &j.cron)).collect::<Vec<_>>(),
        timezone = "Asia/Ho_Chi_Minh", "sync schedule started");
    tokio::spawn(catch_up(worker, config));
    Ok(ScheduleHandle { scheduler })
}

/// The latest slot of each job within the catch-up window runs now unless some replica has
/// already claimed it.
async fn catch_up(worker: Arc<Worker>, config: ScheduleConfig) {
    let now = Utc::now();
    for spec in &config.jobs {
        match spec.slot_at(now) {
            Some(slot) if now - slot <= config.catch_up => run_slot(&worker, spec, slot).await,
            _ => {}
        }
    }
}

/// Claims the slot; the replica that took it runs the job and marks the slot finished.
async fn run_slot(worker: &Worker, spec: &JobSpec, slot: DateTime<Utc>) {
    let (job, worker_id) = (spec.name.clone(), worker.config().worker_id.clone());
    let slot_time = slot.naive_utc();
    let claimed = with_db(worker.pool(), "claiming a scheduled slot", move |conn| {
        sync::claim_slot(conn, &job, slot_time, &worker_id)
            .map_err(SyncError::store("claiming a scheduled slot"))
    })
    .await;
    match claimed {
        Ok(true) => {}
        Ok(false) => {
            tracing::debug!(job = %spec.name, %slot, "another replica runs this slot");
            return;
        }
        Err(error) => {
            tracing::warn!(job = %spec.name, %slot, %error, "could not claim a scheduled slot");
            return;
        }
    }
    tracing::info!(job = %spec.name, %slot, "running a scheduled slot");
    if let Err(error) = run_job(worker, spec.kind).await {
        tracing::warn!(job = %spec.name, %slot, error = %crate::worker::error_chain(&error),
            "a scheduled job failed");
    }
    let job = spec.name.clone();
    let finished = with_db(worker.pool(), "finishing a scheduled slot", move |conn| {
        sync::finish_slot(conn, &job, slot_time)
            .map_err(SyncError::store("finishing a scheduled slot"))
    })
    .await;
    if let Err(error) = finished {
        tracing::warn!(job = %spec.name, %slot, %error, "could not mark a slot finished");
    }
}

async fn run_job(worker: &Worker, kind: JobKind) -> Result<(), SyncError> {
    match kind {
        JobKind::Sync => worker.run_once(None).await.map(|_| ()),
        JobKind::FinalSync => {
            let summary = worker.run_once(None).await?;
            let statuses = with_db(worker.pool(), "reading the sync status", |conn| {
                sync::target_status(conn, None).map_err(SyncError::store("reading the sync status"))
            })
            .await?;
            for status in statuses {
                let unsent = status.count(sync::EntryState::Pending)
                    + status.count(sync::EntryState::Attention)
                    + status.count(sync::EntryState::Dead);
                if unsent > 0 {
                    tracing::warn!(target = %status.target.code, unsent, ?summary,
                        "the final sync before the deadline leaves entries unsent");
                }
            }
            Ok(())
        }
        JobKind::DeadlineWatch => {
            let Some(period) = previous_month(Utc::now()) else {
                return Ok(());
            };
            let watch = with_db(worker.pool(), "running the deadline watch", move |conn| {
                let watch = DeadlineWatch::of(conn, &period)?;
                watch.raise_events(conn, Utc::now())?;
                Ok(watch)
            })
            .await?;
            watch.log(Utc::now());
            Ok(())
        }
    }
}
