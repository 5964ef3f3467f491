//! Starting the sync with the server: targets from the file, the worker loop and the schedule,
//! and what the sync routes share.

use std::sync::Arc;

use anyhow::Context;
use chitieu_connector::schedule::{self, ScheduleConfig, ScheduleHandle};
use chitieu_connector::targets_file::TargetsFile;
use chitieu_connector::targets_reload::TargetsWatcher;
use chitieu_connector::worker::Worker;
use chitieu_connector::{HttpSettings, HttpTransport, Transport};
use chitieu_schema::db::DbPool;

use crate::sync_settings::SyncSettings;

/// What the sync routes need: the worker (for runs on demand and its metrics) and the
/// schedule (for the next run).
pub struct SyncService {
    pub worker: Arc<Worker>,
    pub schedule: ScheduleConfig,
    /// Whether this process runs the schedule (otherwise another replica may).
    pub schedule_running: bool,
    /// The targets file, watched for changes; `None` when no file is configured.
    pub targets: Option<Arc<TargetsWatcher>>,
}

/// Keeps the background parts alive for as long as the server runs.
pub struct SyncRuntime {
    pub service: Arc<SyncService>,
    worker_loop: Option<tokio::task::JoinHandle<()>>,
    schedule: Option<ScheduleHandle>,
    targets_watch: Option<tokio::task::JoinHandle<()>>,
}

impl SyncRuntime {
    pub async fn stop(self) {
        if let Some(task) = self.worker_loop {
            task.abort();
        }
        if let Some(task) = self.targets_watch {
            task.abort();
        }
        if let Some(schedule) = self.schedule {
            if let Err(error) = schedule.stop().await {
                tracing::warn!(%error, "the sync schedule did not stop cleanly");
            }
        }
    }
}

/// The HTTP transport with the configured timeout.
pub fn http_transport(settings: &SyncSettings) -> anyhow::Result<Arc<dyn Transport>> {
    let transport = HttpTransport::new(HttpSettings {
        timeout: settings.worker_config.send_timeout,
        ..HttpSettings::default()
    })
    .context("could not set up the HTTP transport of the sync")?;
    Ok(Arc::new(transport))
}

/// Stores the targets of the file (when one is named), then starts the worker loop and the
/// schedule as the settings ask.
pub async fn start(
    pool: &DbPool,
    settings: &SyncSettings,
    transport: Arc<dyn Transport>,
) -> anyhow::Result<SyncRuntime> {
    let mut targets = None;
    if let Some(path) = settings.targets_file.clone() {
        // A template that does not parse stops start-up here, with its line and column.
        let file = TargetsFile::read(&path)?;
        let watcher = Arc::new(TargetsWatcher::new(path.clone(), Some(&file)));
        let pool = pool.clone();
        let stored = tokio::task::spawn_blocking(move || -> anyhow::Result<usize> {
            let mut conn = pool.get().context("could not take a database connection")?;
            Ok(file.store(&mut conn)?)
        })
        .await
        .context("the targets file task failed")??;
        tracing::info!(%path, targets = stored, "sync targets stored from the targets file");
        targets = Some(watcher);
    }
    // A changed file (or template body file) takes effect on the next delivery.
    let targets_watch = targets.as_ref().map(|watcher| {
        Arc::clone(watcher).spawn(pool.clone(), settings.worker_config.poll_interval)
    });
    let worker = Arc::new(Worker::new(
        pool.clone(),
        transport,
        settings.worker_config.clone(),
    ));
    let worker_loop = settings.worker.then(|| {
        tracing::info!(worker = %settings.worker_config.worker_id,
            poll = ?settings.worker_config.poll_interval, "sync worker started");
        Arc::clone(&worker).spawn_loop()
    });
    let schedule = if settings.schedule {
        Some(schedule::start(Arc::clone(&worker), settings.schedule_config.clone()).await?)
    } else {
        None
    };
    Ok(SyncRuntime {
        service: Arc::new(SyncService {
            worker,
            schedule: settings.schedule_config.clone(),
            schedule_running: settings.schedule,
            targets,
        }),
        worker_loop,
        schedule,
        targets_watch,
    })
}
