//! `chitieu sync` (run once now) and `chitieu sync status`: a table per target on stdout.

use std::sync::Arc;

use anyhow::Context;
use chitieu_connector::targets_file::TargetsFile;
use chitieu_connector::worker::{RunSummary, Worker};
use chitieu_schema::db::DbPool;
use chitieu_schema::sync::{self, EntryState, TargetStatus};

use crate::settings::Settings;

/// Stores the targets file (if any), sends everything due now, and prints the outcome and
/// the status of every target.
pub async fn run_once(settings: &Settings, pool: &DbPool) -> anyhow::Result<()> {
    if let Some(path) = &settings.sync.targets_file {
        let file = TargetsFile::read(path)?;
        blocking(pool, move |conn| Ok(file.store(conn)?)).await?;
    }
    let transport = crate::sync::http_transport(&settings.sync)?;
    let worker = Arc::new(Worker::new(
        pool.clone(),
        transport,
        settings.sync.worker_config.clone(),
    ));
    let summary = worker.run_once(None).await?;
    println!("{}", render_run(&summary));
    status(pool).await
}

pub async fn status(pool: &DbPool) -> anyhow::Result<()> {
    let statuses = blocking(pool, |conn| Ok(sync::target_status(conn, None)?)).await?;
    print!("{}", render_status(&statuses));
    Ok(())
}

async fn blocking<T: Send + 'static>(
    pool: &DbPool,
    work: impl FnOnce(&mut chitieu_schema::db::Db) -> anyhow::Result<T> + Send + 'static,
) -> anyhow::Result<T> {
    let pool = pool.clone();
    tokio::task::spawn_blocking(move || {
        let mut conn = pool.get().context("could not take a database connection")?;
        work(&mut conn)
    })
    .await
    .context("the database task failed")?
}

fn render_run(s: &RunSummary) -> String {
    format!(
        "run: claimed {}, sent {}, retrying {}, attention {}, dead {}, superseded {}, unrecorded {}",
        s.claimed, s.sent, s.retrying, s.attention, s.dead, s.superseded, s.unrecorded
    )
}

fn render_status(statuses: &[TargetStatus]) -> String {
    let mut text = format!(
        "{:<20} {:<9} {:>8} {:>8} {:>8} {:>8} {:>9} {:>6}  {:<20}\n",
        "target",
        "profile",
        "pending",
        "retrying",
        "sending",
        "sent",
        "attention",
        "dead",
        "last run (UTC)"
    );
    if statuses.is_empty() {
        text.push_str("(no targets: set CHITIEU_SYNC_TARGETS_FILE)\n");
    }
    for s in statuses {
        let enabled = if s.target.enabled { "" } else { " (disabled)" };
        text.push_str(&format!(
            "{:<20} {:<9} {:>8} {:>8} {:>8} {:>8} {:>9} {:>6}  {:<20}\n",
            format!("{}{enabled}", s.target.code),
            s.target.profile,
            s.count(EntryState::Pending),
            s.retrying,
            s.count(EntryState::Sending),
            s.count(EntryState::Sent),
            s.count(EntryState::Attention),
            s.count(EntryState::Dead),
            s.last_attempt_at.map_or_else(
                || "never".to_owned(),
                |t| t.format("%Y-%m-%d %H:%M:%S").to_string()
            ),
        ));
    }
    text
}
